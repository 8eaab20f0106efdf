package io.mirrorwatch.reconciler.checks.offsets;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.reconciler.config.ConfigLoader;
import io.mirrorwatch.reconciler.config.ReconcileConfig;
import io.mirrorwatch.reconciler.config.WindowOverrides;
import io.mirrorwatch.reconciler.finding.Finding;
import io.mirrorwatch.reconciler.finding.FindingKind;
import io.mirrorwatch.reconciler.finding.RecordRef;
import io.mirrorwatch.reconciler.source.Anchor;
import io.mirrorwatch.reconciler.source.Event;
import io.mirrorwatch.reconciler.source.Origin;
import io.mirrorwatch.reconciler.source.Role;
import io.mirrorwatch.reconciler.source.TopicPlan;
import io.mirrorwatch.reconciler.source.offsets.MirrorTopics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Anchor + its copies + the new start -> a comparison and, when the group moved, its finding.
 * Histories count seconds from the epoch: failover at 36,000 (searched from 35,700), failback at
 * 39,600.
 */
class OffsetMovesTest {
  static final ReconcileConfig CONFIG =
      ConfigLoader.parse(
          """
      clusters: {primary: {bootstrap.servers: "a:1"}, dr: {bootstrap.servers: "b:2"}}
      eventId: {from: header, name: event-id}
      streams: [orders]
      groups: [g]
      window: {failoverAt: "1970-01-01T10:00:00Z", failbackAt: "1970-01-01T11:00:00Z"}
      """,
          WindowOverrides.none());
  static final OffsetMoves MOVES =
      new OffsetMoves(TopicPlan.resolve(CONFIG), new MirrorTopics(CONFIG.replication()));
  static final Cutover FAILOVER = Cutover.of(CONFIG).get(0);
  static final Cutover FAILBACK = Cutover.of(CONFIG).get(1);

  static Event record(String cluster, String topic, long offset, String id) {
    return new Event(
        id,
        cluster,
        topic,
        0,
        offset,
        1_740_823_320_000L + offset,
        Role.SOURCE,
        topic.contains(".") ? Origin.REPLICA : Origin.ORIGINAL,
        1L,
        null,
        null);
  }

  /**
   * Positions: the group ended at {@code oldEnd} on primary/orders-0 and started at {@code start}
   * on dr.
   */
  static GroupPositions failover(long oldEnd, Optional<Long> start) {
    History old = new History("primary").commit(10, "orders", 0, oldEnd);
    History fresh = new History("dr");
    start.ifPresent(s -> fresh.commit(36_001, "primary.orders", 0, s));
    fresh.members(36_002, 1);
    return CutoverPositions.of("g", FAILOVER, old.records(), fresh.records());
  }

