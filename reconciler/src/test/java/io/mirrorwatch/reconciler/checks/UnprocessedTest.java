package io.mirrorwatch.reconciler.checks;

import static io.mirrorwatch.reconciler.checks.Records.copied;
import static io.mirrorwatch.reconciler.checks.Records.of;
import static io.mirrorwatch.reconciler.checks.Records.processed;
import static io.mirrorwatch.reconciler.checks.Records.produced;
import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.reconciler.finding.FindingKind;
import org.junit.jupiter.api.Test;

class UnprocessedTest {
  final Unprocessed check = new Unprocessed();

  @Test
  void anEventWithoutDownstreamRecordIsUnprocessedAndListsItsSourceRecords() {
    assertThat(check.check(of(produced(100, 1), copied(100, 1))))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(FindingKind.UNPROCESSED);
              assertThat(f.records()).hasSize(2);
            });
  }

  @Test
  void anEventProcessedOnEitherClusterIsProcessed() {
    assertThat(check.check(of(produced(100, 1), copied(100, 1), processed("dr", 300, 9))))
        .isEmpty();
  }

  @Test
  void aDownstreamRecordWithoutSourceEventIsNotJudged() {
    assertThat(check.check(of(processed("dr", 300, 9)))).isEmpty();
  }
}
