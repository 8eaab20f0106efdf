package io.mirrorwatch.reconciler.source;

import io.mirrorwatch.common.cluster.ClusterConfig;
import io.mirrorwatch.reconciler.config.DownstreamSpec;
import io.mirrorwatch.reconciler.config.ReconcileConfig;
import io.mirrorwatch.reconciler.config.StreamSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.connect.mirror.ReplicationPolicy;

/**
 * The physical topics behind the configured logical streams and downstream topics, on both
 * clusters. Pure: names come from Kafka's {@link ReplicationPolicy}, never from string munging.
 *
 * <p>For a stream {@code s} on cluster {@code C} whose peer is {@code P}: the topic producers write
 * to is {@code s} itself; MM2's copy of {@code P}'s {@code s} is {@code policy.formatRemoteTopic(P,
 * s)}. When that is {@code s} again (identity policy) the one topic holds both and its origin is
 * {@link Origin#UNKNOWN}. Downstream topics are read under their own name on each cluster; under
 * the identity policy a mirrored downstream topic would also mix both, so their origin follows the
 * same rule.
 */
public record TopicPlan(List<PhysicalTopic> topics) {
  public TopicPlan {
    topics = List.copyOf(topics);
  }

  public static TopicPlan resolve(ReconcileConfig config) {
    ReplicationPolicy policy = config.replication().byName();
    List<PhysicalTopic> topics = new ArrayList<>();
    for (ClusterConfig cluster : config.clusters()) {
      String peer = config.other(cluster).alias();
      for (StreamSpec s : config.streams()) {
        String replica = policy.formatRemoteTopic(peer, s.name());
        if (replica.equals(s.name())) {
          topics.add(topic(cluster, s.name(), Role.SOURCE, Origin.UNKNOWN, s));
        } else {
          topics.add(topic(cluster, s.name(), Role.SOURCE, originOf(policy, s.name()), s));
          topics.add(topic(cluster, replica, Role.SOURCE, originOf(policy, replica), s));
        }
      }
      for (DownstreamSpec d : config.downstream()) {
        Origin origin =
            policy.formatRemoteTopic(peer, d.topic()).equals(d.topic())
                ? Origin.UNKNOWN
                : Origin.ORIGINAL;
        topics.add(
            new PhysicalTopic(
                cluster.alias(), d.topic(), Role.DOWNSTREAM, origin, d.topic(), d.eventId()));
      }
    }
    return new TopicPlan(topics);
  }

  /** A replica is a topic the policy traces back to a source cluster. */
  private static Origin originOf(ReplicationPolicy policy, String topic) {
    return policy.topicSource(topic) == null ? Origin.ORIGINAL : Origin.REPLICA;
  }

  private static PhysicalTopic topic(
      ClusterConfig c, String name, Role role, Origin origin, StreamSpec s) {
    return new PhysicalTopic(c.alias(), name, role, origin, s.name(), s.eventId());
  }

  public List<PhysicalTopic> on(String cluster, Role role) {
    return topics.stream().filter(t -> t.cluster().equals(cluster) && t.role() == role).toList();
  }

  public Optional<PhysicalTopic> find(String cluster, String topic) {
    return topics.stream()
        .filter(t -> t.cluster().equals(cluster) && t.topic().equals(topic))
        .findFirst();
  }
}
