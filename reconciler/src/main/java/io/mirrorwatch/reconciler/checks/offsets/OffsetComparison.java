package io.mirrorwatch.reconciler.checks.offsets;

import io.mirrorwatch.reconciler.source.Event;
import io.mirrorwatch.reconciler.source.offsets.GroupRecord;
import io.mirrorwatch.reconciler.source.offsets.MirrorCheckpoint;
import io.mirrorwatch.reconciler.source.offsets.TopicPart;
import java.util.List;
import java.util.Optional;

/** The outcome for one partition a group had committed on the cluster it left. */
public sealed interface OffsetComparison {
  String group();

  Cutover cutover();

  /** The partition on the old cluster. */
  TopicPart oldPartition();

  /**
   * Compared through the event the old position points at.
   *
   * @param oldEnd the group's last commit on the old cluster (position P)
   * @param anchor the record at P - 1 on the old cluster: the last one the group consumed there
   * @param copies the anchor event's records in the mirroring partition on the new cluster, by
   *     offset (more than one: MM2 copied it more than once; the first is the one a consumer meets
   *     first)
   * @param newStart the commit in force on the new cluster when the group started there (position
   *     Q)
   * @param mm2 MM2's last checkpoint for the partition before the start: whether the move came from
   *     MM2's translation or from something else
   */
  record Compared(
      String group,
      Cutover cutover,
      TopicPart oldPartition,
      TopicPart newPartition,
      GroupRecord.Commit oldEnd,
      Event anchor,
      List<Event> copies,
      GroupRecord.Commit newStart,
      Optional<MirrorCheckpoint> mm2)
      implements OffsetComparison {
    public Compared {
      copies = List.copyOf(copies);
    }

    /** Q' + 1: the record after the first copy of the last record consumed. */
    public long expectedStart() {
      return copies.get(0).offset() + 1;
    }

    public long actualStart() {
      return newStart.offset();
    }

    /**
     * Records between the expected and the actual start: negative re-read, positive skipped.
     * Offsets of a topic without transactions are contiguous, so an offset difference is a record
     * count (with transaction markers in between, it is an upper bound).
     */
    public long moved() {
      return actualStart() - expectedStart();
    }
  }

  /** Not comparable, and why (never a finding: the data cannot say whether the group moved). */
  record NotComparable(
      String group,
      Cutover cutover,
      TopicPart oldPartition,
      Optional<TopicPart> newPartition,
      String reason)
      implements OffsetComparison {}
}
