package io.mirrorwatch.cutover.plan;

import io.mirrorwatch.agent.evaluate.Check;
import io.mirrorwatch.agent.evaluate.CheckResult;
import io.mirrorwatch.agent.evaluate.FlowAssessment;
import io.mirrorwatch.agent.evaluate.GroupStatus;
import io.mirrorwatch.agent.evaluate.Level;
import io.mirrorwatch.agent.evaluate.RpoBasis;
import io.mirrorwatch.agent.evaluate.TopicRpo;
import io.mirrorwatch.common.replication.PolicyKind;
import io.mirrorwatch.cutover.translate.ExactPosition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/** Plan inputs for primary -> dr, topic orders, one group g; every check healthy unless set. */
final class PlanFixtures {
  static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");

  PolicyKind policy = PolicyKind.DEFAULT;
  Map<Check, CheckResult> checks = new EnumMap<>(Check.class);
  boolean active;
  List<PartitionPosition> partitions = new ArrayList<>();
  Set<String> committedOnTarget = Set.of();
  Set<String> targetTopics = Set.of("orders", "primary.orders");
  List<FlowRef> extraFlows = new ArrayList<>();
  long rpoRecords;

  PlanFixtures() {
    for (Check c : Check.values()) {
      checks.put(c, CheckResult.healthy("fine"));
    }
  }

  FlowRef flow() {
    return new FlowRef("primary", "dr", policy, ".");
  }

  String replica() {
    return policy == PolicyKind.IDENTITY ? "orders" : "primary.orders";
  }

  PlanFixtures check(Check c, Level level, String reason) {
    checks.put(c, new CheckResult(level, List.of(reason)));
    return this;
  }

  PlanFixtures position(int partition, long committed, long translated, ExactPosition exact) {
    partitions.add(
        new PartitionPosition(
            "orders",
            partition,
            replica(),
            OptionalLong.of(committed),
            OptionalLong.of(translated),
            exact));
    return this;
  }

  PlanInputs inputs() {
    GroupStatus g =
        new GroupStatus(
            "g",
            Optional.of(Duration.ofSeconds(1)),
            true,
            active,
            3,
            active ? Level.DANGER : Level.HEALTHY,
            List.of("ok"));
    TopicRpo rpo =
        new TopicRpo(
            "orders", replica(), rpoRecords, OptionalDouble.of(0), 0, 0, RpoBasis.MM2_OFFSETS);
    FlowAssessment a =
        new FlowAssessment(
            "primary->dr",
            NOW,
            checks,
            List.of(rpo),
            List.of(g),
            Optional.empty(),
            Optional.empty(),
            Map.of(),
            Optional.of(true),
            Optional.empty(),
            Map.of());
    List<FlowRef> all = new ArrayList<>(List.of(flow()));
    all.addAll(extraFlows);
    return new PlanInputs(
        NOW,
        flow(),
        all,
        a,
        List.of(new GroupPositions("g", partitions, committedOnTarget, Optional.empty())),
        targetTopics,
        Map.of(),
        2);
  }

  FailoverPlan plan() {
    return Planner.plan(inputs());
  }
}
