package io.mirrorwatch.cutover.collect;

import io.mirrorwatch.agent.KafkaCollectors;
import io.mirrorwatch.agent.Pipeline;
import io.mirrorwatch.agent.config.AgentConfig;
import io.mirrorwatch.agent.export.AgentSnapshot;
import io.mirrorwatch.agent.model.CollectorHealth;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the agent's own pipeline in-process, with its real collectors and rules, until one cycle has
 * every collector fresh: the first cycle only learns the replicas' names, so at least two run, and
 * at most {@code maxCycles} (each collector call is bounded by the config's deadline, so the whole
 * run is too). A collector that still failed in the last cycle is reported stale, as the agent
 * would.
 */
public final class AgentAssessor {
  /** The result of the last cycle run. */
  public record Assessment(
      AgentSnapshot snapshot, int cycles, Map<String, String> staleCollectors) {}

  private static final int MIN_CYCLES = 2;

  private AgentAssessor() {}

  public static Assessment assess(AgentConfig config, Clock clock, int maxCycles) {
    try (Pipeline pipeline = new Pipeline(config, clock, new KafkaCollectors(config, clock))) {
      AgentSnapshot snapshot = pipeline.runOnce();
      int cycles = 1;
      while (cycles < MIN_CYCLES || (!stale(snapshot).isEmpty() && cycles < maxCycles)) {
        snapshot = pipeline.runOnce();
        cycles++;
      }
      return new Assessment(snapshot, cycles, stale(snapshot));
    }
  }

  /** Collectors whose last attempt failed, or that never succeeded: name@cluster -> why. */
  static Map<String, String> stale(AgentSnapshot snapshot) {
    Map<String, String> stale = new LinkedHashMap<>();
    for (CollectorHealth c : snapshot.collectors()) {
      String name = c.collector() + (c.cluster().isEmpty() ? "" : "@" + c.cluster());
      if (c.lastError().isPresent()) {
        stale.put(name, c.lastError().get());
      } else if (c.lastSuccess().isEmpty()) {
        stale.put(name, "never succeeded");
      }
    }
    return stale;
  }
}
