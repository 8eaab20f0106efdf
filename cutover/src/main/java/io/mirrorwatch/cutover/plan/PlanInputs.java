package io.mirrorwatch.cutover.plan;

import io.mirrorwatch.agent.evaluate.FlowAssessment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything {@link Planner} needs, collected beforehand.
 *
 * @param flow the flow whose target is failed over to
 * @param allFlows every flow of the config (for the policy statement)
 * @param assessment the agent's verdict on {@code flow}, from its own rules
 * @param groups positions of each group the agent watches on {@code flow}
 * @param targetTopics topics on the target cluster; empty when it could not be listed
 * @param staleCollectors agent collectors whose last attempt failed (name -> last error)
 * @param cycles agent cycles run to get {@code assessment}
 */
public record PlanInputs(
    Instant now,
    FlowRef flow,
    List<FlowRef> allFlows,
    FlowAssessment assessment,
    List<GroupPositions> groups,
    Set<String> targetTopics,
    Map<String, String> staleCollectors,
    int cycles) {
  public PlanInputs {
    allFlows = List.copyOf(allFlows);
    groups = List.copyOf(groups);
    targetTopics = Set.copyOf(targetTopics);
    staleCollectors = Map.copyOf(staleCollectors);
  }
}
