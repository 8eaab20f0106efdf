package io.mirrorwatch.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrorwatch.common.time.MutableClock;
import io.mirrorwatch.reconciler.config.ConfigLoader;
import io.mirrorwatch.reconciler.config.ReconcileConfig;
import io.mirrorwatch.reconciler.config.WindowOverrides;
import io.mirrorwatch.reconciler.finding.Finding;
import io.mirrorwatch.reconciler.finding.FindingKind;
import io.mirrorwatch.reconciler.finding.RecordRef;
import io.mirrorwatch.reconciler.report.JobOutcome;
import io.mirrorwatch.reconciler.report.Report;
import io.mirrorwatch.reconciler.source.Origin;
import io.mirrorwatch.reconciler.source.PhysicalTopic;
import io.mirrorwatch.reconciler.source.ReadStats;
import io.mirrorwatch.reconciler.source.Role;
import io.mirrorwatch.reconciler.source.TopicCatalog;
import io.mirrorwatch.reconciler.source.TopicPlan;
import io.mirrorwatch.reconciler.source.offsets.CheckpointLog;
import io.mirrorwatch.reconciler.source.offsets.CommitHistory;
import io.mirrorwatch.reconciler.source.offsets.CommitLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reconciliation's own logic, with every port faked: no Kafka, no Flink. */
class ReconciliationTest {
  static final ReconcileConfig CONFIG = config("groups: [order-processor]");
  static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

  @TempDir Path out;
  final MutableClock clock = new MutableClock(T0);
  final List<String> progress = new ArrayList<>();
  final List<String> commitLogReads = new ArrayList<>();
  final Set<String> handedToTheSource = new HashSet<>();

  /** What the fake job reports as found; it advances the clock by 7 s while it "runs". */
  final List<Finding> found = new ArrayList<>();

  boolean jobRan;

  static ReconcileConfig config(String extra) {
    return ConfigLoader.parse(
        """
        clusters: {primary: {bootstrap.servers: "a:1"}, dr: {bootstrap.servers: "b:2"}}
        eventId: {from: header, name: event-id}
        streams: [orders]
        downstream: [orders-processed]
        window: {failoverAt: "2025-03-01T10:00:00Z", failbackAt: "2025-03-01T11:00:00Z"}
        """
            + extra
            + "\n",
        WindowOverrides.none());
  }

  /** Every planned topic exists but {@code absent} (labels). */
  static TopicCatalog catalogWithout(ReconcileConfig cfg, String... absent) {
    Set<String> gone = Set.of(absent);
    return (cluster, deadline) ->
        TopicPlan.resolve(cfg).topics().stream()
            .filter(t -> t.cluster().equals(cluster.alias()) && !gone.contains(t.label()))
            .map(PhysicalTopic::topic)
            .collect(Collectors.toSet());
  }

  Reconciliation reconciliation(TopicCatalog catalog) {
    CommitLog commits =
        (cluster, groups, deadline) -> {
          commitLogReads.add(cluster.alias());
          return new CommitHistory(cluster.alias(), Map.of(), 0, 0, List.of());
        };
    CheckpointLog checkpoints =
        (target, topic, groups, deadline) ->
            new CheckpointLog.Checkpoints(target.alias(), topic, false, List.of(), 0);
    JobRunner job =
        (plan, source, findings, anchored, snapshots) -> {
          jobRan = true;
          clock.advance(Duration.ofSeconds(7));
          snapshots.accept(new JobProgress.Snapshot(new ReadStats(), 0));
          found.forEach(findings::accept);
          return new JobOutcome(new ReadStats(), 10, 10, 0, Duration.ofSeconds(7));
        };
    return new Reconciliation(
        catalog,
        (cluster, topic, deadline) -> List.of(),
        commits,
        checkpoints,
        (cfg, plan, missing) -> {
          handedToTheSource.addAll(missing);
          return env -> List.of();
        },
        job,
        out,
        progress::add,
        clock);
  }

