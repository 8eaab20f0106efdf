package io.mirrorwatch.bench;

import io.mirrorwatch.agent.KafkaCollectors;
import io.mirrorwatch.agent.Pipeline;
import io.mirrorwatch.agent.config.AgentConfig;
import io.mirrorwatch.agent.config.ConfigLoader;
import io.mirrorwatch.agent.evaluate.FlowAssessment;
import io.mirrorwatch.agent.export.AgentSnapshot;
import io.mirrorwatch.agent.model.CollectorHealth;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The agent's full collect-and-evaluate cycle ({@link Pipeline#runOnce()}) on the lab's primary ->
 * dr flow, as the agent runs it: both clusters, no MM2 JMX endpoint (there is no MM2). One
 * Pipeline, built once; two warm-up cycles (see {@link #warmUp()}) must succeed in every collector.
 */
final class AgentCycle implements AutoCloseable {
  private final Pipeline pipeline;

  /**
   * Per collector@cluster, its duration in each timed cycle (seconds), from the agent's own
   * CollectorHealthTracker.
   */
  private final Map<String, List<Double>> collectorSeconds = new TreeMap<>();

  private AgentSnapshot last;

  AgentCycle(String primaryBootstrap, String drBootstrap) {
    AgentConfig config = config(primaryBootstrap, drBootstrap);
    // The agent's own collectors; the config names no MM2 JMX endpoint, so none is scraped.
    this.pipeline =
        new Pipeline(config, Clock.systemUTC(), new KafkaCollectors(config, Clock.systemUTC()));
  }

  /** A generous deadline: a slow call must show up as time, not as a failed collector. */
  static AgentConfig config(String primaryBootstrap, String drBootstrap) {
    String yaml =
        String.join(
            "\n",
            "scrape: {interval: 60s, deadline: 30s}",
            "http: {bind: 127.0.0.1, port: 0}",
            "clusters:",
            "  primary: {bootstrap.servers: \"" + primaryBootstrap + "\"}",
            "  dr: {bootstrap.servers: \"" + drBootstrap + "\"}",
            "flows:",
            "  - source: primary",
            "    target: dr",
            "    policy: default",
            "    topics: {include: [\"bench-.*\"]}",
            "    groups: {include: [\".*\"]}",
            "");
    return ConfigLoader.parse(yaml, Map.of());
  }

  /**
   * Two untimed cycles: the first learns the flow's replica names (the target's replicas are
   * collected from the second cycle on), the second is the first complete one. Throws unless every
   * collector succeeded.
   */
  String warmUp() {
    pipeline.runOnce();
    last = pipeline.runOnce();
    List<String> errors = new ArrayList<>();
    for (CollectorHealth h : last.collectors()) {
      h.lastError().ifPresent(e -> errors.add(h.collector() + "@" + h.cluster() + ": " + e));
    }
    if (!errors.isEmpty()) {
      throw new IllegalStateException("agent warm-up cycle had collector errors: " + errors);
    }
    return describe(last);
  }

  /** One timed cycle, in seconds; its collector timings are kept under {@code label}. */
  double timedCycle(String label) {
    long start = System.nanoTime();
    last = pipeline.runOnce();
    double took = Stats.seconds(System.nanoTime() - start);
    for (CollectorHealth h : last.collectors()) {
      collectorSeconds
          .computeIfAbsent(label + " " + h.collector() + "@" + h.cluster(), k -> new ArrayList<>())
          .add(h.lastDuration().toNanos() / 1e9);
    }
    checkNoErrors(last, label);
    return took;
  }

  /**
   * The cold start: a new Pipeline (new Admin clients, nothing remembered), its first cycle (which
   * learns the replica names, so it leaves the target's replicas out) and its second (the first
   * complete one: every replica's newest timestamp and every offsetsForTimes asked), in seconds.
   */
  static double[] coldCycles(String primaryBootstrap, String drBootstrap) {
    try (AgentCycle fresh = new AgentCycle(primaryBootstrap, drBootstrap)) {
      long t0 = System.nanoTime();
      fresh.pipeline.runOnce();
      long t1 = System.nanoTime();
      AgentSnapshot second = fresh.pipeline.runOnce();
      long t2 = System.nanoTime();
      checkNoErrors(second, "cold");
      return new double[] {Stats.seconds(t1 - t0), Stats.seconds(t2 - t1)};
    }
  }

  private static void checkNoErrors(AgentSnapshot s, String label) {
    for (CollectorHealth h : s.collectors()) {
      h.lastError()
          .ifPresent(
              e -> {
                throw new IllegalStateException(
                    label
                        + " cycle: collector "
                        + h.collector()
                        + "@"
                        + h.cluster()
                        + " failed: "
                        + e);
              });
    }
  }

  /** What the last cycle saw, to show that it covered the estate. */
  String lastCycle() {
    return describe(last);
  }

  Map<String, List<Double>> collectorSeconds() {
    return collectorSeconds;
  }

  static String describe(AgentSnapshot s) {
    StringBuilder b = new StringBuilder();
    for (FlowAssessment f : s.flows()) {
      long atRisk = f.topics().stream().mapToLong(t -> t.records()).sum();
      b.append(
          String.format(
              "flow %s: %d topics, %d groups, records at risk %d, checks %s",
              f.flow(), f.topics().size(), f.groups().size(), atRisk, f.checks().keySet()));
    }
    return b.toString();
  }

  @Override
  public void close() {
    pipeline.close();
  }
}
