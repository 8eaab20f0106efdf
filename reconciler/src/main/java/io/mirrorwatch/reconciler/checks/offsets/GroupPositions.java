package io.mirrorwatch.reconciler.checks.offsets;

import io.mirrorwatch.reconciler.source.offsets.GroupRecord;
import io.mirrorwatch.reconciler.source.offsets.MirrorCheckpoint;
import io.mirrorwatch.reconciler.source.offsets.TopicPart;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One group's committed positions around one cutover.
 *
 * @param started the membership record with which the group first had members on the new cluster
 *     after {@link Cutover#searchFrom()}; empty: it never started there
 * @param oldEnd the last commit per partition on the old cluster before {@code started} (by record
 *     timestamp; before any start, all of them)
 * @param newStart the commit per partition on the new cluster that was in force when the group
 *     started: what its consumers began from, whoever wrote it
 * @param mm2 per partition on the new cluster, MM2's last checkpoint of the group before it started
 *     there (what MM2's translation said; empty without checkpoints)
 */
public record GroupPositions(
    String group,
    Cutover cutover,
    Optional<GroupRecord> started,
    Map<TopicPart, GroupRecord.Commit> oldEnd,
    Map<TopicPart, GroupRecord.Commit> newStart,
    Map<TopicPart, MirrorCheckpoint> mm2) {
  public GroupPositions {
    oldEnd = new TreeMap<>(oldEnd);
    newStart = new TreeMap<>(newStart);
    mm2 = new TreeMap<>(mm2);
  }
}
