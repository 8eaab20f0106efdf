package io.mirrorwatch.reconciler.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.reconciler.finding.BucketTotals;
import io.mirrorwatch.reconciler.finding.FindingKind;
import io.mirrorwatch.reconciler.finding.Tally;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AggregateMismatchTest {
  static Tally t(long count, String sum) {
    return new Tally(count, new BigDecimal(sum));
  }

  /** 10 events of 100.00 in the source; the other views as given. */
  static BucketTotals bucket(
      Tally downstream, Tally unprocessed, Tally primary, Tally dr, Tally strandedOffDr) {
    return new BucketTotals(
        180_000,
        "c-7",
        t(10, "100.00"),
        downstream,
        unprocessed,
        primary,
        dr,
        strandedOffDr,
        0,
        0,
        List.of());
  }

  static Stream<Arguments> buckets() {
    Tally all = t(10, "100.00");
    Tally none = Tally.ZERO;
    return Stream.of(
        Arguments.of("all equal", bucket(all, none, all, all, none), false),
        Arguments.of(
            "shortfall explained by unprocessed events",
            bucket(t(8, "80"), t(2, "20"), all, all, none),
            false),
        Arguments.of("downstream sum altered", bucket(t(10, "103.50"), none, all, all, none), true),
        Arguments.of(
            "altered and unprocessed", bucket(t(9, "95"), t(1, "10"), all, all, none), true),
        Arguments.of(
            "dr shortfall explained by stranded events",
            bucket(all, none, all, t(7, "70"), t(3, "30")),
            false),
        Arguments.of("dr shortfall not explained", bucket(all, none, all, t(9, "90"), none), true),
        Arguments.of(
            "events on dr that never came back to primary",
            bucket(all, none, t(9, "90"), all, none),
            true),
        Arguments.of(
            "scale does not matter: 100 equals 100.00",
            bucket(t(10, "100"), none, all, all, none),
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("buckets")
  void aBucketMismatchesOnlyBeyondWhatEventFindingsExplain(
      String name, BucketTotals bucket, boolean mismatch) {
    var finding = AggregateMismatch.evaluate(bucket);
    assertThat(finding.isPresent()).isEqualTo(mismatch);
    finding.ifPresent(
        f -> {
          assertThat(f.kind()).isEqualTo(FindingKind.AGGREGATE_MISMATCH);
          assertThat(f.eventId()).isEqualTo("1970-01-01T00:03:00Z/c-7");
          assertThat(f.aggregateTotals()).contains(bucket);
        });
  }
}
