package io.mirrorwatch.agent.collect.jmx;

import io.mirrorwatch.agent.model.Mm2JmxSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Turns the exporter's samples (Strimzi names, see {@link Mm2ExporterConfig}) into the {@link
 * Mm2JmxSnapshot} of one flow. Pure: no IO, no clock.
 *
 * <p>Scope: the connector and task status MBeans carry no source/target tags, so statuses describe
 * the whole MM2 process behind the JMX URL (one flow per MM2, as dedicated-mode {@code --clusters
 * <target>} deployments run it); only replication latency is filtered by this flow's aliases.
 * Samples lacking a label a rule always sets are skipped rather than guessed.
 */
public final class Mm2SnapshotMapper {
  public static final String CONNECTOR_STATUS = "kafka_connect_connector_status";
  public static final String TASK_STATUS = "kafka_connect_connector_task_status";
  public static final String REPLICATION_LATENCY_MS =
      "kafka_connect_mirror_mirrorsourceconnector_replication_latency_ms";

  /**
   * Every series this package re-exposes starts with this; the exporter's own are {@code jmx_*}.
   */
  public static final String RAW_PREFIX = "kafka_connect_";

  private final String sourceAlias;
  private final String targetAlias;

  public Mm2SnapshotMapper(String sourceAlias, String targetAlias) {
    this.sourceAlias = Objects.requireNonNull(sourceAlias, "sourceAlias");
    this.targetAlias = Objects.requireNonNull(targetAlias, "targetAlias");
  }

  public Mm2JmxSnapshot snapshot(MetricSnapshots metrics) {
    return new Mm2JmxSnapshot(
        connectorStatus(metrics), taskStates(metrics), replicationLatencyMs(metrics));
  }

  /** Only the {@code kafka_connect_*} series, for re-exposition. */
  public static MetricSnapshots kafkaConnectSeries(MetricSnapshots metrics) {
    return new MetricSnapshots(
        metrics.stream()
            .filter(s -> s.getMetadata().getPrometheusName().startsWith(RAW_PREFIX))
            .toList());
  }

  /**
   * Connector -> status. Connect's {@code status} attribute holds one value per connector, so the
   * rule yields one sample per connector; should two ever appear, the alphabetically first status
   * wins, so the result does not depend on sample order.
   */
  private static Map<String, String> connectorStatus(MetricSnapshots metrics) {
    Map<String, String> status = new HashMap<>();
    samples(metrics, CONNECTOR_STATUS)
        .forEach(
            s -> {
              Optional<String> connector = s.label("connector");
              Optional<String> value = s.label("status");
              if (connector.isPresent() && value.isPresent()) {
                status.merge(connector.get(), value.get(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
              }
            });
    return status;
  }

  /** Connector -> task status -> number of tasks: one sample per task. */
  private static Map<String, Map<String, Integer>> taskStates(MetricSnapshots metrics) {
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    samples(metrics, TASK_STATUS)
        .forEach(
            s -> {
              Optional<String> connector = s.label("connector");
              Optional<String> status = s.label("status");
              if (connector.isPresent() && status.isPresent()) {
                counts
                    .computeIfAbsent(connector.get(), c -> new TreeMap<>())
                    .merge(status.get(), 1, Integer::sum);
              }
            });
    Map<String, Map<String, Integer>> immutable = new HashMap<>();
    counts.forEach((connector, byStatus) -> immutable.put(connector, Map.copyOf(byStatus)));
    return immutable;
  }

  /**
   * Latency of this flow's partitions, in the model's label order (topic, then partition as text).
   * MM2 reports NaN for a partition that has replicated nothing in the metric's window; NaN and
   * infinities are not latencies and are left out.
   */
  private List<Double> replicationLatencyMs(MetricSnapshots metrics) {
    List<Double> latencies = new ArrayList<>();
    samples(metrics, REPLICATION_LATENCY_MS)
        .filter(s -> s.label("source").filter(sourceAlias::equals).isPresent())
        .filter(s -> s.label("target").filter(targetAlias::equals).isPresent())
        .filter(s -> Double.isFinite(s.value()))
        .forEach(s -> latencies.add(s.value()));
    return latencies;
  }

  /** Gauge and untyped samples named {@code name}; rules declare GAUGE, UNKNOWN is tolerated. */
  private static Stream<Sample> samples(MetricSnapshots metrics, String name) {
    return metrics.stream()
        .filter(s -> s.getMetadata().getPrometheusName().equals(name))
        .map(MetricSnapshot::getDataPoints)
        .flatMap(List::stream)
        .flatMap(Mm2SnapshotMapper::sample);
  }

  private static Stream<Sample> sample(DataPointSnapshot point) {
    if (point instanceof GaugeDataPointSnapshot gauge) {
      return Stream.of(new Sample(gauge.getLabels(), gauge.getValue()));
    }
    if (point instanceof UnknownDataPointSnapshot unknown) {
      return Stream.of(new Sample(unknown.getLabels(), unknown.getValue()));
    }
    return Stream.empty();
  }

  private record Sample(Labels labels, double value) {
    Optional<String> label(String name) {
      return Optional.ofNullable(labels.get(name));
    }
  }
}
