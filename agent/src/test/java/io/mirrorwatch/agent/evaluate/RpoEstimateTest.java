package io.mirrorwatch.agent.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.agent.model.ClusterState;
import io.mirrorwatch.agent.model.PartitionKey;
import io.mirrorwatch.agent.model.PartitionOffsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RpoEstimateTest {
  private static final PartitionKey CAUGHT_UP = new PartitionKey("orders", 0);
  private static final PartitionKey BEHIND = new PartitionKey("orders", 1);
  private static final PartitionKey NOT_MIRRORED = new PartitionKey("scratch", 0);

  private static final ClusterState SOURCE =
      new ClusterState(
          "primary",
          Instant.EPOCH,
          Map.of(
              CAUGHT_UP,
              new PartitionOffsets.Source(0, 50),
              BEHIND,
              new PartitionOffsets.Source(0, 80),
              NOT_MIRRORED,
              new PartitionOffsets.Source(0, 10)),
          Map.of(),
          Map.of(),
          Set.of());

  @Test
  void onlyTheFlowsPartitionsAreEstimatedAndOnlyThoseWithRecordsAtRiskAreSampled() {
    RpoEstimate e =
        RpoEstimate.of(
            Optional.of(SOURCE),
            Map.of("orders", "primary.orders"),
            Map.of(CAUGHT_UP, 50L, BEHIND, 60L),
            Map.of(BEHIND, 69L));
    assertThat(e.partitions()).containsOnlyKeys(CAUGHT_UP, BEHIND);
    // The tail start (69, so 70 is the next one missing) beats MM2's flushed 60.
    assertThat(e.partitions().get(BEHIND))
        .isEqualTo(new PartitionRpo(70, 10, RpoBasis.REPLICA_TAIL_TIMESTAMP));
    assertThat(e.atRisk()).isEqualTo(Map.of(BEHIND, 70L));
  }

  @Test
  void withoutTheSourcesLogBoundsNothingIsEstimated() {
    RpoEstimate e =
        RpoEstimate.of(Optional.empty(), Map.of("orders", "primary.orders"), Map.of(), Map.of());
    assertThat(e.partitions()).isEmpty();
    assertThat(e.atRisk()).isEmpty();
  }
}
