package io.mirrorwatch.agent.collect.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mirrorwatch.agent.collect.CollectException;
import io.mirrorwatch.agent.model.Mm2JmxSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Mm2JmxNodesTest {
  private static final Duration DEADLINE = Duration.ofSeconds(1);

  /** A node that answers with {@code scrape}, or fails when it is empty. */
  private record Node(Optional<JmxScrape> scrape) implements Mm2JmxSource {
    @Override
    public JmxScrape scrape(Duration deadline) throws CollectException {
      return scrape.orElseThrow(() -> new CollectException("JMX scrape of node failed: refused"));
    }

    @Override
    public void close() {}
  }

  private static Node node(
      String status, Map<String, Integer> tasks, List<Double> latency, String partition) {
    MetricSnapshots raw =
        MetricSnapshots.of(
            GaugeSnapshot.builder()
                .name("kafka_connect_mirror_mirrorsourceconnector_replication_latency_ms")
                .dataPoint(
                    GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .labels(Labels.of("partition", partition))
                        .value(1)
                        .build())
                .dataPoint(
                    GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .labels(Labels.of("partition", "shared"))
                        .value(Double.parseDouble(partition))
                        .build())
                .build());
    return new Node(
        Optional.of(
            new JmxScrape(
                new Mm2JmxSnapshot(
                    Map.of("MirrorSourceConnector", status),
                    Map.of("MirrorSourceConnector", tasks),
                    latency),
                raw)));
  }

  @Test
  void theRunningNodeWinsTasksAddUpAndLatenciesArePooled() throws Exception {
    Mm2JmxSource nodes =
        Mm2JmxNodes.of(
            List.of(
                node("unassigned", Map.of("running", 1), List.of(5.0), "0"),
                node("running", Map.of("running", 2, "failed", 1), List.of(7.0, 9.0), "1"),
                node("unassigned", Map.of("running", 1), List.of(), "2")));
    Mm2JmxSnapshot s = nodes.scrape(DEADLINE).snapshot();
    assertThat(s.connectorStatus()).containsEntry("MirrorSourceConnector", "running");
    assertThat(s.taskStates().get("MirrorSourceConnector"))
        .containsEntry("running", 4)
        .containsEntry("failed", 1);
    assertThat(s.replicationLatencyMs()).containsExactlyInAnyOrder(5.0, 7.0, 9.0);
  }

  @Test
  void rawSeriesOfAllNodesAreOneSeriesPerNameAndEachLabelSetOnce() throws Exception {
    Mm2JmxSource nodes =
        Mm2JmxNodes.of(
            List.of(
                node("running", Map.of(), List.of(), "0"),
                node("running", Map.of(), List.of(), "1")));
    MetricSnapshots raw = nodes.scrape(DEADLINE).raw();
    assertThat(raw.size()).isEqualTo(1);
    GaugeSnapshot g = (GaugeSnapshot) raw.get(0);
    assertThat(g.getDataPoints())
        .extracting(d -> d.getLabels().get("partition"))
        .containsExactlyInAnyOrder("0", "shared", "1");
    // The first node's point wins for a label set both report.
    assertThat(g.getDataPoints())
        .filteredOn(d -> d.getLabels().get("partition").equals("shared"))
        .singleElement()
        .satisfies(d -> assertThat(d.getValue()).isEqualTo(0.0));
  }

  @Test
  void aNodeThatFailsLeavesTheOthersAnswer() throws Exception {
    Mm2JmxSource nodes =
        Mm2JmxNodes.of(
            List.of(
                new Node(Optional.empty()),
                node("running", Map.of("running", 1), List.of(3.0), "0")));
    assertThat(nodes.scrape(DEADLINE).snapshot().replicationLatencyMs()).containsExactly(3.0);
  }

  @Test
  void theScrapeFailsOnlyWhenNoNodeAnswers() {
    Mm2JmxSource nodes =
        Mm2JmxNodes.of(List.of(new Node(Optional.empty()), new Node(Optional.empty())));
    assertThatThrownBy(() -> nodes.scrape(DEADLINE))
        .isInstanceOf(CollectException.class)
        .hasMessageContaining("refused");
  }
}
