package io.mirrorwatch.agent.evaluate;

import io.mirrorwatch.agent.config.Thresholds;
import io.mirrorwatch.agent.model.CheckpointInfo;
import io.mirrorwatch.agent.model.ClusterState;
import io.mirrorwatch.agent.model.Mm2State;
import io.mirrorwatch.agent.model.PartitionKey;
import io.mirrorwatch.agent.model.PartitionOffsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Is offset translation working for each watched group (runbook 1.2)? */
final class TranslationRules {
  private TranslationRules() {}

  record Verdict(
      CheckResult result,
      List<GroupStatus> groups,
      Map<String, Instant> unsyncedSince,
      Map<String, FlowHistory.GroupMove> groupMoves) {}

  static Verdict evaluate(
      FlowInputs in,
      Map<PartitionKey, PartitionRpo> rpo,
      FlowHistory history,
      Instant now,
      Thresholds t) {
    if (in.mm2().value().isEmpty()
        || in.targetCluster().value().isEmpty()
        || in.sourceCluster().value().isEmpty()) {
      return new Verdict(
          new CheckResult(
              Level.UNKNOWN, List.of("MM2 checkpoints or group offsets not collected yet")),
          List.of(),
          history.unsyncedSince(),
          history.groupMoves());
    }
    if (in.watchedGroups().isEmpty()) {
      return new Verdict(
          new CheckResult(
              Level.UNKNOWN,
              List.of(
                  "no consumer group with committed offsets on "
                      + in.source()
                      + " matches the flow's group filter")),
          List.of(),
          history.unsyncedSince(),
          history.groupMoves());
    }
    Map<String, Instant> unsynced = new HashMap<>();
    Map<String, FlowHistory.GroupMove> moves = new HashMap<>();
    List<GroupStatus> groups = new ArrayList<>();
    CheckResult.Builder b = new CheckResult.Builder();
    for (String group : in.watchedGroups().stream().sorted().toList()) {
      GroupStatus g = group(in, group, rpo, history, now, t, unsynced, moves);
      groups.add(g);
      if (g.level() != Level.HEALTHY) {
        g.reasons().forEach(r -> b.add(g.level(), group + ": " + r));
      }
    }
    return new Verdict(
        b.build(groups.size() + " group(s) checkpointed and synced"), groups, unsynced, moves);
  }

  private static GroupStatus group(
      FlowInputs in,
      String group,
      Map<PartitionKey, PartitionRpo> rpo,
      FlowHistory history,
      Instant now,
      Thresholds t,
      Map<String, Instant> unsynced,
      Map<String, FlowHistory.GroupMove> moves) {
    Mm2State mm2 = in.mm2().value().orElseThrow();
    ClusterState source = in.sourceCluster().value().orElseThrow();
    ClusterState target = in.targetCluster().value().orElseThrow();
    Map<PartitionKey, CheckpointInfo> checkpoints = mm2.checkpoints().getOrDefault(group, Map.of());
    boolean active = target.activeGroups().contains(group);
    CheckResult.Builder b = new CheckResult.Builder();
    if (checkpoints.isEmpty()) {
      b.add(
          Level.DANGER,
          "never checkpointed by MM2: on failover it would start from auto.offset.reset");
      CheckResult r = b.build("");
      return new GroupStatus(group, Optional.empty(), false, active, 0, r.level(), r.reasons());
    }
    Instant newest =
        checkpoints.values().stream()
            .map(CheckpointInfo::writtenAt)
            .max(Instant::compareTo)
            .orElseThrow();
    Duration age = Duration.between(newest, now);
    Map<PartitionKey, Long> committedNow = source.committed().getOrDefault(group, Map.of());
    FlowHistory.GroupMove move =
        nextMove(history.groupMoves().get(group), committedNow, newest, now);
    moves.put(group, move);
    Duration behind =
        move.uncheckpointedSince().map(since -> Duration.between(since, now)).orElse(Duration.ZERO);
    if (behind.compareTo(t.checkpointAgeDanger()) >= 0) {
      b.add(
          Level.DANGER,
          "group moved " + behind.toSeconds() + " s ago and MM2 has not checkpointed it since");
    } else if (behind.compareTo(t.checkpointAgeWarning()) >= 0) {
      b.add(
          Level.WARNING,
          "group moved " + behind.toSeconds() + " s ago and MM2 has not checkpointed it since");
    }
    if (active) {
      b.add(
          Level.DANGER,
          "active on " + in.target() + ": MM2 cannot sync its offsets there (sync blocked)");
    }
    boolean synced = synced(group, checkpoints, target, history, now, t, unsynced);
    if (!synced) {
      b.add(Level.WARNING, in.target() + " does not hold MM2's translated offsets");
    }
    long reprocess =
        reprocess(
            in,
            checkpoints,
            source.committed().getOrDefault(group, Map.of()),
            target.replicas(),
            rpo);
    CheckResult r = b.build("checkpointed and synced");
    return new GroupStatus(
        group, Optional.of(age), synced, active, reprocess, r.level(), r.reasons());
  }

