package io.mirrorwatch.reconciler.checks;

import static io.mirrorwatch.reconciler.checks.Records.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.common.mm2.Mm2OffsetRecord;
import io.mirrorwatch.reconciler.finding.FindingKind;
import io.mirrorwatch.reconciler.source.Event;
import io.mirrorwatch.reconciler.source.FailoverPositions;
import io.mirrorwatch.reconciler.source.Origin;
import io.mirrorwatch.reconciler.source.ReplicatedPositions;
import io.mirrorwatch.reconciler.source.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StrandedTest {
  static final long CUTOVER = 10_000;

  /**
   * MM2 had copied primary/orders/0 below offset 100 at the cutover; partition 1 has no position.
   */
  static final ReplicatedPositions POSITIONS =
      ReplicatedPositions.atCutover(
          "mm2-offsets.primary.internal",
          "primary",
          List.of(offsets("orders", 0, 99, 9_000), offsets("orders", 0, 150, 12_000)),
          CUTOVER);

  static Optional<Mm2OffsetRecord> offsets(String topic, int partition, long last, long at) {
    return Optional.of(new Mm2OffsetRecord("primary", topic, partition, OptionalLong.of(last), at));
  }

  /**
   * A write on primary/orders at (partition, offset, ts), with MM2's copy on dr ("dr") or none
   * ("none").
   */
  static List<Event> write(int partition, long offset, long ts, String copy) {
    List<Event> r = new ArrayList<>();
    r.add(
        record(
            "primary",
            "orders",
            Role.SOURCE,
            Origin.ORIGINAL,
            partition,
            offset,
            ts,
            1,
            null,
            null));
    switch (copy) {
      case "dr" ->
          r.add(
              record(
                  "dr",
                  "primary.orders",
                  Role.SOURCE,
                  Origin.REPLICA,
                  partition,
                  7,
                  ts,
                  1,
                  null,
                  null));
      case "none" -> {}
      default -> throw new IllegalArgumentException(copy);
    }
    return r;
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of(
            "replicated before the cutover",
            write(0, 99, 9_500, "dr"),
            ReplicatedPositions.unknown("t"),
            false),
        Arguments.of("below MM2's position", write(0, 99, 9_500, "dr"), POSITIONS, false),
        Arguments.of(
            "at MM2's position, copied after failback",
            write(0, 100, 9_500, "dr"),
            POSITIONS,
            true),
        Arguments.of(
            "above MM2's position, no copy at all", write(0, 120, 9_500, "none"), POSITIONS, true),
        Arguments.of(
            "no copy, positions unknown",
            write(0, 120, 9_500, "none"),
            ReplicatedPositions.unknown("t"),
            true),
        Arguments.of(
            "partition without position, copied", write(1, 5_000, 9_500, "dr"), POSITIONS, false),
        Arguments.of(
            "partition without position, no copy", write(1, 5_000, 9_500, "none"), POSITIONS, true),
        Arguments.of("written at the cutover", write(0, 120, CUTOVER, "none"), POSITIONS, false),
        Arguments.of("written after the cutover", write(0, 120, 11_000, "none"), POSITIONS, false),
        Arguments.of(
            "written on dr (origin dr)",
            List.of(
                record("dr", "orders", Role.SOURCE, Origin.ORIGINAL, 0, 3, 9_500, 1, null, null)),
            POSITIONS,
            false),
        Arguments.of(
            "a copy on primary of a dr write is not a primary write",
            List.of(
                record(
                    "primary",
                    "dr.orders",
                    Role.SOURCE,
                    Origin.REPLICA,
                    0,
                    3,
                    9_500,
                    1,
                    null,
                    null)),
            POSITIONS,
            false),
        Arguments.of(
            "identity policy: primary/orders above the position",
            List.of(
                record(
                    "primary", "orders", Role.SOURCE, Origin.UNKNOWN, 0, 100, 9_500, 1, null, null),
                record("dr", "orders", Role.SOURCE, Origin.UNKNOWN, 0, 40, 9_500, 1, null, null)),
            POSITIONS,
            true),
        Arguments.of(
            "downstream records do not count as copies",
            concat(
                write(0, 120, 9_500, "none"),
                record(
                    "dr",
                    "orders-processed",
                    Role.DOWNSTREAM,
                    Origin.ORIGINAL,
                    0,
                    1,
                    9_600,
                    5,
                    null,
                    null)),
            POSITIONS,
            true));
  }

  static List<Event> concat(List<Event> a, Event b) {
    List<Event> all = new ArrayList<>(a);
    all.add(b);
    return all;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void aPrimaryWriteBeforeTheCutoverIsStrandedIfDrDidNotHaveItThen(
      String name, List<Event> records, ReplicatedPositions positions, boolean stranded) {
    Stranded check = new Stranded(new FailoverPositions("primary", "dr", CUTOVER, positions));
    var findings = check.check(new EventRecords("e-1", records));
    if (stranded) {
      assertThat(findings)
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.kind()).isEqualTo(FindingKind.STRANDED);
                assertThat(f.count()).isEqualTo(1);
                assertThat(f.records())
                    .hasSize((int) records.stream().filter(e -> e.role() == Role.SOURCE).count());
              });
    } else {
      assertThat(findings).isEmpty();
    }
  }
}
