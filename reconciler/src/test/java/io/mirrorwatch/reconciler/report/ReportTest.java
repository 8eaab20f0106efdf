package io.mirrorwatch.reconciler.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrorwatch.reconciler.config.ConfigLoader;
import io.mirrorwatch.reconciler.config.ReconcileConfig;
import io.mirrorwatch.reconciler.config.WindowOverrides;
import io.mirrorwatch.reconciler.finding.Finding;
import io.mirrorwatch.reconciler.finding.FindingKind;
import io.mirrorwatch.reconciler.finding.RecordRef;
import io.mirrorwatch.reconciler.source.Origin;
import io.mirrorwatch.reconciler.source.ReadStats;
import io.mirrorwatch.reconciler.source.Role;
import io.mirrorwatch.reconciler.source.TopicPlan;
import io.mirrorwatch.reconciler.source.Unreadable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  static final ReconcileConfig CONFIG =
      ConfigLoader.parse(
          """
      clusters: {primary: {bootstrap.servers: "a:1"}, dr: {bootstrap.servers: "b:2"}}
      eventId: {from: header, name: event-id}
      streams: [orders]
      downstream: [orders-processed]
      window: {failoverAt: "2025-03-01T10:00:00Z", failbackAt: "2025-03-01T11:00:00Z"}
      """,
          WindowOverrides.none());
  static final TopicPlan PLAN = TopicPlan.resolve(CONFIG);

  static Finding finding(FindingKind kind) {
    return new Finding(
        kind,
        "e-1",
        2,
        "detail",
        List.of(
            new RecordRef(
                Role.SOURCE, "primary", "orders", 1, 42, 1_700_000_000_000L, Origin.ORIGINAL)));
  }

  static Report report(Map<FindingKind, Long> findings) {
    ReadStats read = new ReadStats();
    read.add(
        new Unreadable(
            "primary", "orders", 0, 3, 0, Unreadable.Reason.NOT_JSON, "value is not JSON: 'x'"));
    return new Report(
        Instant.parse("2025-03-01T12:00:00Z"),
        CONFIG,
        PLAN,
        Set.of("primary/dr.orders"),
        new JobOutcome(read, 10, 9, 0, Duration.ofSeconds(3)),
        findings);
  }

  @Test
  void findingsAreWrittenOneJsonLinePerFindingIntoTheFileOfTheirKind(@TempDir Path dir)
      throws Exception {
    try (FindingsFiles files = new FindingsFiles(dir)) {
      files.accept(finding(FindingKind.UNPROCESSED));
      files.accept(finding(FindingKind.UNPROCESSED));
      assertThat(files.counts())
          .containsEntry(FindingKind.UNPROCESSED, 2L)
          .containsEntry(FindingKind.DUPLICATE_PRODUCED, 0L);
    }
    List<String> lines = Files.readAllLines(dir.resolve("findings/unprocessed.jsonl"));
    assertThat(lines).hasSize(2);
    JsonNode line = FindingsFiles.JSON.readTree(lines.get(0));
    assertThat(line.get("kind").asText()).isEqualTo("unprocessed");
    assertThat(line.at("/records/0/cluster").asText()).isEqualTo("primary");
    assertThat(line.at("/records/0/offset").asLong()).isEqualTo(42);
    assertThat(line.at("/records/0/timestamp").asText()).isEqualTo("2023-11-14T22:13:20Z");
    assertThat(Files.readAllLines(dir.resolve("findings/duplicate_produced.jsonl"))).isEmpty();
  }

  @Test
  void reportJsonCarriesItsSchemaVersionCountsAndExitCode() {
    JsonNode json = ReportJson.render(report(Map.of(FindingKind.UNPROCESSED, 3L)));

    assertThat(json.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(json.get("result").asText()).isEqualTo("findings");
    assertThat(json.get("exitCode").asInt()).isEqualTo(1);
    assertThat(json.at("/findings/total").asLong()).isEqualTo(3);
    assertThat(json.at("/findings/byKind/unprocessed/file").asText())
        .isEqualTo("findings/unprocessed.jsonl");
    assertThat(json.at("/findings/byKind/duplicate_produced/count").asLong()).isZero();
    assertThat(json.at("/window/failoverAt").asText()).isEqualTo("2025-03-01T10:00:00Z");
    assertThat(json.at("/unreadable/byReason/not_json").asLong()).isEqualTo(1);
    assertThat(json.at("/unreadable/examples/0/offset").asLong()).isEqualTo(3);
    assertThat(json.at("/topics/1/topic").asText()).isEqualTo("dr.orders");
    assertThat(json.at("/topics/1/exists").asBoolean()).isFalse();
    assertThat(json.at("/sourceOfTruth/events").asLong()).isEqualTo(10);
    assertThat(json.get("notChecked"))
        .extracting(JsonNode::asText)
        .containsExactly("aggregate_mismatch", "offset_regression", "offset_jump");
    assertThat(json.at("/findings/byKind/stranded/count").asLong()).isZero();
    assertThat(json.at("/findings/byKind/aggregate_mismatch").isMissingNode()).isTrue();
    assertThat(json.has("aggregates")).isFalse();
  }

  @Test
  void aCleanRunExitsZeroAndTheSummaryFitsOneScreen() {
    Report clean = report(Map.of());
    assertThat(clean.exitCode()).isZero();
    String summary = ConsoleSummary.render(clean, Path.of("/tmp/r"));
    assertThat(summary)
        .contains("topic not found")
        .contains("unreadable: 1 records")
        .endsWith("result: clean (exit 0)");
    assertThat(summary.lines().count()).isLessThan(25);
  }
}
