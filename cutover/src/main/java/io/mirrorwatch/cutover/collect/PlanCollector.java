package io.mirrorwatch.cutover.collect;

import io.mirrorwatch.agent.config.AgentConfig;
import io.mirrorwatch.agent.config.FlowConfig;
import io.mirrorwatch.agent.evaluate.FlowAssessment;
import io.mirrorwatch.agent.evaluate.GroupStatus;
import io.mirrorwatch.agent.evaluate.TopicRpo;
import io.mirrorwatch.cutover.plan.FlowRef;
import io.mirrorwatch.cutover.plan.GroupPositions;
import io.mirrorwatch.cutover.plan.PlanInputs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers a plan's inputs, read-only: the agent's assessment of the flow (its pipeline,
 * in-process), then each watched group's positions. Bounded: every remote call has the deadline.
 */
public final class PlanCollector {
  /** The agent cycles to run at most; the first only learns the replicas' names. */
  public static final int MAX_CYCLES = 3;

  private PlanCollector() {}

  public static FlowRef ref(FlowConfig f) {
    return new FlowRef(f.source(), f.target(), f.policy(), f.replication().separator());
  }

  public static PlanInputs collect(
      AgentConfig config, FlowConfig flow, long scanLimit, Clock clock) {
    AgentAssessor.Assessment a = AgentAssessor.assess(config, clock, MAX_CYCLES);
    FlowAssessment assessment =
        a.snapshot().flows().stream()
            .filter(f -> f.flow().equals(flow.name()))
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("the agent assessed no flow " + flow.name()));
    Map<String, String> replicaOf = new LinkedHashMap<>();
    for (TopicRpo t : assessment.topics()) {
      replicaOf.put(t.topic(), t.replica());
    }
    List<GroupPositions> groups = new ArrayList<>();
    java.util.Set<String> targetTopics;
    try (PositionSource positions =
        new KafkaPositions(config, flow, config.deadline(), scanLimit)) {
      targetTopics = positions.targetTopics();
      for (GroupStatus g : assessment.groups()) {
        groups.add(positions.positions(g.group(), replicaOf));
      }
    }
    return new PlanInputs(
        clock.instant(),
        ref(flow),
        config.flows().stream().map(PlanCollector::ref).toList(),
        assessment,
        groups,
        targetTopics,
        a.staleCollectors(),
        a.cycles());
  }
}
