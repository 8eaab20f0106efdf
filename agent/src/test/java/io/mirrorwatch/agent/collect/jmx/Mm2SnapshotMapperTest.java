package io.mirrorwatch.agent.collect.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.agent.model.Mm2JmxSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Mm2SnapshotMapperTest {
  private final Mm2SnapshotMapper mapper = new Mm2SnapshotMapper("primary", "dr");

  @Test
  void connectorStatusIsTheStatusLabelOfEachConnector() {
    Mm2JmxSnapshot snapshot =
        mapper.snapshot(
            MetricSnapshots.of(
                gauge(
                    Mm2SnapshotMapper.CONNECTOR_STATUS,
                    point(1, "connector", "MirrorSourceConnector", "status", "running"),
                    point(1, "connector", "MirrorCheckpointConnector", "status", "paused"),
                    point(1, "connector", "MirrorHeartbeatConnector", "status", "failed"))));

    assertThat(snapshot.connectorStatus())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "MirrorSourceConnector", "running",
                "MirrorCheckpointConnector", "paused",
                "MirrorHeartbeatConnector", "failed"));
  }

  @Test
  void tasksAreCountedPerConnectorAndStatus() {
    Mm2JmxSnapshot snapshot =
        mapper.snapshot(
            MetricSnapshots.of(
                gauge(
                    Mm2SnapshotMapper.TASK_STATUS,
                    task("MirrorSourceConnector", "0", "running"),
                    task("MirrorSourceConnector", "1", "running"),
                    task("MirrorSourceConnector", "2", "failed"),
                    task("MirrorCheckpointConnector", "0", "unassigned"))));

    assertThat(snapshot.taskStates())
        .isEqualTo(
            Map.of(
                "MirrorSourceConnector", Map.of("running", 2, "failed", 1),
                "MirrorCheckpointConnector", Map.of("unassigned", 1)));
  }

  @Test
  void latencyOfIdlePartitionsReportedAsNaNIsSkipped() {
    Mm2JmxSnapshot snapshot =
        mapper.snapshot(
            MetricSnapshots.of(
                gauge(
                    Mm2SnapshotMapper.REPLICATION_LATENCY_MS,
                    latency("primary", "dr", "0", 12.0),
                    latency("primary", "dr", "1", Double.NaN),
                    latency("primary", "dr", "2", Double.POSITIVE_INFINITY),
                    latency("primary", "dr", "3", 40.0))));

    assertThat(snapshot.replicationLatencyMs()).containsExactly(12.0, 40.0);
  }

  @Test
  void latencyOfOtherFlowsPartitionsIsSkipped() {
    Mm2JmxSnapshot snapshot =
        mapper.snapshot(
            MetricSnapshots.of(
                gauge(
                    Mm2SnapshotMapper.REPLICATION_LATENCY_MS,
                    latency("primary", "dr", "0", 5.0),
                    latency("dr", "primary", "0", 7.0),
                    latency("primary", "backup", "0", 9.0),
                    latency("other", "dr", "0", 11.0))));

    assertThat(snapshot.replicationLatencyMs()).containsExactly(5.0);
  }

  @Test
  void otherAttributesOfTheSourceConnectorAreNotLatency() {
    Mm2JmxSnapshot snapshot =
        mapper.snapshot(
            MetricSnapshots.of(
                gauge(
                    Mm2SnapshotMapper.REPLICATION_LATENCY_MS + "_max",
                    latency("primary", "dr", "0", 99.0)),
                gauge(
                    Mm2SnapshotMapper.REPLICATION_LATENCY_MS, latency("primary", "dr", "0", 3.0))));

    assertThat(snapshot.replicationLatencyMs()).containsExactly(3.0);
  }

  @Test
  void untypedSamplesAreReadLikeGaugesAndSamplesMissingALabelAreSkipped() {
    MetricSnapshot untyped =
        UnknownSnapshot.builder()
            .name(Mm2SnapshotMapper.CONNECTOR_STATUS)
            .dataPoint(
                UnknownDataPointSnapshot.builder()
                    .value(1)
                    .labels(Labels.of("connector", "MirrorSourceConnector", "status", "running"))
                    .build())
            .dataPoint(
                UnknownDataPointSnapshot.builder()
                    .value(1)
                    .labels(Labels.of("connector", "NoStatusConnector"))
                    .build())
            .build();

    assertThat(mapper.snapshot(MetricSnapshots.of(untyped)).connectorStatus())
        .isEqualTo(Map.of("MirrorSourceConnector", "running"));
  }

  @Test
  void noSamplesGiveAnEmptySnapshotNotAnError() {
    Mm2JmxSnapshot snapshot = mapper.snapshot(MetricSnapshots.of());

    assertThat(snapshot.connectorStatus()).isEmpty();
    assertThat(snapshot.taskStates()).isEmpty();
    assertThat(snapshot.replicationLatencyMs()).isEmpty();
  }

  @Test
  void rawSeriesKeepOnlyKafkaConnectMetricsAndDropTheExportersOwn() {
    MetricSnapshots all =
        MetricSnapshots.of(
            gauge("jmx_scrape_error", point(0)),
            gauge("jmx_scrape_duration_seconds", point(0.1)),
            gauge(Mm2SnapshotMapper.REPLICATION_LATENCY_MS, latency("primary", "dr", "0", 1.0)),
            gauge(
                Mm2SnapshotMapper.CONNECTOR_STATUS,
                point(1, "connector", "C", "status", "running")));

    assertThat(Mm2SnapshotMapper.kafkaConnectSeries(all).stream())
        .extracting(s -> s.getMetadata().getPrometheusName())
        .containsExactlyInAnyOrder(
            Mm2SnapshotMapper.REPLICATION_LATENCY_MS, Mm2SnapshotMapper.CONNECTOR_STATUS);
  }

  private static GaugeSnapshot gauge(String name, GaugeDataPointSnapshot... points) {
    GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name);
    for (GaugeDataPointSnapshot p : points) {
      builder.dataPoint(p);
    }
    return builder.build();
  }

  private static GaugeDataPointSnapshot point(double value, String... labels) {
    return GaugeDataPointSnapshot.builder().value(value).labels(Labels.of(labels)).build();
  }

  private static GaugeDataPointSnapshot task(String connector, String task, String status) {
    return point(1, "connector", connector, "task", task, "status", status);
  }

  private static GaugeDataPointSnapshot latency(
      String source, String target, String partition, double value) {
    return point(
        value,
        "source",
        source,
        "target",
        target,
        "topic",
        source + ".orders",
        "partition",
        partition);
  }
}
