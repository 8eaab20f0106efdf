package io.mirrorwatch.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.mirror.DefaultReplicationPolicy;
import org.apache.kafka.connect.mirror.IdentityReplicationPolicy;
import org.apache.kafka.connect.mirror.ReplicationPolicy;
import org.junit.jupiter.api.Test;

class FlowConfigTest {
  @Test
  void identityPolicyKeepsTopicNamesAndKnowsTheSource() {
    ReplicationPolicy policy = flow(PolicyKind.IDENTITY, ".").replicationPolicy();

    assertThat(policy).isInstanceOf(IdentityReplicationPolicy.class);
    assertThat(policy.formatRemoteTopic("primary", "orders")).isEqualTo("orders");
    assertThat(policy.topicSource("orders")).isEqualTo("primary");
  }

  @Test
  void defaultPolicyUsesTheConfiguredSeparator() {
    ReplicationPolicy policy = flow(PolicyKind.DEFAULT, "_").replicationPolicy();

    assertThat(policy).isExactlyInstanceOf(DefaultReplicationPolicy.class);
    assertThat(policy.formatRemoteTopic("primary", "orders")).isEqualTo("primary_orders");
    assertThat(policy.topicSource("primary_orders")).isEqualTo("primary");
    assertThat(policy.upstreamTopic("primary_orders")).isEqualTo("orders");
  }

  @Test
  void defaultPolicyFromYamlFormatsRemoteTopicsWithItsSeparator() {
    AgentConfig config =
        ConfigLoader.parse(
            """
            clusters:
              primary: {bootstrap.servers: "h:1"}
              dr: {bootstrap.servers: "h:2"}
            flows:
              - {source: primary, target: dr, separator: _}
              - {source: dr, target: primary, policy: identity}
            """,
            Map.of());

    assertThat(config.flows().get(0).replicationPolicy().formatRemoteTopic("primary", "orders"))
        .isEqualTo("primary_orders");
    assertThat(config.flows().get(1).replicationPolicy())
        .isInstanceOf(IdentityReplicationPolicy.class);
  }

  @Test
  void nameIsSourceArrowTarget() {
    assertThat(flow(PolicyKind.DEFAULT, ".").name()).isEqualTo("primary->dr");
  }

  private static FlowConfig flow(PolicyKind policy, String separator) {
    return new FlowConfig(
        "primary", "dr", policy, separator, TopicFilter.ALL, TopicFilter.ALL, List.of());
  }
}
