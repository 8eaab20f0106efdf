package io.mirrorwatch.agent.collect;

import io.mirrorwatch.agent.config.FlowConfig;
import io.mirrorwatch.agent.model.ClusterState;
import io.mirrorwatch.common.mm2.Mm2OffsetRecord;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.connect.mirror.ReplicationPolicy;

/**
 * A flow's source topics and the names of their replicas on the target, resolved with Kafka's own
 * {@link ReplicationPolicy}. Works for {@code IdentityReplicationPolicy}, where {@code
 * MirrorClient.remoteTopics()} finds nothing because replicas keep their names.
 */
public final class FlowTopology {
  private FlowTopology() {}

  /**
   * Source topics are the source cluster's topics that the flow's filter includes and that are
   * neither MM2 or Kafka internals nor replicas that came from another cluster (MM2 never copies a
   * topic back to where it came from).
   */
  public static Map<String, String> replicaOf(FlowConfig flow, Set<String> sourceTopics) {
    ReplicationPolicy policy = flow.replicationPolicy();
    Map<String, String> replicas = new TreeMap<>();
    for (String topic : sourceTopics) {
      if (!flow.topics().matches(topic)
          || policy.isInternalTopic(topic)
          || policy.isHeartbeatsTopic(topic)
          || policy.isCheckpointsTopic(topic)
          || Mm2OffsetRecord.isMirrorMakerInternal(topic)
          || cameFromElsewhere(policy, topic, flow.source())) {
        continue;
      }
      replicas.put(topic, policy.formatRemoteTopic(flow.source(), topic));
    }
    return replicas;
  }

  /**
   * A replica of a third cluster's topic ({@code dr.orders} on primary). Kafka's identity policy,
   * configured with the flow's source alias, names the source itself for every topic: not
   * elsewhere.
   */
  static boolean cameFromElsewhere(ReplicationPolicy policy, String topic, String sourceAlias) {
    String origin = policy.topicSource(topic);
    return origin != null && !origin.equals(sourceAlias);
  }

  /**
   * The groups a flow watches: those its group filter matches that have committed offsets on the
   * source for at least one of the flow's source topics ({@code replicaOf}'s keys).
   */
  public static Set<String> watchedGroups(
      FlowConfig flow, Map<String, String> replicaOf, ClusterState source) {
    Set<String> watched = new TreeSet<>();
    source
        .committed()
        .forEach(
            (group, offsets) -> {
              if (flow.groups().matches(group)
                  && offsets.keySet().stream().anyMatch(k -> replicaOf.containsKey(k.topic()))) {
                watched.add(group);
              }
            });
    return watched;
  }
}
