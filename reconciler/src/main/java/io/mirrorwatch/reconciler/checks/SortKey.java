package io.mirrorwatch.reconciler.checks;

import io.mirrorwatch.reconciler.source.Event;
import java.io.Serializable;

/**
 * The key the checks' input is partitioned and sorted by: {@link EventKey}'s hash of the event ID
 * in the upper 56 bits, and in the lowest byte a hash of where the record is (cluster, topic,
 * offset).
 *
 * <p>Why not the event's hash alone: Flink's sorter compares the first 8 bytes of a key directly
 * (its "normalized key") and only on a tie reads both records back to compare them, far slower. An
 * event's records arrive close together, so with the same key every step of the sort that met two
 * of them paid that comparison. With the lowest byte apart they rarely tie, and they still sort
 * next to each other (same upper bits), which is all the checks need: they take an event's records
 * as the run of keys with equal {@link #event()}, not equal keys.
 *
 * <p>{@link #hashCode()} covers the event's bits only: Flink sends a record to the subtask its
 * key's hash code picks, so every record of an event reaches the same one.
 */
public final class SortKey implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final long EVENT_BITS = ~0xffL;

  private final long value;

  SortKey(long value) {
    this.value = value;
  }

  public static SortKey of(Event e) {
    int where =
        (e.cluster().hashCode() * 31 + e.topic().hashCode()) * 31 + Long.hashCode(e.offset());
    return new SortKey(eventOf(e.eventId()) | (mix(where) & 0xff));
  }

  /** {@link #event()} of the keys of an event's records, from its ID alone. */
  public static long eventOf(String eventId) {
    return EventKey.of(eventId) & EVENT_BITS;
  }

  /** The same for every record of an event (and for the rare events whose hashes collide). */
  public long event() {
    return value & EVENT_BITS;
  }

  long value() {
    return value;
  }

  /** Spreads every bit of {@code where} into the low byte, which the key keeps. */
  private static int mix(int where) {
    int h = where * 0x9E3779B9;
    return h ^ (h >>> 16) ^ (h >>> 24);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SortKey other && other.value == value;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(event());
  }

  @Override
  public String toString() {
    return Long.toHexString(value);
  }
}
