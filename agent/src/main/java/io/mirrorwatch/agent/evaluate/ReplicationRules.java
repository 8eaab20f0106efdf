package io.mirrorwatch.agent.evaluate;

import io.mirrorwatch.agent.config.Thresholds;
import io.mirrorwatch.agent.model.Mm2JmxSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Is MM2 replication healthy (runbook 1.1)? Judged from the clusters themselves first: MM2 says
 * "running" even when its source cluster is gone, and its latency metrics freeze when it stops.
 */
final class ReplicationRules {
  private ReplicationRules() {}

  record Verdict(CheckResult result, int overWarningScrapes) {}

  static Verdict evaluate(
      FlowInputs in,
      List<TopicRpo> topics,
      Optional<Map<Double, Double>> latencyMs,
      Optional<Duration> heartbeatAge,
      int previousOverWarning,
      Thresholds t) {
    CheckResult.Builder b = new CheckResult.Builder();
    if (in.targetCluster().value().isEmpty() && in.sourceCluster().value().isEmpty()) {
      return new Verdict(
          new CheckResult(Level.UNKNOWN, List.of("no data collected from either cluster yet")), 0);
    }
    clusterReachable(b, in.source(), in.sourceCluster().lastError());
    clusterReachable(b, in.target(), in.targetCluster().lastError());
    in.jmx().ifPresent(jmx -> mirrorMakerState(b, jmx.lastError(), jmx.value()));

    boolean jmxFresh = in.jmx().map(j -> j.lastError().isEmpty()).orElse(false);
    OptionalDouble lag = lag(topics, latencyMs, jmxFresh && sourceActive(topics));
    double lagSeconds = lag.orElse(0);
    int overWarning = previousOverWarning;
    if (lag.isEmpty()) {
      b.add(Level.UNKNOWN, "replication lag unknown: no timestamp for the oldest record at risk");
    } else if (lagSeconds >= RpoRules.seconds(t.latencyWarning())) {
      overWarning++;
      boolean sustained = overWarning >= t.sustainedScrapes();
      b.add(
          sustained ? Level.DANGER : Level.WARNING,
          String.format(
              "replication lag %.1f s >= %d s for %d consecutive scrape(s)%s",
              lagSeconds,
              t.latencyWarning().toSeconds(),
              overWarning,
              sustained ? "" : " (danger when sustained)"));
    } else {
      overWarning = 0;
      if (lagSeconds >= RpoRules.seconds(t.latencyHealthy())) {
        b.add(
            Level.WARNING,
            String.format(
                "replication lag %.1f s >= %d s", lagSeconds, t.latencyHealthy().toSeconds()));
      }
    }
    stalls(b, topics, t);
    heartbeatAge.ifPresentOrElse(
        age -> {
          if (age.compareTo(t.stallDanger()) >= 0) {
            b.add(
                Level.DANGER,
                "newest MM2 heartbeat on " + in.target() + " is " + age.toSeconds() + " s old");
          }
        },
        () ->
            b.add(
                Level.WARNING, "no MM2 heartbeat from " + in.source() + " seen on " + in.target()));
    long atRisk = topics.stream().mapToLong(TopicRpo::records).sum();
    return new Verdict(
        b.build(String.format("replicating: %d records at risk, lag %.1f s", atRisk, lagSeconds)),
        overWarning);
  }

  /** Rule: a cluster the agent cannot reach is not replicating (source) or not usable (target). */
  private static void clusterReachable(
      CheckResult.Builder b, String cluster, Optional<String> error) {
    error.ifPresent(e -> b.add(Level.DANGER, "cluster " + cluster + " unreachable: " + e));
  }

  /**
   * Rule: MM2 must answer, its source connector must run; failed tasks are a warning, a failed
   * connector danger.
   */
  private static void mirrorMakerState(
      CheckResult.Builder b, Optional<String> error, Optional<Mm2JmxSnapshot> snapshot) {
    if (error.isPresent() || snapshot.isEmpty()) {
      b.add(
          Level.DANGER,
          "MirrorMaker 2 JMX not answering (MM2 down or hung): " + error.orElse("no scrape yet"));
      return;
    }
    Mm2JmxSnapshot s = snapshot.get();
    String status = s.connectorStatus().getOrDefault("MirrorSourceConnector", "absent");
    if (!status.equals("running")) {
      b.add(Level.DANGER, "MirrorSourceConnector is " + status);
    }
    s.taskStates()
        .forEach(
            (connector, states) -> {
              int failed = states.getOrDefault("failed", 0);
              if (failed > 0) {
                b.add(Level.WARNING, connector + ": " + failed + " task(s) failed");
              }
            });
  }

  /**
   * Rule: the lag is the larger of the oldest record at risk (from the clusters) and MM2's p99
   * replication latency. The latency counts only while JMX answers and the source is producing: MM2
   * freezes it at its last value when the source goes idle (measured on MM2 4.2), so after an
   * outage it would report the outage's latency until new records arrive. Unknown when the age of
   * some topic's oldest record at risk is unknown.
   */
  static OptionalDouble lag(
      List<TopicRpo> topics, Optional<Map<Double, Double>> latencyMs, boolean latencyLive) {
    double lag = 0;
    for (TopicRpo t : topics) {
      if (t.seconds().isEmpty()) {
        return OptionalDouble.empty();
      }
      lag = Math.max(lag, t.seconds().getAsDouble());
    }
    if (latencyLive && latencyMs.isPresent()) {
      lag = Math.max(lag, latencyMs.get().getOrDefault(0.99, 0.0) / 1000.0);
    }
    return OptionalDouble.of(lag);
  }

  /** True when some source topic received records since the previous scrape. */
  private static boolean sourceActive(List<TopicRpo> topics) {
    return topics.stream().anyMatch(t -> t.producedPerSecond() > 0);
  }

  /**
   * Rule: a replica that does not advance while records wait is stalling (warning) or stopped
   * (danger).
   */
  private static void stalls(CheckResult.Builder b, List<TopicRpo> topics, Thresholds t) {
    for (TopicRpo topic : topics) {
      double s = topic.stalledSeconds();
      if (s >= RpoRules.seconds(t.stallDanger())) {
        b.add(
            Level.DANGER,
            String.format(
                "%s has not advanced for %.0f s while %d records wait",
                topic.replica(), s, topic.records()));
      } else if (s >= RpoRules.seconds(t.stallWarning())) {
        b.add(
            Level.WARNING,
            String.format("%s stalling: no progress for %.0f s", topic.replica(), s));
      }
    }
  }
}
