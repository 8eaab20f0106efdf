package io.mirrorwatch.reconciler.checks;

import static io.mirrorwatch.reconciler.checks.Records.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.reconciler.finding.BucketTotals;
import io.mirrorwatch.reconciler.finding.Tally;
import io.mirrorwatch.reconciler.source.Aggregation;
import io.mirrorwatch.reconciler.source.Event;
import io.mirrorwatch.reconciler.source.FailoverPositions;
import io.mirrorwatch.reconciler.source.Origin;
import io.mirrorwatch.reconciler.source.ReplicatedPositions;
import io.mirrorwatch.reconciler.source.Role;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventContributionTest {
  static final EventContribution CONTRIBUTION =
      new EventContribution(
          new Aggregation(60_000, "/amount", "/customerId"),
          "primary",
          "dr",
          Optional.of(
              new Stranded(
                  new FailoverPositions(
                      "primary", "dr", 200_000, ReplicatedPositions.unknown("t")))));

  static Event src(
      String cluster, String topic, Origin origin, long ts, long payload, String amount) {
    return record(cluster, topic, Role.SOURCE, origin, 0, ts, ts, payload, amount, "c-1");
  }

  static Event primary(long ts, long payload, String amount) {
    return src("primary", "orders", Origin.ORIGINAL, ts, payload, amount);
  }

  static Event copy(long ts, long payload, String amount) {
    return src("dr", "primary.orders", Origin.REPLICA, ts, payload, amount);
  }

  static Event out(String cluster, long ts, String amount) {
    return record(
        cluster,
        "orders-processed",
        Role.DOWNSTREAM,
        Origin.ORIGINAL,
        0,
        ts,
        ts,
        99,
        amount,
        "c-1");
  }

  /**
   * name, records, expected: source, downstream, unprocessed, primary, dr, strandedOffDr, changed,
   * withoutAmount.
   */
  static Stream<Arguments> events() {
    Tally one = new Tally(1, new BigDecimal("12.50"));
    Tally zero = Tally.ZERO;
    return Stream.of(
        Arguments.of(
            "processed, replicated",
            List.of(
                primary(61_000, 1, "12.50"),
                copy(61_000, 1, "12.50"),
                out("primary", 61_500, "12.5")),
            List.of(one, one, zero, one, one, zero),
            0,
            0),
        Arguments.of(
            "unprocessed",
            List.of(primary(61_000, 1, "12.50"), copy(61_000, 1, "12.50")),
            List.of(one, zero, one, one, one, zero),
            0,
            0),
        Arguments.of(
            "processed twice: the first downstream record counts",
            List.of(
                primary(61_000, 1, "12.50"),
                copy(61_000, 1, "12.50"),
                out("dr", 64_000, "99"),
                out("primary", 62_000, "12.50")),
            List.of(one, one, zero, one, one, zero),
            0,
            0),
        Arguments.of(
            "produced twice: the first write's amount and bucket",
            List.of(
                primary(119_000, 2, "7"),
                primary(61_000, 1, "12.50"),
                copy(61_000, 1, "12.50"),
                out("primary", 62_000, "12.50")),
            List.of(one, one, zero, one, one, zero),
            0,
            0),
        Arguments.of(
            "altered downstream amount",
            List.of(
                primary(61_000, 1, "12.50"),
                copy(61_000, 1, "12.50"),
                out("primary", 62_000, "13.00")),
            List.of(one, new Tally(1, new BigDecimal("13.00")), zero, one, one, zero),
            1,
            0),
        Arguments.of(
            "downstream without amount",
            List.of(
                primary(61_000, 1, "12.50"),
                copy(61_000, 1, "12.50"),
                out("primary", 62_000, null)),
            List.of(one, new Tally(1, BigDecimal.ZERO), zero, one, one, zero),
            1,
            1),
        Arguments.of(
            "stranded, never on dr",
            List.of(primary(61_000, 1, "12.50"), out("primary", 62_000, "12.50")),
            List.of(one, one, zero, one, zero, one),
            0,
            0),
        Arguments.of(
            "written on dr, never back on primary",
            List.of(
                src("dr", "orders", Origin.ORIGINAL, 61_000, 1, "12.50"),
                out("dr", 62_000, "12.50")),
            List.of(one, one, zero, zero, one, zero),
            0,
            0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("events")
  void anEventCountsOncePerViewInTheBucketOfItsFirstWrite(
      String name, List<Event> records, List<Tally> views, int changed, int withoutAmount) {
    BucketTotals t = CONTRIBUTION.of(new EventRecords("e-1", records)).orElseThrow();
    assertThat(t.bucketStartMs()).isEqualTo(60_000);
    assertThat(t.id()).isEqualTo("1970-01-01T00:01:00Z/c-1");
    assertThat(
            List.of(
                t.source(),
                t.downstream(),
                t.unprocessed(),
                t.primary(),
                t.dr(),
                t.strandedOffDr()))
        .usingElementComparator(
            (a, b) -> a.count() == b.count() && a.sum().compareTo(b.sum()) == 0 ? 0 : 1)
        .containsExactlyElementsOf(views);
    assertThat(t.amountChanged()).isEqualTo(changed);
    assertThat(t.changedRecords()).hasSize(2 * changed);
    assertThat(t.withoutAmount()).isEqualTo(withoutAmount);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("events")
  void aSingleEventsTotalsNeverMakeADownstreamMismatchUnlessItsAmountChanged(
      String name, List<Event> records, List<Tally> views, int changed, int withoutAmount) {
    BucketTotals t = CONTRIBUTION.of(new EventRecords("e-1", records)).orElseThrow();
    assertThat(t.downstreamUnexplained().isZero()).isEqualTo(changed == 0);
  }

  @org.junit.jupiter.api.Test
  void downstreamRecordsWithoutSourceEventContributeNothing() {
    assertThat(CONTRIBUTION.of(new EventRecords("e-1", List.of(out("primary", 62_000, "1")))))
        .isEmpty();
  }
}