  static Stream<Arguments> moves() {
    return Stream.of(
        Arguments.of(
            "started right after the copy of the last record consumed",
            45L,
            40L,
            41L,
            Optional.empty(),
            0),
        Arguments.of(
            "started R before it: regression of R records",
            45L,
            40L,
            36L,
            Optional.of(FindingKind.OFFSET_REGRESSION),
            5),
        Arguments.of(
            "started S past it: jump of S records",
            45L,
            40L,
            44L,
            Optional.of(FindingKind.OFFSET_JUMP),
            3),
        Arguments.of(
            "offsets that agree across clusters are no evidence: 45 vs 45 is a jump here",
            45L,
            40L,
            45L,
            Optional.of(FindingKind.OFFSET_JUMP),
            4));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("moves")
  void comparesThroughTheEventNotTheOffsets(
      String rule,
      long oldEnd,
      long copyOffset,
      long start,
      Optional<FindingKind> kind,
      int count) {
    GroupPositions p = failover(oldEnd, Optional.of(start));
    Map<Anchor, List<Event>> events =
        Map.of(
            new Anchor("primary", "orders", 0, oldEnd - 1),
            List.of(
                record("primary", "orders", oldEnd - 1, "e"),
                record("dr", "primary.orders", copyOffset, "e")));

    assertThat(MOVES.anchors(p)).containsExactly(new Anchor("primary", "orders", 0, oldEnd - 1));
    OffsetComparison.Compared c = (OffsetComparison.Compared) MOVES.compare(p, events).get(0);
    Optional<Finding> f = OffsetFindings.of(c);

    assertThat(f.map(Finding::kind)).isEqualTo(kind);
    f.ifPresent(
        finding -> {
          assertThat(finding.count()).isEqualTo(count);
          assertThat(finding.eventId()).isEqualTo("failover/dr/primary.orders-0/g");
          assertThat(finding.records())
              .extracting(RecordRef::role, RecordRef::cluster, RecordRef::topic, RecordRef::offset)
              .containsExactly(
                  org.assertj.core.groups.Tuple.tuple(
                      Role.SOURCE, "dr", "primary.orders", copyOffset),
                  org.assertj.core.groups.Tuple.tuple(Role.SOURCE, "primary", "orders", oldEnd - 1),
                  org.assertj.core.groups.Tuple.tuple(Role.COMMIT, "dr", "__consumer_offsets", 0L),
                  org.assertj.core.groups.Tuple.tuple(
                      Role.COMMIT, "primary", "__consumer_offsets", 0L));
        });
  }

  @Test
  void aRecordCopiedTwiceIsMetFirstAtItsFirstCopy() {
    GroupPositions p = failover(45, Optional.of(41L));
    Map<Anchor, List<Event>> events =
        Map.of(
            new Anchor("primary", "orders", 0, 44),
            List.of(
                record("dr", "primary.orders", 43, "e"),
                record("primary", "orders", 44, "e"),
                record("dr", "primary.orders", 40, "e")));

    OffsetComparison.Compared c = (OffsetComparison.Compared) MOVES.compare(p, events).get(0);

    assertThat(c.expectedStart()).isEqualTo(41);
    assertThat(c.copies()).extracting(Event::offset).containsExactly(40L, 43L);
    assertThat(OffsetFindings.of(c)).isEmpty();
  }

  @Test
  void failbackComparesDrsOwnTopicWithItsReplicaOnPrimary() {
    History old =
        new History("dr").commit(40_000, "orders", 0, 8).commit(40_000, "primary.orders", 0, 60);
    History fresh =
        new History("primary")
            .members(100, 1)
            .members(36_500, 0)
            .commit(40_001, "dr.orders", 0, 3)
            .commit(40_001, "orders", 0, 45)
            .members(40_002, 1);
    GroupPositions p = CutoverPositions.of("g", FAILBACK, old.records(), fresh.records());
    Map<Anchor, List<Event>> events =
        Map.of(
            new Anchor("dr", "orders", 0, 7),
            List.of(record("dr", "orders", 7, "x"), record("primary", "dr.orders", 2, "x")),
            new Anchor("dr", "primary.orders", 0, 59),
            List.of(record("dr", "primary.orders", 59, "y"), record("primary", "orders", 44, "y")));

    List<OffsetComparison> cs = MOVES.compare(p, events);

    assertThat(cs)
        .hasSize(2)
        .allSatisfy(c -> assertThat(c).isInstanceOf(OffsetComparison.Compared.class));
    assertThat(cs)
        .extracting(
            c -> ((OffsetComparison.Compared) c).newPartition().toString(),
            c -> ((OffsetComparison.Compared) c).moved())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("dr.orders-0", 0L),
            org.assertj.core.groups.Tuple.tuple("orders-0", 0L));
  }

