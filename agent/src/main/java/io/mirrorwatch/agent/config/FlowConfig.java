package io.mirrorwatch.agent.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.connect.mirror.DefaultReplicationPolicy;
import org.apache.kafka.connect.mirror.IdentityReplicationPolicy;
import org.apache.kafka.connect.mirror.ReplicationPolicy;

/**
 * One MirrorMaker 2 replication flow the agent watches: {@code source -> target}.
 *
 * @param source alias of the cluster MM2 reads from; a key of {@link AgentConfig#clusters()}
 * @param target alias of the cluster MM2 writes to; another key of it
 * @param separator the {@code replication.policy.separator} MM2 runs with; for {@link
 *     PolicyKind#IDENTITY} always the default {@code "."} (it then only names heartbeat topics)
 * @param topics which source topics this flow mirrors (mirror MM2's {@code topics} setting)
 * @param groups which consumer groups MM2 checkpoints (mirror MM2's {@code groups} setting)
 * @param jmx MM2 JMX endpoints that run this flow; empty when MM2 is not scraped
 */
public record FlowConfig(
    String source,
    String target,
    PolicyKind policy,
    String separator,
    TopicFilter topics,
    TopicFilter groups,
    List<JmxEndpoint> jmx) {

  public static final String DEFAULT_SEPARATOR = ".";

  public FlowConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(separator, "separator");
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(groups, "groups");
    jmx = List.copyOf(jmx);
  }

  /** The flow's name in metrics and logs, e.g. {@code primary->dr}. */
  public String name() {
    return source + "->" + target;
  }

  /**
   * A new instance of Kafka's own policy, configured as MM2 configures it for this flow, so topic
   * naming is never re-implemented here. A new instance per call: policies are cheap and a shared
   * one would let one caller's {@code configure} change another's.
   */
  public ReplicationPolicy replicationPolicy() {
    if (policy == PolicyKind.IDENTITY) {
      IdentityReplicationPolicy identity = new IdentityReplicationPolicy();
      // Without it, IdentityReplicationPolicy.topicSource() returns null for every topic: MM2
      // sets it from the connector's source cluster, so do we.
      identity.configure(Map.of(IdentityReplicationPolicy.SOURCE_CLUSTER_ALIAS_CONFIG, source));
      return identity;
    }
    DefaultReplicationPolicy defaultPolicy = new DefaultReplicationPolicy();
    defaultPolicy.configure(Map.of(DefaultReplicationPolicy.SEPARATOR_CONFIG, separator));
    return defaultPolicy;
  }
}
