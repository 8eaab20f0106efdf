package io.mirrorwatch.reconciler.checks;

import io.mirrorwatch.reconciler.source.PayloadHash;

/**
 * The key the checks are grouped by: a 64-bit hash of the event ID. In BATCH mode Flink sorts all
 * input by key before the checks run, and a {@code long} sorts by its fixed-length normalized bytes
 * where a {@code String} key is compared serialized, byte by byte (measured: that comparison was
 * the largest single cost of the job). Two IDs that collide share one key group, and the checks
 * split the group back by ID ({@link EventIdChecksOperator}), so a collision costs time, never a
 * wrong result.
 */
public final class EventKey {
  private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private EventKey() {}

  /**
   * FNV-1a over the UTF-16 chars, then MurmurHash3's 64-bit finalizer to spread every input bit.
   * Chars rather than encoded bytes: this runs once per record, and encoding would allocate.
   */
  public static long of(String eventId) {
    long h = OFFSET_BASIS;
    for (int i = 0; i < eventId.length(); i++) {
      char c = eventId.charAt(i);
      h = (h ^ (c & 0xff)) * PRIME;
      h = (h ^ (c >>> 8)) * PRIME;
    }
    return PayloadHash.spread(h);
  }
}
