package io.mirrorwatch.agent.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.agent.config.ConfigLoader;
import io.mirrorwatch.agent.config.Thresholds;
import io.mirrorwatch.agent.evaluate.Check;
import io.mirrorwatch.agent.evaluate.CheckResult;
import io.mirrorwatch.agent.evaluate.FlowAssessment;
import io.mirrorwatch.agent.evaluate.GroupStatus;
import io.mirrorwatch.agent.evaluate.Level;
import io.mirrorwatch.agent.evaluate.RpoBasis;
import io.mirrorwatch.agent.evaluate.TopicRpo;
import io.mirrorwatch.agent.model.CollectorHealth;
import io.mirrorwatch.agent.model.Mm2JmxSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricCatalogueTest {
  private static final Path DOCS = Path.of("..", "docs", "metrics.md");
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  @Test
  void docsMetricsMdIsGeneratedFromTheCatalogue() throws Exception {
    if (Boolean.getBoolean("mirrorwatch.regenerateDocs")) {
      Files.writeString(DOCS, MetricDocs.render());
    }
    assertThat(Files.readString(DOCS)).isEqualTo(MetricDocs.render());
  }

  @Test
  void everyCatalogueMetricIsExposedWithItsHelpAndExactlyItsLabels() {
    MetricsPublisher publisher =
        new MetricsPublisher(() -> MetricSnapshots.builder().build(), Thresholds.defaults());
    publisher.publish(fullSnapshot(), NOW);
    String text = publisher.scrape();
    for (Metric m : Metric.values()) {
      assertThat(text).as(m.prometheusName()).contains("# HELP " + m.prometheusName() + " ");
      String sample =
          text.lines()
              .filter(
                  l ->
                      l.startsWith(m.prometheusName() + "{")
                          || l.startsWith(m.prometheusName() + " "))
              .findFirst()
              .orElseThrow(
                  () -> new AssertionError("no sample of " + m.prometheusName() + " in\n" + text));
      List<String> labels =
          !sample.contains("{")
              ? List.of()
              : java.util.Arrays.stream(
                      sample.substring(sample.indexOf('{') + 1, sample.indexOf('}')).split(","))
                  .map(kv -> kv.substring(0, kv.indexOf('=')))
                  .sorted()
                  .toList();
      assertThat(labels).as(m.prometheusName()).isEqualTo(m.labels().stream().sorted().toList());
    }
  }

  /** The alert rules compare against these, so a user's thresholds and the alerts agree. */
  @Test
  void theConfiguredThresholdsAreExposedFromTheStartAndSurviveEveryCycle() {
    Thresholds t =
        ConfigLoader.parse(
                """
        clusters: {a: {bootstrap.servers: "h:1"}, b: {bootstrap.servers: "h:2"}}
        flows: [{source: a, target: b}]
        thresholds:
          latency: {healthy: 7s, warning: 90s}
          checkpointAge: {danger: 20m}
          stall: {danger: 2m}
          coverage: {healthy: 0.99}
          rpoRecords: {warning: 2500}
        """,
                Map.of())
            .thresholds();
    MetricsPublisher publisher = new MetricsPublisher(() -> MetricSnapshots.builder().build(), t);
    for (int cycle = 0; cycle < 2; cycle++) {
      String text = publisher.scrape();
      assertThat(text)
          .contains("mirrorwatch_threshold_seconds{threshold=\"latency_healthy\"} 7.0")
          .contains("mirrorwatch_threshold_seconds{threshold=\"latency_warning\"} 90.0")
          .contains("mirrorwatch_threshold_seconds{threshold=\"checkpoint_age_danger\"} 1200.0")
          .contains("mirrorwatch_threshold_seconds{threshold=\"stall_danger\"} 120.0")
          .contains("mirrorwatch_threshold_ratio{threshold=\"coverage_healthy\"} 0.99")
          .contains("mirrorwatch_threshold_records{threshold=\"rpo_records_warning\"} 2500.0");
      publisher.publish(fullSnapshot(), NOW);
    }
  }

  @Test
  void rowsThatDisappearAreRemovedFromTheExposition() {
    MetricsPublisher publisher =
        new MetricsPublisher(() -> MetricSnapshots.builder().build(), Thresholds.defaults());
    publisher.publish(fullSnapshot(), NOW);
    assertThat(publisher.scrape()).contains("mirrorwatch_checkpoint_age_seconds{");
    publisher.publish(new AgentSnapshot(NOW, List.of(), Map.of(), List.of()), NOW);
    assertThat(publisher.scrape()).doesNotContain("mirrorwatch_checkpoint_age_seconds{");
  }

  @Test
  void anUnknownRpoAgeIsNaNOnMetricsAndNullInReadiness() throws Exception {
    FlowAssessment known = fullSnapshot().flows().get(0);
    FlowAssessment unknown =
        new FlowAssessment(
            known.flow(),
            NOW,
            known.checks(),
            List.of(
                new TopicRpo(
                    "orders",
                    "primary.orders",
                    3,
                    OptionalDouble.empty(),
                    20,
                    0,
                    RpoBasis.MM2_OFFSETS)),
            known.groups(),
            known.latencyQuantilesMs(),
            known.heartbeatAge(),
            known.coverage(),
            known.jmxUp(),
            known.jmx(),
            known.indirectionTargets());
    AgentSnapshot s = new AgentSnapshot(NOW, List.of(unknown), Map.of(), List.of());
    MetricsPublisher publisher =
        new MetricsPublisher(() -> MetricSnapshots.builder().build(), Thresholds.defaults());
    publisher.publish(s, NOW);
    assertThat(publisher.scrape())
        .contains("mirrorwatch_rpo_seconds{flow=\"primary->dr\",topic=\"orders\"} NaN");
    com.fasterxml.jackson.databind.JsonNode rpo =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(ReadinessJson.render(s, NOW))
            .path("flows")
            .get(0)
            .path("rpo")
            .get(0);
    assertThat(rpo.has("seconds")).isTrue();
    assertThat(rpo.get("seconds").isNull()).isTrue();
    assertThat(rpo.get("records").asLong()).isEqualTo(3);
  }

  static AgentSnapshot fullSnapshot() {
    Map<Check, CheckResult> checks = new EnumMap<>(Check.class);
    for (Check c : Check.values()) {
      checks.put(c, CheckResult.healthy("ok"));
    }
    FlowAssessment flow =
        new FlowAssessment(
            "primary->dr",
            NOW,
            checks,
            List.of(
                new TopicRpo(
                    "orders",
                    "primary.orders",
                    3,
                    OptionalDouble.of(1.5),
                    20,
                    0,
                    RpoBasis.MM2_OFFSETS)),
            List.of(
                new GroupStatus(
                    "g",
                    Optional.of(Duration.ofSeconds(2)),
                    true,
                    false,
                    7,
                    Level.HEALTHY,
                    List.of())),
            Optional.of(Map.of(0.5, 100.0, 0.99, 200.0, 1.0, 300.0)),
            Optional.of(Duration.ofSeconds(1)),
            Map.of("orders", 1.0),
            Optional.of(true),
            Optional.of(
                new Mm2JmxSnapshot(
                    Map.of("MirrorSourceConnector", "running"),
                    Map.of("MirrorSourceConnector", Map.of("running", 1)),
                    List.of(100.0))),
            Map.of("kafka:9092", Set.of("primary")));
    return new AgentSnapshot(
        NOW,
        List.of(flow),
        Map.of("primary", true, "dr", true),
        List.of(
            new CollectorHealth(
                "cluster",
                "primary",
                Duration.ofMillis(30),
                2,
                Optional.of(NOW.minusSeconds(3)),
                Optional.empty())));
  }
}
