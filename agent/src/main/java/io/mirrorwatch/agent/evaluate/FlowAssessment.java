package io.mirrorwatch.agent.evaluate;

import io.mirrorwatch.agent.model.Mm2JmxSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The verdict on one flow at one instant: the four checks, RPO, group translation, and the MM2
 * figures behind them. Exported as metrics and as the JSON readiness document.
 *
 * @param latencyQuantilesMs replication latency across partitions from MM2 JMX: 0.5, 0.99, 1
 * @param jmx the last good MM2 JMX snapshot, if any and if JMX answered at the last scrape
 * @param coverage event-ID header coverage per source topic
 */
public record FlowAssessment(
    String flow,
    Instant evaluatedAt,
    Map<Check, CheckResult> checks,
    List<TopicRpo> topics,
    List<GroupStatus> groups,
    Optional<Map<Double, Double>> latencyQuantilesMs,
    Optional<Duration> heartbeatAge,
    Map<String, Double> coverage,
    Optional<Boolean> jmxUp,
    Optional<Mm2JmxSnapshot> jmx,
    Map<String, Set<String>> indirectionTargets) {

  /** Ready means all four preconditions are healthy; anything else, including unknown, is not. */
  public boolean ready() {
    return checks.values().stream().allMatch(c -> c.level() == Level.HEALTHY);
  }
}
