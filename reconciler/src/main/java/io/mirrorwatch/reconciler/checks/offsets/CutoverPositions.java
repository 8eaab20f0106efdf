package io.mirrorwatch.reconciler.checks.offsets;

import io.mirrorwatch.reconciler.source.offsets.GroupRecord;
import io.mirrorwatch.reconciler.source.offsets.MirrorCheckpoint;
import io.mirrorwatch.reconciler.source.offsets.TopicPart;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pure: a group's commit histories on both clusters -> its {@link GroupPositions} at a cutover.
 *
 * <p>Invariant used: the group coordinator appends all of a group's records to one partition of
 * {@code __consumer_offsets}, in the order it applied them. A consumer that joins fetches its
 * committed offsets after its rebalance completed, and that completion is logged (classic: a {@code
 * GroupMetadata} record with members; consumer protocol: a member's metadata record) before any
 * commit of the new members. So the commits in force just before the first record with members are
 * the positions the consumers started from, even when the offsets were written after the cutover
 * instant (the lab drill, and many runbooks, note the cutover time first and move offsets after).
 */
public final class CutoverPositions {
  private CutoverPositions() {}

  public static GroupPositions of(
      String group, Cutover cutover, List<GroupRecord> oldLog, List<GroupRecord> newLog) {
    return of(group, cutover, oldLog, newLog, List.of());
  }

  /**
   * @param checkpoints MM2's checkpoints on the new cluster (of the flow old -> new), in log order;
   *     the last one per partition before the start is kept (by record timestamp)
   */
  public static GroupPositions of(
      String group,
      Cutover cutover,
      List<GroupRecord> oldLog,
      List<GroupRecord> newLog,
      List<MirrorCheckpoint> checkpoints) {
    Map<TopicPart, GroupRecord.Commit> committed = new HashMap<>();
    Membership members = new Membership();
    Optional<GroupRecord> started = Optional.empty();
    Map<TopicPart, GroupRecord.Commit> newStart = Map.of();
    for (GroupRecord r : newLog) {
      boolean hadMembers = members.any();
      members.apply(r);
      boolean inSearch = r.at().timestamp() >= cutover.searchFrom().toEpochMilli();
      if (inSearch && !hadMembers && members.any()) {
        started = Optional.of(r);
        newStart = Map.copyOf(committed);
        break;
      }
      apply(committed, r);
    }
    long before = started.map(r -> r.at().timestamp()).orElse(Long.MAX_VALUE);
    Map<TopicPart, GroupRecord.Commit> oldEnd = new HashMap<>();
    for (GroupRecord r : oldLog) {
      // Two clusters, two logs: "before the start" can only be compared by time here (the brokers'
      // clocks; skew between them shifts which late commit on the old cluster counts).
      if (r.at().timestamp() < before) {
        apply(oldEnd, r);
      }
    }
    Map<TopicPart, MirrorCheckpoint> mm2 = new HashMap<>();
    for (MirrorCheckpoint c : checkpoints) {
      if (c.group().equals(group) && c.timestamp() < before) {
        mm2.put(c.partition(), c);
      }
    }
    return new GroupPositions(group, cutover, started, oldEnd, newStart, mm2);
  }

  private static void apply(Map<TopicPart, GroupRecord.Commit> committed, GroupRecord r) {
    if (r instanceof GroupRecord.Commit c) {
      committed.put(c.partition(), c);
    } else if (r instanceof GroupRecord.CommitDeleted d) {
      committed.remove(d.partition());
    }
  }

  /** Whether the group has members, under either protocol. */
  private static final class Membership {
    private int classic;
    private final Set<String> consumers = new HashSet<>();

    void apply(GroupRecord r) {
      if (r instanceof GroupRecord.ClassicMembers m) {
        classic = m.members();
      } else if (r instanceof GroupRecord.Member m) {
        if (m.joined()) {
          consumers.add(m.memberId());
        } else {
          consumers.remove(m.memberId());
        }
      }
    }

    boolean any() {
      return classic > 0 || !consumers.isEmpty();
    }
  }
}
