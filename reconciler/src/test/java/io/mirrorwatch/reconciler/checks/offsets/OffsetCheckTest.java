package io.mirrorwatch.reconciler.checks.offsets;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.reconciler.config.ConfigLoader;
import io.mirrorwatch.reconciler.config.ReconcileConfig;
import io.mirrorwatch.reconciler.config.WindowOverrides;
import io.mirrorwatch.reconciler.report.JobOutcome;
import io.mirrorwatch.reconciler.report.Report;
import io.mirrorwatch.reconciler.source.ReadStats;
import io.mirrorwatch.reconciler.source.TopicPlan;
import io.mirrorwatch.reconciler.source.offsets.CommitHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which cutovers are checked, and how a report says what was not. */
class OffsetCheckTest {
  static ReconcileConfig config(String window) {
    return ConfigLoader.parse(
        """
        clusters: {primary: {bootstrap.servers: "a:1"}, dr: {bootstrap.servers: "b:2"}}
        eventId: {from: header, name: event-id}
        streams: [orders]
        groups: [g]
        %s
        """
            .formatted(window),
        new WindowOverrides(
            Optional.of(Instant.parse("1970-01-01T09:00:00Z")),
            Optional.of(Instant.parse("1970-01-01T12:00:00Z"))));
  }

  static Report report(ReconcileConfig cfg, OffsetsOutcome offsets) {
    return new Report(
        Instant.EPOCH,
        cfg,
        TopicPlan.resolve(cfg),
        Set.of(),
        new JobOutcome(new ReadStats(), 0, 0, 0, Duration.ZERO),
        Map.of(),
        offsets);
  }

  static Map<String, CommitHistory> empty() {
    return Map.of(
        "primary",
        new CommitHistory("primary", Map.of(), 0, 0, List.of()),
        "dr",
        new CommitHistory("dr", Map.of(), 0, 0, List.of()));
  }

  @Test
  void aCutoverWithoutItsInstantIsNotCheckedAndTheReportSaysWhy() {
    ReconcileConfig cfg = config("window: {failoverAt: \"1970-01-01T10:00:00Z\"}");
    OffsetsOutcome o = OffsetCheck.of(cfg, TopicPlan.resolve(cfg), empty()).evaluate(List.of());

    assertThat(o.checked()).extracting(Cutover::kind).containsExactly(Cutover.Kind.FAILOVER);
    assertThat(o.notChecked())
        .containsExactly(Map.entry(Cutover.Kind.FAILBACK, "window.failbackAt is not configured"));
    assertThat(report(cfg, o).notChecked()).doesNotContain("offset_regression", "offset_jump");
  }

  @Test
  void withoutAnyCutoverTheOffsetKindsAreNotChecked() {
    ReconcileConfig cfg = config("");
    OffsetsOutcome o = OffsetCheck.of(cfg, TopicPlan.resolve(cfg), Map.of()).evaluate(List.of());

    assertThat(o.checkedNothing()).isTrue();
    assertThat(report(cfg, o).notChecked()).contains("offset_regression", "offset_jump");
    assertThat(
            report(cfg, OffsetsOutcome.notRun("no consumer groups configured (groups:)"))
                .notChecked())
        .contains("offset_regression", "offset_jump");
  }

  @Test
  void failoverLooksForTheStartFromTheWindowStartAndFailbackFromTheFailover() {
    ReconcileConfig cfg =
        config(
            "window: {failoverAt: \"1970-01-01T10:00:00Z\", failbackAt: \"1970-01-01T11:00:00Z\", margin: 5m}");
    List<Cutover> cutovers = Cutover.of(cfg);

    assertThat(cutovers)
        .containsExactly(
            new Cutover(
                Cutover.Kind.FAILOVER,
                Instant.parse("1970-01-01T10:00:00Z"),
                Instant.parse("1970-01-01T09:00:00Z"),
                "primary",
                "dr"),
            new Cutover(
                Cutover.Kind.FAILBACK,
                Instant.parse("1970-01-01T11:00:00Z"),
                Instant.parse("1970-01-01T10:00:00Z"),
                "dr",
                "primary"));
  }
}
