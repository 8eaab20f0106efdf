package io.mirrorwatch.reconciler.checks;

import static io.mirrorwatch.reconciler.checks.Records.of;
import static io.mirrorwatch.reconciler.checks.Records.processed;
import static io.mirrorwatch.reconciler.checks.Records.produced;
import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.reconciler.finding.Finding;
import io.mirrorwatch.reconciler.finding.FindingKind;
import io.mirrorwatch.reconciler.source.Event;
import io.mirrorwatch.reconciler.source.Origin;
import io.mirrorwatch.reconciler.source.Role;
import org.junit.jupiter.api.Test;

class DuplicateProcessedTest {
  final DuplicateProcessed check = new DuplicateProcessed();

  @Test
  void processedOnceIsClean() {
    assertThat(check.check(of(produced(100, 1), processed("primary", 300, 9)))).isEmpty();
  }

  @Test
  void processedOnBothClustersIsADuplicate() {
    assertThat(
            check.check(
                of(produced(100, 1), processed("primary", 300, 9), processed("dr", 400, 8))))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(FindingKind.DUPLICATE_PROCESSED);
              assertThat(f.count()).isEqualTo(2);
              assertThat(f.records()).hasSize(2);
            });
  }

  @Test
  void theSameOutputWrittenTwiceIsADuplicate() {
    assertThat(
            check.check(
                of(produced(100, 1), processed("primary", 300, 9), processed("primary", 300, 9))))
        .singleElement()
        .extracting(Finding::count)
        .isEqualTo(2);
  }

  @Test
  void anMm2CopyOfAMirroredOutputTopicIsNotASecondProcessing() {
    Event out =
        new Event(
            "e-1",
            "primary",
            "orders-processed",
            0,
            1,
            300,
            Role.DOWNSTREAM,
            Origin.UNKNOWN,
            9,
            null,
            null);
    Event copy =
        new Event(
            "e-1",
            "dr",
            "orders-processed",
            0,
            5,
            300,
            Role.DOWNSTREAM,
            Origin.UNKNOWN,
            9,
            null,
            null);
    assertThat(check.check(of(produced(100, 1), out, copy))).isEmpty();
  }

  @Test
  void eventsOutsideTheWindowAreNotJudged() {
    assertThat(check.check(of(processed("primary", 300, 9), processed("dr", 400, 8)))).isEmpty();
  }
}
