package io.mirrorwatch.reconciler.source.offsets;

import io.mirrorwatch.common.replication.Replication;
import org.apache.kafka.connect.mirror.ReplicationPolicy;

/**
 * Which topic on the other cluster holds the same records as a topic on this one, by Kafka's {@link
 * ReplicationPolicy} (never by string handling). MM2 keeps partition numbers, so partition {@code
 * p} mirrors partition {@code p}.
 *
 * <p>Default policy, primary -> dr: primary {@code orders} is dr {@code primary.orders}, and
 * primary {@code dr.orders} (MM2's copy of dr's {@code orders}) is dr {@code orders}. Identity
 * policy: the same name on both.
 */
public final class MirrorTopics {
  private final ReplicationPolicy policy;

  public MirrorTopics(Replication replication) {
    this.policy = replication.byName();
  }

  /** The topic on cluster {@code to} that mirrors {@code topic} of cluster {@code from}. */
  public String onPeer(String from, String topic, String to) {
    if (to.equals(policy.topicSource(topic))) {
      return policy.upstreamTopic(topic);
    }
    return policy.formatRemoteTopic(from, topic);
  }

  /** Where MM2 replicating from {@code source} writes its checkpoints, on the target cluster. */
  public String checkpointsTopic(String source) {
    return policy.checkpointsTopic(source);
  }

  public TopicPart onPeer(String from, TopicPart tp, String to) {
    return new TopicPart(onPeer(from, tp.topic(), to), tp.partition());
  }
}