  static Stream<Arguments> notComparable() {
    Event anchor = record("primary", "orders", 44, "e");
    Event copy = record("dr", "primary.orders", 40, "e");
    Anchor key = new Anchor("primary", "orders", 0, 44);
    return Stream.of(
        Arguments.of(
            "nothing consumed",
            failover(0, Optional.of(0L)),
            Map.of(),
            "nothing consumed on primary"),
        Arguments.of(
            "anchor not in the window",
            failover(45, Optional.of(41L)),
            Map.of(),
            "is not in the window"),
        Arguments.of(
            "anchor not copied",
            failover(45, Optional.of(41L)),
            Map.of(key, List.of(anchor)),
            "has no copy"),
        Arguments.of(
            "no commit on the new cluster",
            failover(45, Optional.empty()),
            Map.of(key, List.of(anchor, copy)),
            "no committed offset on dr/primary.orders-0"),
        Arguments.of(
            "never started on the new cluster",
            CutoverPositions.of(
                "g",
                FAILOVER,
                new History("primary").commit(10, "orders", 0, 45).records(),
                List.of()),
            Map.of(key, List.of(anchor, copy)),
            "did not start on dr"),
        Arguments.of(
            "a topic outside the streams",
            CutoverPositions.of(
                "g",
                FAILOVER,
                new History("primary").commit(10, "payments", 0, 45).records(),
                new History("dr").members(36_002, 1).records()),
            Map.of(),
            "not a topic of a configured stream"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notComparable")
  void whatCannotBeComparedIsSaidAndIsNoFinding(
      String rule, GroupPositions p, Map<Anchor, List<Event>> events, String reason) {
    List<OffsetComparison> cs = MOVES.compare(p, events);

    assertThat(cs)
        .singleElement()
        .isInstanceOfSatisfying(
            OffsetComparison.NotComparable.class, nc -> assertThat(nc.reason()).contains(reason));
  }

  @Test
  void theCheckFindsAnchorsThroughTheReportedRecordsOfTheirEvents() {
    History old = new History("primary").commit(10, "orders", 0, 45);
    History fresh = new History("dr").commit(36_001, "primary.orders", 0, 36).members(36_002, 1);
    var histories =
        Map.of(
            "primary",
                new io.mirrorwatch.reconciler.source.offsets.CommitHistory(
                    "primary", Map.of("g", old.records()), 1, 0, List.of()),
            "dr",
                new io.mirrorwatch.reconciler.source.offsets.CommitHistory(
                    "dr", Map.of("g", fresh.records()), 2, 0, List.of()));
    var mm2 =
        new io.mirrorwatch.reconciler.source.offsets.CheckpointLog.Checkpoints(
            "dr",
            "primary.checkpoints.internal",
            true,
            List.of(
                CutoverPositionsTest.checkpoint(
                    "g",
                    new io.mirrorwatch.reconciler.source.offsets.TopicPart("primary.orders", 0),
                    45,
                    41,
                    35_999)),
            0);
    OffsetCheck check =
        OffsetCheck.of(
            CONFIG, TopicPlan.resolve(CONFIG), histories, Map.of(Cutover.Kind.FAILOVER, mm2));

    List<Event> reported =
        new ArrayList<>(
            List.of(
                record("primary", "orders", 44, "e"),
                record("dr", "primary.orders", 40, "e"),
                record("dr", "primary.orders", 3, "other")));
    OffsetsOutcome outcome = check.evaluate(reported);

    assertThat(check.anchors()).containsExactly(new Anchor("primary", "orders", 0, 44));
    assertThat(outcome.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(FindingKind.OFFSET_REGRESSION);
              assertThat(f.count()).isEqualTo(5);
              assertThat(f.detail())
                  .contains(
                      "MM2's last checkpoint translated 45 to 41, so the start was set by something else");
            });
    assertThat(outcome.notChecked()).isEmpty();
    // At failback the group's dr commit is its old end, but it never started again on primary.
    assertThat(outcome.comparisons())
        .filteredOn(c -> c.cutover().kind() == Cutover.Kind.FAILBACK)
        .singleElement()
        .isInstanceOf(OffsetComparison.NotComparable.class);

    com.fasterxml.jackson.databind.JsonNode json =
        io.mirrorwatch.reconciler.report.ReportJson.render(
            new io.mirrorwatch.reconciler.report.Report(
                Instant.EPOCH,
                CONFIG,
                TopicPlan.resolve(CONFIG),
                java.util.Set.of(),
                new io.mirrorwatch.reconciler.report.JobOutcome(
                    new io.mirrorwatch.reconciler.source.ReadStats(),
                    0,
                    0,
                    0,
                    java.time.Duration.ZERO),
                Map.of(FindingKind.OFFSET_REGRESSION, 1L),
                outcome));
    assertThat(json.get("notChecked").toString()).doesNotContain("offset_");
    assertThat(json.at("/offsets/cutovers/0/cutover").asText()).isEqualTo("failover");
    assertThat(json.at("/offsets/cutovers/0/groups/0/started/cluster").asText()).isEqualTo("dr");
    com.fasterxml.jackson.databind.JsonNode part =
        json.at("/offsets/cutovers/0/groups/0/partitions/0");
    assertThat(part.get("result").asText()).isEqualTo("offset_regression");
    assertThat(part.get("expectedStart").asLong()).isEqualTo(41);
    assertThat(part.get("actualStart").asLong()).isEqualTo(36);
    assertThat(part.at("/mm2Checkpoint/downstreamOffset").asLong()).isEqualTo(41);
    assertThat(json.at("/offsets/cutovers/1/groups/0/partitions/0/result").asText())
        .isEqualTo("not_comparable");
    assertThat(json.at("/offsets/checkpoints/0/topic").asText())
        .isEqualTo("primary.checkpoints.internal");
  }
}
