package io.mirrorwatch.cutover.translate;

/**
 * Where a group that failed over now should start on the replica partition, by event ID: one past
 * the first copy of the last record it consumed on the source. Either found, or unknown with the
 * reason (then only MM2's checkpoint is known).
 */
public sealed interface ExactPosition {

  /**
   * The copy of the group's last consumed record was found on the replica.
   *
   * @param copyOffset offset of its first copy in the replica partition
   */
  record Found(long copyOffset) implements ExactPosition {
    /** The exact start: the record after the copy. */
    public long start() {
      return copyOffset + 1;
    }

    /**
     * Records a group starting at MM2's {@code translated} offset would read again (positive) or
     * skip (negative). Offsets of a topic without transactions are contiguous, so a difference of
     * offsets is a count of records (an upper bound with transaction markers in between).
     */
    public long rereadFrom(long translated) {
      return start() - translated;
    }
  }

  /** Not found; {@code reason} says why, e.g. "no copy in 10000 records from offset 42". */
  record Unknown(String reason) implements ExactPosition {}
}
