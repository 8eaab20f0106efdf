package io.mirrorwatch.agent.export;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mirrorwatch.agent.config.Thresholds;
import io.mirrorwatch.agent.model.CollectorHealth;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Publishes each cycle's {@link AgentSnapshot} through Micrometer's Prometheus registry. Each gauge
 * metric is one {@link MultiGauge} registered once and re-filled every cycle (rows that vanish are
 * removed); error counters are {@link FunctionCounter}s over the collectors' running totals, and
 * failed cycles a plain {@link Counter} (registered at start, so it reads 0 before any failure).
 * The raw MM2 JMX series are re-exposed by a collector registered in the same Prometheus registry.
 */
public final class MetricsPublisher {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<Metric, MultiGauge> gauges = new EnumMap<>(Metric.class);
  private final Map<String, CollectorHealth> health = new ConcurrentHashMap<>();
  private final Set<String> counters = ConcurrentHashMap.newKeySet();
  private final Counter cycleFailures;

  /** {@code thresholds} are published at once and stay: they are fixed for the agent's life. */
  public MetricsPublisher(Supplier<MetricSnapshots> rawJmx, Thresholds thresholds) {
    for (Metric m : Metric.values()) {
      if (m.kind() == Metric.Kind.GAUGE) {
        gauges.put(
            m, MultiGauge.builder(m.micrometerName()).description(m.help()).register(registry));
      }
    }
    cycleFailures =
        Counter.builder(Metric.CYCLE_FAILURES_TOTAL.micrometerName())
            .description(Metric.CYCLE_FAILURES_TOTAL.help())
            .register(registry);
    registry.getPrometheusRegistry().register((MultiCollector) rawJmx::get);
    register(ThresholdRows.of(thresholds));
  }

  /** Counts a cycle that failed as a whole: nothing was published for it. */
  public void cycleFailed() {
    cycleFailures.increment();
  }

  /** Replaces every gauge's rows with the snapshot's values. */
  public void publish(AgentSnapshot snapshot, Instant now) {
    register(MetricRows.of(snapshot, now));
    for (CollectorHealth h : snapshot.collectors()) {
      String key = h.collector() + "/" + h.cluster();
      health.put(key, h);
      if (counters.add(key)) {
        FunctionCounter.builder(
                Metric.COLLECT_ERRORS_TOTAL.micrometerName(), health, m -> m.get(key).errors())
            .description(Metric.COLLECT_ERRORS_TOTAL.help())
            .tags("collector", h.collector(), "cluster", h.cluster())
            .register(registry);
      }
    }
  }

  /** Replaces the rows of each metric in {@code rows}; other metrics keep theirs. */
  private void register(Map<Metric, List<Row>> rows) {
    rows.forEach(
        (metric, list) ->
            gauges
                .get(metric)
                .register(
                    list.stream()
                        .map(r -> MultiGauge.Row.of(Tags.of(r.tags()), r.value()))
                        .toList(),
                    true));
  }

  /** The Prometheus text exposition: memory only, never a remote call. */
  public String scrape() {
    return registry.scrape();
  }

  /** One gauge row: label values in catalogue order and the value. */
  record Row(String[] tags, double value) {}
}