  @Test
  void aRunWithoutFindingsIsCleanAndARunWithFindingsExitsOne() throws Exception {
    Report clean = reconciliation(catalogWithout(CONFIG)).run(CONFIG, TopicPlan.resolve(CONFIG));
    assertThat(clean.exitCode()).isEqualTo(Report.EXIT_CLEAN);

    found.add(
        new Finding(
            FindingKind.UNPROCESSED,
            "e-1",
            1,
            "no downstream record",
            List.of(
                new RecordRef(
                    Role.SOURCE,
                    "primary",
                    "orders",
                    0,
                    42,
                    1_700_000_000_000L,
                    Origin.ORIGINAL))));
    Report findings = reconciliation(catalogWithout(CONFIG)).run(CONFIG, TopicPlan.resolve(CONFIG));
    assertThat(findings.exitCode()).isEqualTo(Report.EXIT_FINDINGS);
    assertThat(findings.findings()).containsEntry(FindingKind.UNPROCESSED, 1L);
    assertThat(Files.readAllLines(out.resolve("findings/unprocessed.jsonl"))).hasSize(1);
  }

  @Test
  void theReportIsGeneratedAtTheClocksNowAfterTheJob() throws Exception {
    Report report = reconciliation(catalogWithout(CONFIG)).run(CONFIG, TopicPlan.resolve(CONFIG));

    assertThat(report.generatedAt()).isEqualTo(T0.plusSeconds(7));
    assertThat(
            new ObjectMapper()
                .readTree(out.resolve("report.json").toFile())
                .get("generatedAt")
                .asText())
        .isEqualTo("2025-03-01T12:00:07Z");
    assertThat(out.resolve("report.html")).exists();
  }

  @Test
  void progressLinesCountElapsedTimeOnTheClock() throws Exception {
    reconciliation(catalogWithout(CONFIG)).run(CONFIG, TopicPlan.resolve(CONFIG));

    assertThat(progress).anyMatch(l -> l.startsWith("reading 6 topics on primary and dr, window "));
    assertThat(progress)
        .filteredOn(l -> l.contains(": read "))
        .first()
        .asString()
        .startsWith("  7 s: read 0 records");
  }

  @Test
  void aFailingCatalogEndsTheRunBeforeTheJobAndWritesNoReport() {
    TopicCatalog unreachable =
        (cluster, deadline) -> {
          throw new IllegalStateException(
              "cluster " + cluster.alias() + " did not answer within " + deadline);
        };

    assertThatThrownBy(() -> reconciliation(unreachable).run(CONFIG, TopicPlan.resolve(CONFIG)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cluster primary did not answer");
    assertThat(jobRan).isFalse();
    assertThat(out.resolve("report.json")).doesNotExist();
  }

  @Test
  void missingTopicsAreLeftOutOfTheSourceAndListedInTheReport() throws Exception {
    Report report =
        reconciliation(catalogWithout(CONFIG, "dr/primary.orders"))
            .run(CONFIG, TopicPlan.resolve(CONFIG));

    assertThat(handedToTheSource).containsExactly("dr/primary.orders");
    assertThat(report.missingTopics()).containsExactly("dr/primary.orders");
  }

  @Test
  void aMissingMm2OffsetsTopicIsAWarningNotAFailure() throws Exception {
    reconciliation(catalogWithout(CONFIG)).run(CONFIG, TopicPlan.resolve(CONFIG));

    assertThat(progress)
        .anyMatch(l -> l.startsWith("warning: dr/mm2-offsets.primary.internal not found"));
  }

  @Test
  void commitHistoriesAreReadOnBothClustersOnlyWhenGroupsAreConfigured() throws Exception {
    reconciliation(catalogWithout(CONFIG)).run(CONFIG, TopicPlan.resolve(CONFIG));
    assertThat(commitLogReads).containsExactly("primary", "dr");

    commitLogReads.clear();
    ReconcileConfig noGroups = config("");
    Report report =
        reconciliation(catalogWithout(noGroups)).run(noGroups, TopicPlan.resolve(noGroups));
    assertThat(commitLogReads).isEmpty();
    assertThat(report.notChecked())
        .contains(FindingKind.OFFSET_REGRESSION.id(), FindingKind.OFFSET_JUMP.id());
  }
}
