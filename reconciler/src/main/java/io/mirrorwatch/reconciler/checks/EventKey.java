package io.mirrorwatch.reconciler.checks;

import java.nio.charset.StandardCharsets;

/**
 * The key the checks are grouped by: a 64-bit hash of the event ID. In BATCH mode Flink sorts all
 * input by key before the checks run, and a {@code long} sorts by its fixed-length normalized bytes
 * where a {@code String} key is compared serialized, byte by byte (measured: that comparison was
 * the largest single cost of the job). Two IDs that collide share one key group, and the checks
 * split the group back by ID ({@link EventIdChecksFunction}), so a collision costs time, never a
 * wrong result.
 */
public final class EventKey {
  private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private EventKey() {}

  /** FNV-1a over the UTF-8 bytes, then MurmurHash3's 64-bit finalizer to spread every input bit. */
  public static long of(String eventId) {
    long h = OFFSET_BASIS;
    for (byte b : eventId.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * PRIME;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
