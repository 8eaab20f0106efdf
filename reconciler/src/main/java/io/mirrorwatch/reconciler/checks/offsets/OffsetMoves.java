package io.mirrorwatch.reconciler.checks.offsets;

import io.mirrorwatch.reconciler.source.Anchor;
import io.mirrorwatch.reconciler.source.Event;
import io.mirrorwatch.reconciler.source.Role;
import io.mirrorwatch.reconciler.source.TopicPlan;
import io.mirrorwatch.reconciler.source.offsets.GroupRecord;
import io.mirrorwatch.reconciler.source.offsets.MirrorTopics;
import io.mirrorwatch.reconciler.source.offsets.TopicPart;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pure: compares a group's positions at a cutover through the events they point at, since offsets
 * of one event differ between the clusters.
 *
 * <p>Rule: the old end P on partition p points at the last record the group consumed there, offset
 * P - 1 (the anchor). Its first copy in the mirroring partition of the new cluster has offset Q'; a
 * group that neither re-reads nor skips starts at Q' + 1. The actual start Q on that partition then
 * gives {@code offset_regression} (Q < Q' + 1) or {@code offset_jump} (Q > Q' + 1).
 */
public final class OffsetMoves {
  private final TopicPlan plan;
  private final MirrorTopics mirrors;

  public OffsetMoves(TopicPlan plan, MirrorTopics mirrors) {
    this.plan = plan;
    this.mirrors = mirrors;
  }

  /**
   * The anchors whose events the job must report, for these positions (none if the group never
   * started).
   */
  public List<Anchor> anchors(GroupPositions positions) {
    List<Anchor> anchors = new ArrayList<>();
    if (positions.started().isEmpty()) {
      return anchors;
    }
    String old = positions.cutover().oldCluster();
    positions
        .oldEnd()
        .forEach(
            (tp, commit) -> {
              if (commit.offset() > 0 && isStreamTopic(old, tp.topic())) {
                anchors.add(new Anchor(old, tp.topic(), tp.partition(), commit.offset() - 1));
              }
            });
    return anchors;
  }

  /**
   * One comparison per partition of the old end.
   *
   * @param anchorEvents per anchor, every record of its event that the job read (empty or missing:
   *     the anchor record is not in the window)
   */
  public List<OffsetComparison> compare(
      GroupPositions positions, Map<Anchor, List<Event>> anchorEvents) {
    List<OffsetComparison> out = new ArrayList<>();
    positions.oldEnd().forEach((tp, end) -> out.add(compare(positions, tp, end, anchorEvents)));
    return out;
  }

  private OffsetComparison compare(
      GroupPositions pos,
      TopicPart tp,
      GroupRecord.Commit end,
      Map<Anchor, List<Event>> anchorEvents) {
    Cutover c = pos.cutover();
    if (!isStreamTopic(c.oldCluster(), tp.topic())) {
      return notComparable(pos, tp, Optional.empty(), "not a topic of a configured stream");
    }
    TopicPart newTp = mirrors.onPeer(c.oldCluster(), tp, c.newCluster());
    if (pos.started().isEmpty()) {
      return notComparable(
          pos,
          tp,
          Optional.of(newTp),
          "the group did not start on " + c.newCluster() + " after " + c.searchFrom());
    }
    if (end.offset() == 0) {
      return notComparable(pos, tp, Optional.of(newTp), "nothing consumed on " + c.oldCluster());
    }
    Anchor anchor = new Anchor(c.oldCluster(), tp.topic(), tp.partition(), end.offset() - 1);
    List<Event> records = anchorEvents.getOrDefault(anchor, List.of());
    Optional<Event> anchorRecord =
        records.stream().filter(e -> Anchor.of(e).equals(anchor)).findFirst();
    if (anchorRecord.isEmpty()) {
      return notComparable(
          pos,
          tp,
          Optional.of(newTp),
          "the last record consumed (offset "
              + anchor.offset()
              + ") is not in the window or not readable");
    }
    List<Event> copies =
        records.stream()
            .filter(
                e ->
                    e.cluster().equals(c.newCluster())
                        && e.topic().equals(newTp.topic())
                        && e.partition() == newTp.partition())
            .sorted(Comparator.comparingLong(Event::offset))
            .toList();
    if (copies.isEmpty()) {
      return notComparable(
          pos,
          tp,
          Optional.of(newTp),
          "the last record consumed has no copy in " + c.newCluster() + "/" + newTp);
    }
    GroupRecord.Commit start = pos.newStart().get(newTp);
    if (start == null) {
      return notComparable(
          pos,
          tp,
          Optional.of(newTp),
          "no committed offset on "
              + c.newCluster()
              + "/"
              + newTp
              + " when the group started there");
    }
    return new OffsetComparison.Compared(
        pos.group(),
        c,
        tp,
        newTp,
        end,
        anchorRecord.get(),
        copies,
        start,
        Optional.ofNullable(pos.mm2().get(newTp)));
  }

  private boolean isStreamTopic(String cluster, String topic) {
    return plan.find(cluster, topic).filter(t -> t.role() == Role.SOURCE).isPresent();
  }

  private static OffsetComparison notComparable(
      GroupPositions pos, TopicPart tp, Optional<TopicPart> newTp, String reason) {
    return new OffsetComparison.NotComparable(pos.group(), pos.cutover(), tp, newTp, reason);
  }
}
