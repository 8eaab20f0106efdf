package io.mirrorwatch.agent.it;

import static io.mirrorwatch.agent.it.AgentHarness.FLOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrorwatch.common.replication.PolicyKind;
import io.mirrorwatch.lab.Lab;
import io.mirrorwatch.lab.LabExtension;
import io.mirrorwatch.lab.poll.Poll;
import io.mirrorwatch.lab.workload.Orders;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A flow under IdentityReplicationPolicy: the replica has the source topic's name. */
@ExtendWith(LabExtension.class)
@LabExtension.Options(policy = PolicyKind.IDENTITY)
class AgentIdentityPolicyIT {

  @Test
  void identityFlowIsReadyAndCountsRecordsAtRiskOnSameNamedTopics(Lab lab) throws Exception {
    lab.startProcessor(lab.primary());
    lab.producer().produce(100);
    try (AgentHarness agent = AgentHarness.start(lab, "identity", List.of(Orders.GROUP))) {
      AgentIT.awaitReady(agent);
      JsonNode rpo = agent.flow().path("rpo").get(0);
      assertThat(rpo.path("topic").asText()).isEqualTo("orders");
      assertThat(rpo.path("replica").asText()).isEqualTo("orders");

      lab.mirrorMaker().stop();
      lab.producer().produce(25);
      Poll.until(
          "rpo_records = 25 on the identity flow",
          AgentIT.DEADLINE,
          () ->
              agent.metric("mirrorwatch_rpo_records", "flow", FLOW, "topic", "orders").orElse(-1)
                  == 25);
      lab.mirrorMaker().start();
      Poll.until(
          "RPO back to 0",
          AgentIT.DEADLINE,
          () ->
              agent.metric("mirrorwatch_rpo_records", "flow", FLOW, "topic", "orders").orElse(-1)
                  == 0);
    }
  }
}
