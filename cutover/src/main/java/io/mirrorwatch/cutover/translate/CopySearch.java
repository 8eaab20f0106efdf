package io.mirrorwatch.cutover.translate;

import java.util.Optional;

/**
 * The exact-translation rule, fed one replica record at a time by a scan: the group's last consumed
 * record on the source (the anchor, at its commit P - 1) has its first copy at offset Q' in the
 * replica partition, so the group resumes exactly at Q' + 1. Pure: the scan does the IO.
 *
 * <p>Invariants: MM2 copies a partition in order and may copy a record more than once after a
 * restart; the first copy is the one a consumer meets first, so the search stops there. Translation
 * by a checkpoint never lands past that copy (it only ever re-reads), so a scan that starts at the
 * checkpoint's downstream offset minus one starts before it. The scan is bounded: after {@code
 * limit} records without the anchor the position is unknown, never guessed. The reconciler applies
 * the same rule after the fact ({@code OffsetComparison.Compared.expectedStart}).
 */
public final class CopySearch {
  private final String anchorEventId;
  private final long limit;
  private final long from;
  private long seen;
  private Optional<Long> found = Optional.empty();

  /**
   * @param anchorEventId event ID of the record at P - 1 on the source
   * @param from the replica offset the scan starts at
   * @param limit the most records to read
   */
  public CopySearch(String anchorEventId, long from, long limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1: " + limit);
    }
    this.anchorEventId = anchorEventId;
    this.from = from;
    this.limit = limit;
  }

  /** Offers the replica record at {@code offset}; returns whether the search is over. */
  public boolean offer(long offset, Optional<String> eventId) {
    if (done()) {
      return true;
    }
    seen++;
    if (eventId.filter(anchorEventId::equals).isPresent()) {
      found = Optional.of(offset);
    }
    return done();
  }

  /** Found, or the limit is reached. */
  public boolean done() {
    return found.isPresent() || seen >= limit;
  }

  public long seen() {
    return seen;
  }

  /**
   * The result so far; {@code reachedEnd} tells a scan that stopped at the replica's log end (or
   * its deadline) from one that used up the limit.
   */
  public ExactPosition result(boolean reachedEnd) {
    if (found.isPresent()) {
      return new ExactPosition.Found(found.get());
    }
    String where = seen + " record(s) of the replica from offset " + from;
    return new ExactPosition.Unknown(
        seen >= limit
            ? "no copy of event " + anchorEventId + " in " + where + " (--scan-limit " + limit + ")"
            : "no copy of event "
                + anchorEventId
                + " in "
                + where
                + (reachedEnd ? " up to its end: not replicated yet" : ""));
  }
}
