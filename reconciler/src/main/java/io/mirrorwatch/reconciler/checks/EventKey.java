package io.mirrorwatch.reconciler.checks;

import io.mirrorwatch.reconciler.source.PayloadHash;

/**
 * A 64-bit hash of the event ID: its upper 56 bits are the part of every {@link SortKey} that the
 * records of one event share. A fixed-length key sorts by its bytes, where a {@code String} key is
 * compared serialized, byte by byte (measured: that comparison was the largest single cost of the
 * job). Two IDs that collide end up in one run of records, and the checks split the run back by ID
 * ({@link EventIdChecksOperator}), so a collision costs time, never a wrong result.
 */
public final class EventKey {
  private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private EventKey() {}

  /**
   * FNV-1a over the UTF-16 chars, then MurmurHash3's 64-bit finalizer to spread every input bit.
   * Chars rather than encoded bytes: this runs twice per record (Flink's partitioner and its sorter
   * each ask for the key), and encoding would allocate.
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
