package io.mirrorwatch.reconciler.checks;

import static io.mirrorwatch.reconciler.checks.Records.copied;
import static io.mirrorwatch.reconciler.checks.Records.of;
import static io.mirrorwatch.reconciler.checks.Records.produced;
import static io.mirrorwatch.reconciler.checks.Records.source;
import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.reconciler.finding.Finding;
import io.mirrorwatch.reconciler.finding.FindingKind;
import io.mirrorwatch.reconciler.source.Origin;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateProducedTest {
  final DuplicateProduced check = new DuplicateProduced();

  @Test
  void aRecordAndItsMm2CopyAreOneProduce() {
    assertThat(check.check(of(produced(100, 1), copied(100, 1)))).isEmpty();
  }

  @Test
  void aRecordCopiedTwiceByMm2IsStillOneProduce() {
    assertThat(check.check(of(produced(100, 1), copied(100, 1), copied(100, 1)))).isEmpty();
  }

  @Test
  void aReSendIsASecondProduceAndTheFindingListsEveryRecordWithItsCopies() {
    List<Finding> findings =
        check.check(of(produced(100, 1), copied(100, 1), produced(200, 1), copied(200, 1)));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(FindingKind.DUPLICATE_PRODUCED);
              assertThat(f.count()).isEqualTo(2);
              assertThat(f.records()).hasSize(4);
            });
  }

  @Test
  void theSameIdWithAnotherPayloadOnTheOtherClusterIsASecondProduce() {
    // Produced on primary, then again on dr after failover (a producer retry that crossed the
    // cutover).
    assertThat(
            check.check(
                of(
                    produced(100, 1),
                    copied(100, 1),
                    source("dr", "orders", Origin.ORIGINAL, 150, 2))))
        .singleElement()
        .extracting(Finding::count)
        .isEqualTo(2);
  }

  @Test
  void twoIdenticalOriginalsAreTwoProducesUnderTheDefaultPolicy() {
    assertThat(check.check(of(produced(100, 1), produced(100, 1), copied(100, 1), copied(100, 1))))
        .singleElement()
        .extracting(Finding::count)
        .isEqualTo(2);
  }

  @Test
  void underTheIdentityPolicyACopyOnTheOtherClusterIsNotAProduce() {
    assertThat(
            check.check(
                of(
                    source("primary", "orders", Origin.UNKNOWN, 100, 1),
                    source("dr", "orders", Origin.UNKNOWN, 100, 1),
                    source("dr", "orders", Origin.UNKNOWN, 100, 1))))
        .isEmpty();
  }

  @Test
  void downstreamRecordsAreNotProduces() {
    assertThat(
            check.check(
                of(
                    produced(100, 1),
                    Records.processed("primary", 300, 9),
                    Records.processed("dr", 400, 8))))
        .isEmpty();
  }
}
