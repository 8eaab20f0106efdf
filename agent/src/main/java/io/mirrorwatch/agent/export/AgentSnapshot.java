package io.mirrorwatch.agent.export;

import io.mirrorwatch.agent.evaluate.FlowAssessment;
import io.mirrorwatch.agent.model.CollectorHealth;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the HTTP endpoints serve, published atomically after each cycle: requests read this
 * and never touch a broker or JMX.
 *
 * @param clusterUp cluster alias -> whether the last collect reached it
 */
public record AgentSnapshot(
    Instant cycleEndedAt,
    List<FlowAssessment> flows,
    Map<String, Boolean> clusterUp,
    List<CollectorHealth> collectors) {
  public static AgentSnapshot empty(Instant now) {
    return new AgentSnapshot(now, List.of(), Map.of(), List.of());
  }
}
