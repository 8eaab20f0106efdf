package io.mirrorwatch.reconciler.checks.offsets;

import io.mirrorwatch.reconciler.config.ReconcileConfig;
import io.mirrorwatch.reconciler.source.Anchor;
import io.mirrorwatch.reconciler.source.Event;
import io.mirrorwatch.reconciler.source.TopicPlan;
import io.mirrorwatch.reconciler.source.offsets.CheckpointLog;
import io.mirrorwatch.reconciler.source.offsets.CommitHistory;
import io.mirrorwatch.reconciler.source.offsets.MirrorCheckpoint;
import io.mirrorwatch.reconciler.source.offsets.MirrorTopics;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offset checks around the Flink job, pure: before it, the groups' positions at each configured
 * cutover and the anchors the job must report on; after it, the comparisons.
 */
public final class OffsetCheck {
  private final List<String> groups;
  private final List<Cutover> cutovers;
  private final Map<Cutover.Kind, String> notChecked;
  private final List<GroupPositions> positions;
  private final List<CommitHistory> logs;
  private final List<CheckpointLog.Checkpoints> checkpoints;
  private final OffsetMoves moves;

  private OffsetCheck(
      List<String> groups,
      List<Cutover> cutovers,
      Map<Cutover.Kind, String> notChecked,
      List<GroupPositions> positions,
      List<CommitHistory> logs,
      List<CheckpointLog.Checkpoints> checkpoints,
      OffsetMoves moves) {
    this.groups = groups;
    this.cutovers = cutovers;
    this.notChecked = notChecked;
    this.positions = positions;
    this.logs = logs;
    this.checkpoints = checkpoints;
    this.moves = moves;
  }

  /**
   * @param histories the commit history of each cluster, by MM2 alias (read for {@code
   *     cfg.groups()}); may be empty when {@link Cutover#of} is, since nothing is compared then
   */
  public static OffsetCheck of(
      ReconcileConfig cfg, TopicPlan plan, Map<String, CommitHistory> histories) {
    return of(cfg, plan, histories, Map.of());
  }

  /**
   * @param checkpoints per cutover, MM2's checkpoints of the flow old -> new on the new cluster
   *     (missing: not read)
   */
  public static OffsetCheck of(
      ReconcileConfig cfg,
      TopicPlan plan,
      Map<String, CommitHistory> histories,
      Map<Cutover.Kind, CheckpointLog.Checkpoints> checkpoints) {
    List<Cutover> cutovers = Cutover.of(cfg);
    Map<Cutover.Kind, String> notChecked = new EnumMap<>(Cutover.Kind.class);
    for (Cutover.Kind k : Cutover.Kind.values()) {
      if (cutovers.stream().noneMatch(c -> c.kind() == k)) {
        notChecked.put(k, "window." + k.id() + "At is not configured");
      }
    }
    List<GroupPositions> positions = new ArrayList<>();
    for (Cutover c : cutovers) {
      for (String g : cfg.groups()) {
        List<MirrorCheckpoint> mm2 =
            checkpoints.containsKey(c.kind()) ? checkpoints.get(c.kind()).checkpoints() : List.of();
        positions.add(
            CutoverPositions.of(
                g,
                c,
                histories.get(c.oldCluster()).of(g),
                histories.get(c.newCluster()).of(g),
                mm2));
      }
    }
    List<CommitHistory> logs =
        cfg.clusters().stream()
            .map(s -> histories.get(s.alias()))
            .filter(java.util.Objects::nonNull)
            .toList();
    return new OffsetCheck(
        cfg.groups(),
        cutovers,
        notChecked,
        positions,
        logs,
        List.copyOf(checkpoints.values()),
        new OffsetMoves(plan, new MirrorTopics(cfg.replication())));
  }

  /**
   * The records whose events the job must report: the last record each group consumed before
   * leaving.
   */
  public Set<Anchor> anchors() {
    Set<Anchor> anchors = new LinkedHashSet<>();
    positions.forEach(p -> anchors.addAll(moves.anchors(p)));
    return anchors;
  }

  /**
   * @param reported what the job reported: every record of each event that holds an anchor
   */
  public OffsetsOutcome evaluate(List<Event> reported) {
    Map<Anchor, List<Event>> anchorEvents = byAnchor(anchors(), reported);
    List<OffsetComparison> comparisons = new ArrayList<>();
    positions.forEach(p -> comparisons.addAll(moves.compare(p, anchorEvents)));
    return new OffsetsOutcome(
        groups, cutovers, notChecked, positions, comparisons, logs, checkpoints);
  }

  static Map<Anchor, List<Event>> byAnchor(Set<Anchor> anchors, List<Event> reported) {
    Map<String, List<Event>> byEvent = new HashMap<>();
    reported.forEach(e -> byEvent.computeIfAbsent(e.eventId(), id -> new ArrayList<>()).add(e));
    Map<Anchor, List<Event>> byAnchor = new HashMap<>();
    for (Event e : reported) {
      Anchor a = Anchor.of(e);
      if (anchors.contains(a)) {
        byAnchor.put(a, byEvent.get(e.eventId()));
      }
    }
    return byAnchor;
  }
}
