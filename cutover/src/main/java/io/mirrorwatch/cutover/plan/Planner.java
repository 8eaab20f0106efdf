package io.mirrorwatch.cutover.plan;

import io.mirrorwatch.agent.evaluate.Check;
import io.mirrorwatch.agent.evaluate.CheckResult;
import io.mirrorwatch.agent.evaluate.GroupStatus;
import io.mirrorwatch.agent.evaluate.Level;
import io.mirrorwatch.cutover.plan.FailoverPlan.Blocker;
import io.mirrorwatch.cutover.plan.FailoverPlan.GroupPlan;
import io.mirrorwatch.cutover.plan.FailoverPlan.PartitionPlan;
import io.mirrorwatch.cutover.plan.FailoverPlan.Precondition;
import io.mirrorwatch.cutover.translate.ExactPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Pure: {@link PlanInputs} -> {@link FailoverPlan}. The readiness rules are the agent's (its
 * assessment is an input); the rules here only say what blocks a failover and what to do about it.
 */
public final class Planner {
  private Planner() {}

  public static FailoverPlan plan(PlanInputs in) {
    List<Blocker> blockers = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<Precondition> preconditions = new ArrayList<>();
    for (Map.Entry<Check, CheckResult> e : new TreeMap<>(in.assessment().checks()).entrySet()) {
      preconditions.add(
          new Precondition(e.getKey().label(), e.getValue().level(), e.getValue().reasons()));
      preconditionRule(e.getKey(), e.getValue(), in.flow(), blockers, warnings);
    }
    List<GroupPlan> groups = new ArrayList<>();
    for (GroupStatus g : in.assessment().groups()) {
      activeOnTargetRule(g, in.flow(), blockers);
      GroupPositions positions = positionsOf(in, g.group());
      positions.error().ifPresent(e -> warnings.add("group " + g.group() + ": " + e));
      List<PartitionPlan> partitions =
          positions.partitions().stream().map(Planner::partition).toList();
      partitions.forEach(p -> skipRule(g.group(), p, warnings));
      groups.add(
          new GroupPlan(
              g.group(),
              g.level(),
              g.reasons(),
              g.activeOnTarget(),
              g.reprocessRecords(),
              partitions));
    }
    staleDataRule(in.staleCollectors(), warnings);
    FailoverPlan.PolicyStatement policy = Routes.policy(in.flow(), in.allFlows());
    if (!policy.consistent()) {
      blockers.add(
          new Blocker(
              policy.statement(), "use one replication policy in both directions (runbook 4.2)"));
    }
    return new FailoverPlan(
        in.now(),
        in.flow(),
        blockers,
        warnings,
        preconditions,
        in.assessment().topics(),
        groups,
        Routes.producers(in),
        Routes.consumers(in),
        policy,
        in.cycles(),
        new TreeMap<>(in.staleCollectors()));
  }

  /**
   * Rule 1: a precondition at danger blocks the failover (runbook section 1: "fix those before
   * following this runbook"); unknown is a warning: the data to judge it is missing, which a person
   * may know more about.
   */
  static void preconditionRule(
      Check check,
      CheckResult result,
      FlowRef flow,
      List<Blocker> blockers,
      List<String> warnings) {
    String summary =
        check.label()
            + " is "
            + result.level().name().toLowerCase(java.util.Locale.ROOT)
            + ": "
            + String.join("; ", result.reasons());
    if (result.level() == Level.DANGER) {
      blockers.add(new Blocker(summary, action(check, flow)));
    } else if (result.level() == Level.UNKNOWN) {
      warnings.add(summary);
    }
  }

  private static String action(Check check, FlowRef flow) {
    return switch (check) {
      case REPLICATION ->
          "restore MirrorMaker 2 replication "
              + flow.name()
              + " and let it catch up (runbook 2.3), or accept the RPO below";
      case OFFSET_TRANSLATION ->
          "fix the groups marked danger below (checkpoints on "
              + flow.target()
              + ", consumers active there)";
      case INDIRECTION -> "make every bootstrap alias point at exactly one cluster (runbook 1.3)";
      case IDEMPOTENCY ->
          "make the groups idempotent and declare them, or accept duplicates " + "(runbook 1.4)";
    };
  }

  /**
   * Rule 2: a group with members on the target blocks: MM2 cannot sync its offsets there, and its
   * consumers would read the target before the cutover.
   */
  static void activeOnTargetRule(GroupStatus g, FlowRef flow, List<Blocker> blockers) {
    if (g.activeOnTarget()) {
      blockers.add(
          new Blocker(
              "group " + g.group() + " has active members on " + flow.target(),
              "stop consumers of group "
                  + g.group()
                  + " on "
                  + flow.target()
                  + " before failover"));
    }
  }

  /**
   * Rule 3: MM2's translation should only ever re-read; a translated offset past the exact position
   * would skip records. Not a blocker: the records exist and can be read by hand.
   */
  static void skipRule(String group, PartitionPlan p, List<String> warnings) {
    if (p.reread().isPresent() && p.reread().getAsLong() < 0) {
      warnings.add(
          "group "
              + group
              + " on "
              + p.replica()
              + "-"
              + p.partition()
              + ": MM2's translated offset "
              + p.translated().getAsLong()
              + " would skip "
              + -p.reread().getAsLong()
              + " record(s); exact start is "
              + p.exact().getAsLong());
    }
  }

  /** Rule 4: a collector that failed in the last cycle served older data; the plan says which. */
  static void staleDataRule(Map<String, String> stale, List<String> warnings) {
    new TreeMap<>(stale).forEach((c, err) -> warnings.add("stale data from " + c + ": " + err));
  }

  /** Exact start and re-read by the exact-translation rule; unknown stays unknown. */
  static PartitionPlan partition(PartitionPosition p) {
    OptionalLong exact = OptionalLong.empty();
    OptionalLong reread = OptionalLong.empty();
    String basis;
    if (p.exact() instanceof ExactPosition.Found f) {
      exact = OptionalLong.of(f.start());
      basis = "event-id";
      if (p.translated().isPresent()) {
        reread = OptionalLong.of(f.rereadFrom(p.translated().getAsLong()));
      }
    } else {
      basis = "unknown (basis: mm2 checkpoint): " + ((ExactPosition.Unknown) p.exact()).reason();
    }
    return new PartitionPlan(
        p.topic(),
        p.partition(),
        p.replica(),
        p.committedOnSource(),
        p.translated(),
        exact,
        basis,
        reread);
  }

  private static GroupPositions positionsOf(PlanInputs in, String group) {
    return in.groups().stream()
        .filter(g -> g.group().equals(group))
        .findFirst()
        .orElse(
            new GroupPositions(
                group, List.of(), java.util.Set.of(), java.util.Optional.of("positions not read")));
  }
}
