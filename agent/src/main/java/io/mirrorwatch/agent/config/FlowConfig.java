package io.mirrorwatch.agent.config;

import io.mirrorwatch.common.replication.PolicyKind;
import io.mirrorwatch.common.replication.Replication;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.connect.mirror.ReplicationPolicy;

/**
 * One MirrorMaker 2 replication flow the agent watches: {@code source -> target}.
 *
 * @param source alias of the cluster MM2 reads from; a key of {@link AgentConfig#clusters()}
 * @param target alias of the cluster MM2 writes to; another key of it
 * @param replication the policy MM2 runs this flow with (one policy for every flow)
 * @param topics which source topics this flow mirrors (mirror MM2's {@code topics} setting)
 * @param groups which consumer groups MM2 checkpoints (mirror MM2's {@code groups} setting)
 * @param jmx MM2 JMX endpoints that run this flow; empty when MM2 is not scraped
 */
public record FlowConfig(
    String source,
    String target,
    Replication replication,
    TopicFilter topics,
    TopicFilter groups,
    List<JmxEndpoint> jmx) {

  public FlowConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(replication, "replication");
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(groups, "groups");
    jmx = List.copyOf(jmx);
  }

  /** The flow's name in metrics and logs, e.g. {@code primary->dr}. */
  public String name() {
    return source + "->" + target;
  }

  public PolicyKind policy() {
    return replication.kind();
  }

  /**
   * Kafka's own policy, configured as MM2 configures it for this flow (a new instance per call).
   */
  public ReplicationPolicy replicationPolicy() {
    return replication.forFlowFrom(source);
  }
}
