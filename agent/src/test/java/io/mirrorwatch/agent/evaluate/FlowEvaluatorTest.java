package io.mirrorwatch.agent.evaluate;

import static io.mirrorwatch.agent.evaluate.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.agent.config.Thresholds;
import io.mirrorwatch.agent.model.ClusterState;
import io.mirrorwatch.agent.model.LastGood;
import io.mirrorwatch.agent.model.Mm2JmxSnapshot;
import io.mirrorwatch.agent.model.PartitionOffsets;
import io.mirrorwatch.agent.model.SourceSample;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlowEvaluatorTest {
  private final FlowEvaluator evaluator = new FlowEvaluator(Thresholds.defaults(), "event-id");

  private FlowAssessment evaluate(Fixtures f) {
    return evaluator.evaluate(f.inputs(), FlowHistory.empty(), NOW).assessment();
  }

  @Test
  void steadyReplicationIsReadyWithZeroRpo() {
    FlowAssessment a = evaluate(new Fixtures());
    assertThat(a.checks())
        .allSatisfy(
            (check, r) ->
                assertThat(r.level()).as(check + " " + r.reasons()).isEqualTo(Level.HEALTHY));
    assertThat(a.ready()).isTrue();
    assertThat(a.topics())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.records()).isZero();
              assertThat(t.seconds()).hasValue(0);
            });
  }

  @Test
  void recordsAtRiskCountFromMirrorMakersCommittedOffsetAndAgeFromTheOldestOfThem() {
    Fixtures f = new Fixtures();
    f.sourceLatest = 130;
    f.mm2UpTo = Optional.of(100L);
    f.stamps =
        Map.of(Fixtures.SRC, new SourceSample.OffsetTimestamp(100, NOW.toEpochMilli() - 7_500));
    TopicRpo t = evaluate(f).topics().get(0);
    assertThat(t.records()).isEqualTo(30);
    assertThat(t.seconds()).hasValue(7.5);
    assertThat(t.basis()).isEqualTo(RpoBasis.MM2_OFFSETS);
  }

  @Test
  void evaluationReportsTheCyclesRpoEstimateInsteadOfRecomputingIt() {
    Fixtures f = new Fixtures();
    f.sourceLatest = 130;
    FlowInputs in = f.inputs();
    assertThat(
            evaluator.evaluate(in, FlowHistory.empty(), NOW).assessment().topics().get(0).records())
        .isEqualTo(30);
    // The cycle estimated from a newer MM2 position than the one in the inputs: its figure is
    // reported.
    RpoEstimate cycle =
        RpoEstimate.of(
            in.sourceCluster().value(), in.replicaOf(), Map.of(Fixtures.SRC, 120L), Map.of());
    FlowInputs reused =
        new FlowInputs(
            in.flow(),
            in.source(),
            in.target(),
            in.replicaOf(),
            in.watchedGroups(),
            in.idempotentGroups(),
            in.sourceCluster(),
            in.targetCluster(),
            in.mm2(),
            in.sample(),
            cycle,
            in.jmx(),
            in.indirectionTargets());
    assertThat(
            evaluator
                .evaluate(reused, FlowHistory.empty(), NOW)
                .assessment()
                .topics()
                .get(0)
                .records())
        .isEqualTo(10);
  }

  @Test
  void anUnknownAgeIsEmptyAndMakesTheLagUnknown() {
    Fixtures f = new Fixtures();
    f.sourceLatest = 130;
    f.replicaNewestTs = -1;
    f.stamps = Map.of();
    FlowInputs in = f.inputs();
    ClusterState target = in.targetCluster().value().orElseThrow();
    ClusterState noTimestamps =
        new ClusterState(
            target.cluster(),
            target.collectedAt(),
            target.sources(),
            Map.of(Fixtures.REP, new PartitionOffsets.Replica(100, OptionalLong.empty())),
            target.committed(),
            target.activeGroups());
    FlowInputs unknown =
        new FlowInputs(
            in.flow(),
            in.source(),
            in.target(),
            in.replicaOf(),
            in.watchedGroups(),
            in.idempotentGroups(),
            in.sourceCluster(),
            LastGood.<ClusterState>none().succeeded(noTimestamps, NOW),
            in.mm2(),
            in.sample(),
            in.rpo(),
            in.jmx(),
            in.indirectionTargets());
    FlowAssessment a = evaluator.evaluate(unknown, FlowHistory.empty(), NOW).assessment();
    assertThat(a.topics().get(0).seconds()).isEmpty();
    assertThat(a.checks().get(Check.REPLICATION).reasons())
        .anySatisfy(r -> assertThat(r).startsWith("replication lag unknown"));
  }

  @Test
  void mirrorMakerJmxDownIsDangerAtOnce() {
    Fixtures f = new Fixtures();
    f.jmx = Optional.of(LastGood.<Mm2JmxSnapshot>none().failed("connection refused"));
    FlowAssessment a = evaluate(f);
    assertThat(a.checks().get(Check.REPLICATION).level()).isEqualTo(Level.DANGER);
    assertThat(a.ready()).isFalse();
    assertThat(a.jmxUp()).contains(false);
  }

  @Test
  void failedTasksAreAWarningAndAFailedConnectorDanger() {
    Fixtures f = new Fixtures();
    f.jmx =
        Optional.of(
            LastGood.<Mm2JmxSnapshot>none()
                .succeeded(
                    new Mm2JmxSnapshot(
                        Map.of("MirrorSourceConnector", "running"),
                        Map.of("MirrorSourceConnector", Map.of("running", 1, "failed", 1)),
                        List.of(10.0)),
                    NOW));
    assertThat(evaluate(f).checks().get(Check.REPLICATION).level()).isEqualTo(Level.WARNING);
    f.jmx =
        Optional.of(
            LastGood.<Mm2JmxSnapshot>none()
                .succeeded(
                    new Mm2JmxSnapshot(
                        Map.of("MirrorSourceConnector", "failed"), Map.of(), List.of()),
                    NOW));
    assertThat(evaluate(f).checks().get(Check.REPLICATION).level()).isEqualTo(Level.DANGER);
  }

  @Test
  void lagOverWarningBecomesDangerOnlyWhenSustained() {
    Fixtures f = new Fixtures();
    f.sourceLatest = 110;
    f.stamps =
        Map.of(Fixtures.SRC, new SourceSample.OffsetTimestamp(100, NOW.toEpochMilli() - 90_000));
    FlowHistory h = FlowHistory.empty();
    List<Level> levels = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      FlowEvaluator.Outcome o = evaluator.evaluate(f.inputs(), h, NOW);
      levels.add(o.assessment().checks().get(Check.REPLICATION).level());
      h = o.history();
    }
    assertThat(levels).containsExactly(Level.WARNING, Level.WARNING, Level.DANGER);
  }

  @Test
  void frozenMirrorMakerLatencyIsIgnoredWhileTheSourceIsIdleButCountsWhileItProduces() {
    Fixtures f = new Fixtures();
    f.jmx =
        Optional.of(
            LastGood.<Mm2JmxSnapshot>none()
                .succeeded(
                    new Mm2JmxSnapshot(
                        Map.of("MirrorSourceConnector", "running"), Map.of(), List.of(25_000.0)),
                    NOW));
    FlowEvaluator.Outcome idle = evaluator.evaluate(f.inputs(), FlowHistory.empty(), NOW);
    FlowEvaluator.Outcome stillIdle =
        evaluator.evaluate(f.inputs(), idle.history(), NOW.plusSeconds(10));
    assertThat(stillIdle.assessment().checks().get(Check.REPLICATION).level())
        .isEqualTo(Level.HEALTHY);

    Fixtures producing = new Fixtures();
    producing.jmx = f.jmx;
    producing.sourceLatest = 120;
    producing.replicaLatest = 120;
    producing.mm2UpTo = Optional.of(120L);
    producing.collectedAt = NOW.plusSeconds(10);
    FlowEvaluator.Outcome active =
        evaluator.evaluate(producing.inputs(), idle.history(), NOW.plusSeconds(10));
    assertThat(active.assessment().checks().get(Check.REPLICATION).level())
        .isEqualTo(Level.WARNING);
  }

  @Test
  void unreachableSourceClusterIsDangerAndRpoKeepsItsLastValue() {
    Fixtures f = new Fixtures();
    f.sourceLatest = 120;
    f.mm2UpTo = Optional.of(100L);
    f.sourceError = Optional.of("primary listTopics: no answer within 5000 ms");
    FlowAssessment a = evaluate(f);
    assertThat(a.checks().get(Check.REPLICATION).level()).isEqualTo(Level.DANGER);
    assertThat(a.topics().get(0).records()).isEqualTo(20);
  }

  @Test
  void groupNeverCheckpointedIsDanger() {
    Fixtures f = new Fixtures();
    f.checkpoints.clear();
    FlowAssessment a = evaluate(f);
    assertThat(a.checks().get(Check.OFFSET_TRANSLATION).level()).isEqualTo(Level.DANGER);
    assertThat(a.groups()).singleElement().satisfies(g -> assertThat(g.checkpointAge()).isEmpty());
  }

  @Test
  void groupActiveOnTargetBlocksSyncAndIsDanger() {
    Fixtures f = new Fixtures();
    f.activeOnTarget = Set.of("g");
    FlowAssessment a = evaluate(f);
    assertThat(a.checks().get(Check.OFFSET_TRANSLATION).level()).isEqualTo(Level.DANGER);
    assertThat(a.groups().get(0).activeOnTarget()).isTrue();
  }

  @Test
  void targetOffsetsDifferingFromCheckpointsBeyondTheGraceAreNotSynced() {
    Fixtures f = new Fixtures();
    f.targetCommitted.put("g", 50L);
    FlowHistory h = FlowHistory.empty();
    FlowEvaluator.Outcome first = evaluator.evaluate(f.inputs(), h, NOW);
    assertThat(first.assessment().groups().get(0).synced()).isTrue(); // within grace
    FlowEvaluator.Outcome later =
        evaluator.evaluate(
            f.inputs(),
            first.history(),
            NOW.plus(Thresholds.defaults().offsetSyncGrace()).plusSeconds(1));
    assertThat(later.assessment().groups().get(0).synced()).isFalse();
    assertThat(later.assessment().checks().get(Check.OFFSET_TRANSLATION).level())
        .isEqualTo(Level.WARNING);
  }

  @Test
  void idleGroupWithAnOldCheckpointIsHealthy() {
    Fixtures f = new Fixtures();
    f.checkpoints.put(
        "g",
        new io.mirrorwatch.agent.model.CheckpointInfo(
            90, 90, NOW.minus(java.time.Duration.ofHours(3))));
    FlowEvaluator.Outcome first = evaluator.evaluate(f.inputs(), FlowHistory.empty(), NOW);
    FlowEvaluator.Outcome later =
        evaluator.evaluate(f.inputs(), first.history(), NOW.plus(java.time.Duration.ofHours(1)));
    assertThat(later.assessment().checks().get(Check.OFFSET_TRANSLATION).level())
        .isEqualTo(Level.HEALTHY);
    assertThat(later.assessment().groups().get(0).checkpointAge())
        .contains(java.time.Duration.ofHours(4));
  }

  @Test
  void groupThatMovesWithoutNewCheckpointsWarnsThenIsDanger() {
    Fixtures f = new Fixtures();
    FlowHistory h = evaluator.evaluate(f.inputs(), FlowHistory.empty(), NOW).history();
    f.sourceCommitted.put("g", 95L); // moved; MM2 writes no checkpoint after it
    h = evaluator.evaluate(f.inputs(), h, NOW.plusSeconds(1)).history();
    Thresholds t = Thresholds.defaults();
    FlowEvaluator.Outcome warn =
        evaluator.evaluate(f.inputs(), h, NOW.plusSeconds(1).plus(t.checkpointAgeWarning()));
    assertThat(warn.assessment().checks().get(Check.OFFSET_TRANSLATION).level())
        .isEqualTo(Level.WARNING);
    FlowEvaluator.Outcome danger =
        evaluator.evaluate(
            f.inputs(), warn.history(), NOW.plusSeconds(1).plus(t.checkpointAgeDanger()));
    assertThat(danger.assessment().checks().get(Check.OFFSET_TRANSLATION).level())
        .isEqualTo(Level.DANGER);

    f.checkpoints.put(
        "g",
        new io.mirrorwatch.agent.model.CheckpointInfo(95, 95, NOW.plus(t.checkpointAgeDanger())));
    FlowEvaluator.Outcome caughtUp =
        evaluator.evaluate(
            f.inputs(), danger.history(), NOW.plus(t.checkpointAgeDanger()).plusSeconds(2));
    assertThat(caughtUp.assessment().groups().get(0).reasons())
        .noneMatch(r -> r.contains("not checkpointed"));
  }

  @Test
  void reprocessIsReplicaRecordsFromTheTranslatedOffsetAlreadyConsumedOnTheSource() {
    Fixtures f = new Fixtures();
    // The group committed 90 on the source; MM2 translated it conservatively to 80 on the replica.
    f.checkpoints.put(
        "g", new io.mirrorwatch.agent.model.CheckpointInfo(90, 80, NOW.minusSeconds(1)));
    f.targetCommitted.put("g", 80L);
    assertThat(evaluate(f).groups().get(0).reprocessRecords()).isEqualTo(10);
  }

  @Test
  void recordsWithoutTheEventIdHeaderLowerCoverageAndIdempotency() {
    Fixtures f = new Fixtures();
    f.coverage = Map.of("orders", new SourceSample.Coverage(100, 95));
    FlowAssessment a = evaluate(f);
    assertThat(a.coverage()).containsEntry("orders", 0.95);
    assertThat(a.checks().get(Check.IDEMPOTENCY).level()).isEqualTo(Level.WARNING);
    f.coverage = Map.of("orders", new SourceSample.Coverage(100, 50));
    assertThat(evaluate(f).checks().get(Check.IDEMPOTENCY).level()).isEqualTo(Level.DANGER);
  }

  @Test
  void groupNotDeclaredIdempotentIsDanger() {
    Fixtures f = new Fixtures();
    f.idempotent = Set.of();
    assertThat(evaluate(f).checks().get(Check.IDEMPOTENCY).level()).isEqualTo(Level.DANGER);
  }

  @Test
  void indirectionRules() {
    Fixtures f = new Fixtures();
    f.indirection = Map.of();
    assertThat(evaluate(f).checks().get(Check.INDIRECTION).level()).isEqualTo(Level.WARNING);
    f.indirection = Map.of("kafka:9092", Set.of());
    assertThat(evaluate(f).checks().get(Check.INDIRECTION).level()).isEqualTo(Level.DANGER);
    f.indirection = Map.of("kafka:9092", Set.of("primary", "dr"));
    assertThat(evaluate(f).checks().get(Check.INDIRECTION).level()).isEqualTo(Level.DANGER);
    f.indirection = Map.of("kafka:9092", Set.of("dr"));
    assertThat(evaluate(f).checks().get(Check.INDIRECTION).level()).isEqualTo(Level.HEALTHY);
  }

  @Test
  void replicaNotAdvancingWhileRecordsWaitIsAStall() {
    Fixtures f = new Fixtures();
    f.sourceLatest = 110;
    f.stamps =
        Map.of(Fixtures.SRC, new SourceSample.OffsetTimestamp(100, NOW.toEpochMilli() - 1_000));
    FlowEvaluator.Outcome first = evaluator.evaluate(f.inputs(), FlowHistory.empty(), NOW);
    FlowEvaluator.Outcome later =
        evaluator.evaluate(
            f.inputs(),
            first.history(),
            NOW.plus(Thresholds.defaults().stallDanger()).plusSeconds(1));
    assertThat(later.assessment().topics().get(0).stalledSeconds())
        .isGreaterThan(Thresholds.defaults().stallDanger().toSeconds());
    assertThat(later.assessment().checks().get(Check.REPLICATION).level()).isEqualTo(Level.DANGER);
  }

  @Test
  void quantilesAreNearestRank() {
    assertThat(FlowEvaluator.quantiles(List.of(5.0, 1.0, 3.0, 2.0, 4.0)))
        .contains(Map.of(0.5, 3.0, 0.99, 5.0, 1.0, 5.0));
    assertThat(FlowEvaluator.quantiles(List.of())).isEmpty();
  }
}