  /**
   * Rule: MM2 writes a checkpoint only when a group's offsets move, so an idle group's newest
   * checkpoint ages harmlessly. What matters is how long the group has moved without being
   * checkpointed: from the first move the agent saw after the newest checkpoint. (The first sight
   * of a group is not a move: nothing says its offsets changed.)
   */
  static FlowHistory.GroupMove nextMove(
      FlowHistory.GroupMove previous,
      Map<PartitionKey, Long> committedNow,
      Instant newestCheckpoint,
      Instant now) {
    if (previous == null) {
      return new FlowHistory.GroupMove(committedNow, Optional.empty());
    }
    Optional<Instant> since = previous.uncheckpointedSince();
    if (!previous.committed().equals(committedNow) && since.isEmpty()) {
      since = Optional.of(now);
    }
    if (since.isPresent() && !newestCheckpoint.isBefore(since.get())) {
      since = Optional.empty();
    }
    return new FlowHistory.GroupMove(committedNow, since);
  }

  /**
   * Rule: the target holds the translated offsets when its committed offset equals the newest
   * checkpoint's downstream offset on every checkpointed partition. Checkpoints and offset sync run
   * on separate timers, so a difference counts only once it outlasts the sync grace.
   */
  private static boolean synced(
      String group,
      Map<PartitionKey, CheckpointInfo> checkpoints,
      ClusterState target,
      FlowHistory history,
      Instant now,
      Thresholds t,
      Map<String, Instant> unsynced) {
    Map<PartitionKey, Long> committed = target.committed().getOrDefault(group, Map.of());
    boolean equal =
        checkpoints.entrySet().stream()
            .allMatch(
                e ->
                    Long.valueOf(e.getValue().downstreamOffset())
                        .equals(committed.get(e.getKey())));
    if (equal) {
      return true;
    }
    Instant since = history.unsyncedSince().getOrDefault(group, now);
    unsynced.put(group, since);
    return Duration.between(since, now).compareTo(t.offsetSyncGrace()) < 0;
  }

  /**
   * Rule: on failover the group resumes at the translated offset d of each replica partition. Of
   * the replica records from d to its end R, those matching source records the group has not
   * consumed yet (from its committed offset c up to the replicated position P) are new to it; the
   * rest it has already processed on the source and would process again: max(0, R - d - max(0, P -
   * c)).
   */
  static long reprocess(
      FlowInputs in,
      Map<PartitionKey, CheckpointInfo> checkpoints,
      Map<PartitionKey, Long> committed,
      Map<PartitionKey, PartitionOffsets.Replica> targetPartitions,
      Map<PartitionKey, PartitionRpo> rpo) {
    Map<String, String> sourceOfReplica = new HashMap<>();
    in.replicaOf().forEach((src, rep) -> sourceOfReplica.put(rep, src));
    long total = 0;
    for (Map.Entry<PartitionKey, CheckpointInfo> e : checkpoints.entrySet()) {
      PartitionKey replicaKey = e.getKey();
      String sourceTopic = sourceOfReplica.get(replicaKey.topic());
      PartitionOffsets.Replica replica = targetPartitions.get(replicaKey);
      if (sourceTopic == null || replica == null) {
        continue;
      }
      PartitionKey sourceKey = new PartitionKey(sourceTopic, replicaKey.partition());
      Long c = committed.get(sourceKey);
      PartitionRpo p = rpo.get(sourceKey);
      if (c == null || p == null) {
        continue;
      }
      long unread = Math.max(0, p.replicatedPosition() - c);
      total += Math.max(0, replica.latest() - e.getValue().downstreamOffset() - unread);
    }
    return total;
  }
}
