package io.mirrorwatch.reconciler.checks.offsets;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.reconciler.source.offsets.GroupRecord;
import io.mirrorwatch.reconciler.source.offsets.TopicPart;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Commit histories -> positions at a cutover; the cutover is at second 100, searched from second
 * 90.
 */
class CutoverPositionsTest {
  static final Cutover FAILOVER =
      new Cutover(
          Cutover.Kind.FAILOVER,
          Instant.ofEpochSecond(100),
          Instant.ofEpochSecond(90),
          "primary",
          "dr");

  record Case(
      History old,
      History fresh,
      Optional<Long> startedAtSecond,
      Map<String, Long> oldEnd,
      Map<String, Long> newStart) {}

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "translated offsets written after the cutover, before the consumers join, are the start",
            new Case(
                new History("primary")
                    .members(10, 1)
                    .commit(50, "orders", 0, 40)
                    .commit(95, "orders", 0, 45)
                    .members(96, 0),
                new History("dr")
                    .commit(60, "primary.orders", 0, 38)
                    .commit(105, "primary.orders", 0, 45)
                    .members(110, 1)
                    .commit(111, "primary.orders", 0, 47),
                Optional.of(110L),
                Map.of("orders-0", 45L),
                Map.of("primary.orders-0", 45L))),
        Arguments.of(
            "a group that never joins on the new cluster has no start, and every old commit is the end",
            new Case(
                new History("primary").commit(50, "orders", 0, 40).commit(120, "orders", 0, 44),
                new History("dr").commit(105, "primary.orders", 0, 45),
                Optional.empty(),
                Map.of("orders-0", 44L),
                Map.of())),
        Arguments.of(
            "old commits after the start on the new cluster are not the old end",
            new Case(
                new History("primary").commit(50, "orders", 0, 40).commit(115, "orders", 0, 44),
                new History("dr").commit(105, "primary.orders", 0, 41).members(110, 2),
                Optional.of(110L),
                Map.of("orders-0", 40L),
                Map.of("primary.orders-0", 41L))),
        Arguments.of(
            "a deleted commit is no position",
            new Case(
                new History("primary")
                    .commit(50, "orders", 0, 40)
                    .commit(50, "orders", 1, 9)
                    .deleted(60, "orders", 1),
                new History("dr")
                    .commit(105, "primary.orders", 0, 41)
                    .commit(105, "primary.orders", 1, 3)
                    .deleted(106, "primary.orders", 1)
                    .members(110, 1),
                Optional.of(110L),
                Map.of("orders-0", 40L),
                Map.of("primary.orders-0", 41L))),
        Arguments.of(
            "members before the search start are an earlier life; the start is the next join after empty",
            new Case(
                new History("primary").commit(50, "orders", 0, 40),
                new History("dr")
                    .members(20, 1)
                    .commit(30, "primary.orders", 0, 5)
                    .members(40, 0)
                    .commit(105, "primary.orders", 0, 41)
                    .members(110, 1),
                Optional.of(110L),
                Map.of("orders-0", 40L),
                Map.of("primary.orders-0", 41L))),
        Arguments.of(
            "a group with members throughout never starts after the cutover",
            new Case(
                new History("primary").commit(50, "orders", 0, 40),
                new History("dr")
                    .members(20, 1)
                    .commit(105, "primary.orders", 0, 41)
                    .members(110, 2),
                Optional.empty(),
                Map.of("orders-0", 40L),
                Map.of())),
        Arguments.of(
            "consumer protocol: the first member record is the start; a leave and re-join is not",
            new Case(
                new History("primary").commit(50, "orders", 0, 40),
                new History("dr")
                    .commit(105, "primary.orders", 0, 41)
                    .member(110, "m1", true)
                    .commit(112, "primary.orders", 0, 50)
                    .member(113, "m1", false)
                    .member(114, "m2", true),
                Optional.of(110L),
                Map.of("orders-0", 40L),
                Map.of("primary.orders-0", 41L))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void positionsAtTheCutover(String rule, Case c) {
    GroupPositions p =
        CutoverPositions.of(History.GROUP, FAILOVER, c.old().records(), c.fresh().records());

    assertThat(p.started().map(r -> r.at().timestamp() / 1000)).isEqualTo(c.startedAtSecond());
    assertThat(offsets(p.oldEnd())).isEqualTo(c.oldEnd());
    assertThat(offsets(p.newStart())).isEqualTo(c.newStart());
  }

  @org.junit.jupiter.api.Test
  void mm2sTranslationIsItsLastCheckpointBeforeTheStart() {
    History fresh = new History("dr").commit(105, "primary.orders", 0, 41).members(110, 1);
    TopicPart tp = new TopicPart("primary.orders", 0);
    java.util.List<io.mirrorwatch.reconciler.source.offsets.MirrorCheckpoint> checkpoints =
        java.util.List.of(
            checkpoint("g", tp, 30, 28, 95),
            checkpoint("g", tp, 45, 41, 104),
            checkpoint("other", tp, 9, 9, 105),
            checkpoint("g", tp, 50, 46, 111));

    GroupPositions p =
        CutoverPositions.of(
            History.GROUP, FAILOVER, java.util.List.of(), fresh.records(), checkpoints);

    assertThat(p.mm2()).containsOnlyKeys(tp);
    assertThat(p.mm2().get(tp).downstreamOffset()).isEqualTo(41);
  }

  static io.mirrorwatch.reconciler.source.offsets.MirrorCheckpoint checkpoint(
      String group, TopicPart tp, long upstream, long downstream, long second) {
    return new io.mirrorwatch.reconciler.source.offsets.MirrorCheckpoint(
        group,
        tp,
        upstream,
        downstream,
        "dr",
        "primary.checkpoints.internal",
        0,
        second,
        second * 1000);
  }

  private static Map<String, Long> offsets(Map<TopicPart, GroupRecord.Commit> commits) {
    Map<String, Long> m = new TreeMap<>();
    commits.forEach((tp, c) -> m.put(tp.toString(), c.offset()));
    return m;
  }
}
