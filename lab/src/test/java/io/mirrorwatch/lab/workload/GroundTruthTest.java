package io.mirrorwatch.lab.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroundTruthTest {

  @Test
  void lastProducedPerPartitionIsTheHighestOffsetOfThatClusterAndTopic() {
    GroundTruth truth = new GroundTruth();
    truth.produced(new ProducedEvent("a", "primary", "orders", 0, 5, 1));
    truth.produced(new ProducedEvent("b", "primary", "orders", 0, 3, 2));
    truth.produced(new ProducedEvent("c", "primary", "orders", 1, 0, 3));
    truth.produced(new ProducedEvent("d", "dr", "orders", 0, 9, 4));

    var last = truth.lastProducedPerPartition("primary", "orders");

    assertThat(last).hasSize(2);
    assertThat(last.get(0).eventId()).isEqualTo("a");
    assertThat(last.get(1).eventId()).isEqualTo("c");
  }

  @Test
  void processedCountsOnlyFirstSightings() {
    GroundTruth truth = new GroundTruth();
    truth.delivered(new ProcessedEvent("a", "primary", "orders", 0, 0, 1, true));
    truth.delivered(new ProcessedEvent("a", "dr", "primary.orders", 0, 0, 2, false));
    assertThat(truth.processed()).extracting(ProcessedEvent::cluster).containsExactly("primary");
    assertThat(truth.deliveries()).hasSize(2);
  }
}
