package io.mirrorwatch.common.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mirrorwatch.common.config.ConfigException;
import io.mirrorwatch.common.config.ConfigNode;
import io.mirrorwatch.common.config.YamlConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.mirror.DefaultReplicationPolicy;
import org.apache.kafka.connect.mirror.IdentityReplicationPolicy;
import org.apache.kafka.connect.mirror.ReplicationPolicy;
import org.junit.jupiter.api.Test;

class ReplicationTest {
  @Test
  void identityPolicyOfAFlowKeepsTopicNamesAndKnowsTheSource() {
    ReplicationPolicy policy = Replication.of(PolicyKind.IDENTITY).forFlowFrom("primary");

    assertThat(policy).isInstanceOf(IdentityReplicationPolicy.class);
    assertThat(policy.formatRemoteTopic("primary", "orders")).isEqualTo("orders");
    assertThat(policy.topicSource("orders")).isEqualTo("primary");
  }

  @Test
  void identityPolicyByNameTellsNoSourceFromAName() {
    ReplicationPolicy policy = Replication.of(PolicyKind.IDENTITY).byName();

    assertThat(policy.topicSource("orders")).isNull();
    assertThat(policy.topicSource("primary.orders")).isNull();
  }

  @Test
  void defaultPolicyUsesTheConfiguredSeparator() {
    ReplicationPolicy policy = new Replication(PolicyKind.DEFAULT, "_").forFlowFrom("primary");

    assertThat(policy).isExactlyInstanceOf(DefaultReplicationPolicy.class);
    assertThat(policy.formatRemoteTopic("primary", "orders")).isEqualTo("primary_orders");
    assertThat(policy.topicSource("primary_orders")).isEqualTo("primary");
    assertThat(policy.upstreamTopic("primary_orders")).isEqualTo("orders");
  }

  @Test
  void kindsAreNamedAsInConfigFilesAndMm2() {
    assertThat(PolicyKind.fromConfigName("Identity")).contains(PolicyKind.IDENTITY);
    assertThat(PolicyKind.fromConfigName("custom")).isEmpty();
    assertThat(PolicyKind.DEFAULT.className()).isEqualTo(DefaultReplicationPolicy.class.getName());
  }

  @Test
  void readsPolicyAndSeparator() {
    assertThat(read("{policy: default, separator: _}"))
        .isEqualTo(new Replication(PolicyKind.DEFAULT, "_"));
    assertThat(read("{policy: identity}")).isEqualTo(Replication.of(PolicyKind.IDENTITY));
    assertThat(read("{}")).isEqualTo(Replication.of(PolicyKind.DEFAULT));
  }

  @Test
  void reportsEveryProblemWithItsKey() {
    assertThat(problems("{policy: custom}"))
        .containsExactly("policy: unknown policy 'custom' (known: default, identity)");
    assertThat(problems("{policy: identity, separator: _}"))
        .containsExactly("separator: only applies to policy default (identity keeps topic names)");
    assertThat(problems("{separator: '-'}"))
        .containsExactly(
            "separator: '-' occurs in cluster alias 'us-east': remote topics could not be traced"
                + " back to their source; rename the cluster or choose another separator");
  }

  private static Replication read(String yaml) {
    return new YamlConfig("test", "policy")
        .parse(yaml, Map.of(), Optional.empty(), ReplicationTest::reader);
  }

  private static Replication reader(ConfigNode root) {
    root.expectMap("policy", "separator");
    return ReplicationReader.read(root.get("policy"), root.get("separator"), List.of("us-east"));
  }

  private static List<String> problems(String yaml) {
    return catchThrowableOfType(ConfigException.class, () -> read(yaml)).problems();
  }
}
