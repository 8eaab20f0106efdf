package io.mirrorwatch.reconciler.checks;

import static io.mirrorwatch.reconciler.checks.Records.copied;
import static io.mirrorwatch.reconciler.checks.Records.of;
import static io.mirrorwatch.reconciler.checks.Records.produced;
import static io.mirrorwatch.reconciler.checks.Records.source;
import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.reconciler.finding.Finding;
import io.mirrorwatch.reconciler.finding.FindingKind;
import io.mirrorwatch.reconciler.finding.RecordRef;
import io.mirrorwatch.reconciler.source.Origin;
import org.junit.jupiter.api.Test;

class DuplicateReplicatedTest {
  final DuplicateReplicated check = new DuplicateReplicated();

  @Test
  void oneCopyPerWriteIsNormal() {
    assertThat(check.check(of(produced(100, 1), copied(100, 1)))).isEmpty();
    assertThat(check.check(of(produced(100, 1), produced(100, 1), copied(100, 1), copied(100, 1))))
        .isEmpty();
  }

  @Test
  void aSecondCopyOfOneWriteIsADuplicateReplicationListingCopiesAndOriginal() {
    assertThat(check.check(of(produced(100, 1), copied(100, 1), copied(100, 1))))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(FindingKind.DUPLICATE_REPLICATED);
              assertThat(f.count()).isEqualTo(2);
              assertThat(f.detail())
                  .isEqualTo("copied 2 times into dr/primary.orders (written 1 time)");
              assertThat(f.records())
                  .extracting(RecordRef::topic)
                  .containsExactly("primary.orders", "primary.orders", "orders");
            });
  }

  @Test
  void aReSendCopiedOnceIsNotADuplicateReplication() {
    assertThat(check.check(of(produced(100, 1), copied(100, 1), produced(200, 1), copied(200, 1))))
        .isEmpty();
  }

  @Test
  void eachWriteCopiedTwiceIsOneFindingPerWrite() {
    assertThat(
            check.check(
                of(
                    produced(100, 1),
                    copied(100, 1),
                    copied(100, 1),
                    produced(200, 2),
                    copied(200, 2),
                    copied(200, 2))))
        .hasSize(2);
  }

  @Test
  void underTheIdentityPolicyExtraCopiesOnTheReceivingClusterAreDuplicates() {
    assertThat(
            check.check(
                of(
                    source("primary", "orders", Origin.UNKNOWN, 100, 1),
                    source("dr", "orders", Origin.UNKNOWN, 100, 1),
                    source("dr", "orders", Origin.UNKNOWN, 100, 1))))
        .singleElement()
        .extracting(Finding::detail)
        .isEqualTo("copied 2 times into dr/orders (written 1 time)");
  }

  @Test
  void underTheIdentityPolicyIdenticalRecordsOnOneClusterOnlyAreNotReplication() {
    assertThat(
            check.check(
                of(
                    source("primary", "orders", Origin.UNKNOWN, 100, 1),
                    source("primary", "orders", Origin.UNKNOWN, 100, 1))))
        .isEmpty();
  }
}
