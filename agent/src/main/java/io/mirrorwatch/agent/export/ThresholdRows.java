package io.mirrorwatch.agent.export;

import io.mirrorwatch.agent.config.Thresholds;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The thresholds in force as gauge rows, so that alert rules compare against the user's config
 * instead of repeating its numbers: one config, and the alerts cannot disagree with readiness.
 * Fixed for the agent's life, so published once, at start, and never replaced by a cycle.
 */
final class ThresholdRows {
  /** The metrics these rows fill; a cycle's {@link MetricRows} leaves them alone. */
  static final Set<Metric> METRICS =
      Set.of(Metric.THRESHOLD_SECONDS, Metric.THRESHOLD_RATIO, Metric.THRESHOLD_RECORDS);

  private ThresholdRows() {}

  /**
   * Label {@code threshold} is the config key, its dots as underscores: {@code latency_healthy}.
   */
  static Map<Metric, List<MetricsPublisher.Row>> of(Thresholds t) {
    Map<Metric, List<MetricsPublisher.Row>> rows = new EnumMap<>(Metric.class);
    rows.put(
        Metric.THRESHOLD_SECONDS,
        List.of(
            seconds("latency_healthy", t.latencyHealthy()),
            seconds("latency_warning", t.latencyWarning()),
            seconds("checkpoint_age_warning", t.checkpointAgeWarning()),
            seconds("checkpoint_age_danger", t.checkpointAgeDanger()),
            seconds("stall_warning", t.stallWarning()),
            seconds("stall_danger", t.stallDanger()),
            seconds("offset_sync_grace", t.offsetSyncGrace())));
    rows.put(
        Metric.THRESHOLD_RATIO,
        List.of(
            row("coverage_healthy", t.coverageHealthy()),
            row("coverage_warning", t.coverageWarning())));
    rows.put(Metric.THRESHOLD_RECORDS, List.of(row("rpo_records_warning", t.rpoRecordsWarning())));
    return rows;
  }

  private static MetricsPublisher.Row seconds(String name, Duration d) {
    return row(name, d.toMillis() / 1000.0);
  }

  private static MetricsPublisher.Row row(String name, double value) {
    return new MetricsPublisher.Row(new String[] {"threshold", name}, value);
  }
}
