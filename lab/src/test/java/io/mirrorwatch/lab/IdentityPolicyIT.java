package io.mirrorwatch.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.common.replication.PolicyKind;
import io.mirrorwatch.lab.cluster.KafkaCluster;
import io.mirrorwatch.lab.drill.DrillOptions;
import io.mirrorwatch.lab.drill.DrillResult;
import io.mirrorwatch.lab.drill.FailoverDrill;
import io.mirrorwatch.lab.poll.Poll;
import io.mirrorwatch.lab.workload.Orders;
import io.mirrorwatch.lab.workload.ProducedEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** The lab under {@code IdentityReplicationPolicy} (test 4, and the drill under this policy). */
@ExtendWith(LabExtension.class)
@LabExtension.Options(policy = PolicyKind.IDENTITY)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityPolicyIT {

  @Test
  @Order(1)
  void replicaOnDrKeepsTheTopicName(Lab lab) {
    assertThat(lab.replicaTopic(Lab.PRIMARY, Orders.TOPIC)).isEqualTo(Orders.TOPIC);
    List<ProducedEvent> produced = lab.producer().produce(50);
    Poll.until(
        "50 orders in orders on dr",
        Duration.ofSeconds(60),
        () ->
            Lab.eventIds(lab.dr(), Orders.TOPIC)
                .containsAll(produced.stream().map(ProducedEvent::eventId).toList()));
    assertThat(lab.dr().topicExists("primary.orders")).isFalse();
  }

  @Test
  @Order(2)
  void failoverFailbackDrillRunsUnderIdentityPolicy(Lab lab) {
    DrillResult result =
        new FailoverDrill(
                lab, new DrillOptions(40, Duration.ofSeconds(4), Duration.ofSeconds(90)), s -> {})
            .run();
    DrillIT.assertDrillGroundTruth(lab, result);
    assertThat(result.failoverOffsets()).containsKeys("orders-0", "orders-1", "orders-2");
  }

  /**
   * The runbook's cycle block: each flow drops the records written on its own target (provenance
   * header), so after failover and failback each cluster's {@code orders} holds every event exactly
   * once. Without it, the reverse flow would copy primary's own records back into primary's {@code
   * orders}, and the resumed forward flow those copies to dr again.
   */
  @Test
  @Order(3)
  void neitherFlowCopiesARecordBackToTheClusterItWasWrittenOn(Lab lab) {
    List<String> produced = lab.truth().produced().stream().map(ProducedEvent::eventId).toList();
    assertThat(produced).isNotEmpty();
    assertThat(lab.truth().produced()).anyMatch(e -> e.cluster().equals(Lab.DR));
    for (KafkaCluster cluster : List.of(lab.primary(), lab.dr())) {
      assertThat(Lab.eventIds(cluster, Orders.TOPIC))
          .as("event IDs in orders on " + cluster.alias())
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(produced);
    }
  }
}
