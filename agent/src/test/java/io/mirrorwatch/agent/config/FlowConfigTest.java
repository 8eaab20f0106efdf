package io.mirrorwatch.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mirrorwatch.common.config.ConfigException;
import io.mirrorwatch.common.replication.PolicyKind;
import io.mirrorwatch.common.replication.Replication;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.mirror.IdentityReplicationPolicy;
import org.junit.jupiter.api.Test;

class FlowConfigTest {
  @Test
  void identityFlowPolicyKnowsItsSource() {
    FlowConfig flow = flow(Replication.of(PolicyKind.IDENTITY));

    assertThat(flow.replicationPolicy()).isInstanceOf(IdentityReplicationPolicy.class);
    assertThat(flow.replicationPolicy().topicSource("orders")).isEqualTo("primary");
  }

  @Test
  void policyFromYamlFormatsRemoteTopicsWithItsSeparatorInBothDirections() {
    AgentConfig config =
        ConfigLoader.parse(
            """
            clusters:
              primary: {bootstrap.servers: "h:1"}
              dr: {bootstrap.servers: "h:2"}
            flows:
              - {source: primary, target: dr, separator: _}
              - {source: dr, target: primary, separator: _}
            """,
            Map.of());

    assertThat(config.flows().get(0).replicationPolicy().formatRemoteTopic("primary", "orders"))
        .isEqualTo("primary_orders");
    assertThat(config.flows().get(1).replicationPolicy().formatRemoteTopic("dr", "orders"))
        .isEqualTo("dr_orders");
  }

  /** Runbook 4.2: identity one way and default the other makes records ping-pong or vanish. */
  @Test
  void rejectsAPairOfFlowsWithTwoPolicies() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                ConfigLoader.parse(
                    """
                    clusters:
                      primary: {bootstrap.servers: "h:1"}
                      dr: {bootstrap.servers: "h:2"}
                    flows:
                      - {source: primary, target: dr}
                      - {source: dr, target: primary, policy: identity}
                    """,
                    Map.of()));
    assertThat(e.problems())
        .containsExactly(
            "flows[1].policy: must be the policy of the reverse flow flows[0] (default, separator"
                + " '.'), got identity: one policy in both directions (runbook 4.2)");
  }

  @Test
  void nameIsSourceArrowTarget() {
    assertThat(flow(Replication.of(PolicyKind.DEFAULT)).name()).isEqualTo("primary->dr");
  }

  private static FlowConfig flow(Replication replication) {
    return new FlowConfig(
        "primary", "dr", replication, TopicFilter.ALL, TopicFilter.ALL, List.of());
  }
}
