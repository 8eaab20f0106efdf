package io.mirrorwatch.reconciler.checks;

import io.mirrorwatch.reconciler.source.PayloadHash;

/**
 * A 64-bit hash of the event ID: its upper 56 bits are the part of every {@link SortKey} that the
 * records of one event share. A fixed-length key sorts by its bytes, where a {@code String} key is
 * compared serialized, byte by byte, at every step of the sort. Two IDs that collide end up in one
 * run of records, and the checks split the run back by ID ({@link EventIdChecksOperator}), so a
 * collision costs time, never a wrong result.
 */
public final class EventKey {
  private static final long SEED = 0x27d4eb2f165667c5L;

  private EventKey() {}

  /**
   * Four UTF-16 chars per step (xxHash64's round, as {@link PayloadHash}), after the ID's length,
   * then MurmurHash3's 64-bit finalizer to spread every input bit. Chars rather than encoded bytes,
   * and four at a time rather than one (FNV-1a): this runs twice per record (Flink's partitioner
   * and its sorter each ask for the key) and once per event in the checks operator, and encoding
   * would allocate.
   */
  public static long of(String eventId) {
    int n = eventId.length();
    long h = PayloadHash.round(SEED, n);
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      h =
          PayloadHash.round(
              h,
              eventId.charAt(i)
                  | (long) eventId.charAt(i + 1) << 16
                  | (long) eventId.charAt(i + 2) << 32
                  | (long) eventId.charAt(i + 3) << 48);
    }
    long tail = 0;
    for (; i < n; i++) {
      tail = tail << 16 | eventId.charAt(i);
    }
    return PayloadHash.spread(PayloadHash.round(h, tail));
  }
}
