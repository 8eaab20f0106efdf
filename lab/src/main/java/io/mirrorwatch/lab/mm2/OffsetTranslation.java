package io.mirrorwatch.lab.mm2;

import io.mirrorwatch.lab.cluster.KafkaCluster;
import io.mirrorwatch.lab.cluster.TopicReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.mirror.Checkpoint;
import org.apache.kafka.connect.mirror.RemoteClusterUtils;
import org.apache.kafka.connect.mirror.ReplicationPolicy;

/**
 * Moving a consumer group from one cluster to the other at MM2-translated offsets, with Kafka's own
 * {@link RemoteClusterUtils} and {@link Checkpoint} (no re-implementation of MM2's formats).
 */
public final class OffsetTranslation {
  private OffsetTranslation() {}

  /** The group's committed offsets on {@code cluster}. */
  public static Map<TopicPartition, Long> committed(KafkaCluster cluster, String group) {
    try {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          cluster
              .admin()
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(10, TimeUnit.SECONDS);
      Map<TopicPartition, Long> result = new HashMap<>();
      offsets.forEach(
          (tp, om) -> {
            if (om != null) {
              result.put(tp, om.offset());
            }
          });
      return result;
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot read offsets of " + group + " on " + cluster.alias(), e);
    }
  }

  /**
   * The newest checkpoint per partition that MM2 wrote for {@code group} on the target, keyed by
   * the target-side partition name (e.g. {@code primary.orders-0}).
   */
  public static Map<TopicPartition, Checkpoint> latestCheckpoints(
      KafkaCluster target, String sourceAlias, String group, ReplicationPolicy policy) {
    Map<TopicPartition, Checkpoint> latest = new HashMap<>();
    for (var record :
        TopicReader.readAll(target, policy.checkpointsTopic(sourceAlias), Duration.ofSeconds(30))) {
      Checkpoint checkpoint = Checkpoint.deserializeRecord(record);
      if (checkpoint.consumerGroupId().equals(group)) {
        latest.put(checkpoint.topicPartition(), checkpoint);
      }
    }
    return latest;
  }

  /**
   * True when, for every partition the group has committed on the source, MM2's newest checkpoint
   * on the target carries that very upstream offset: translation then reflects the final commit.
   */
  public static boolean checkpointsCurrent(
      KafkaCluster source, KafkaCluster target, String group, ReplicationPolicy policy) {
    Map<TopicPartition, Long> committed = committed(source, group);
    Map<TopicPartition, Checkpoint> checkpoints =
        latestCheckpoints(target, source.alias(), group, policy);
    for (Map.Entry<TopicPartition, Long> e : committed.entrySet()) {
      TopicPartition onTarget = targetPartition(e.getKey(), source.alias(), policy);
      if (onTarget == null) {
        continue; // not a topic MM2 replicates from source to target
      }
      Checkpoint c = checkpoints.get(onTarget);
      if (c == null || c.upstreamOffset() != e.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** MM2's translation of the group's source offsets into the target's topics. */
  public static Map<TopicPartition, OffsetAndMetadata> translate(
      KafkaCluster source, KafkaCluster target, String group, ReplicationPolicy policy) {
    Map<String, Object> props = new HashMap<>(target.clientProperties());
    props.put("replication.policy.class", policy.getClass().getName());
    try {
      return RemoteClusterUtils.translateOffsets(
          props, source.alias(), group, Duration.ofSeconds(30));
    } catch (Exception e) {
      throw new IllegalStateException("cannot translate offsets of " + group, e);
    }
  }

  /** Commits {@code offsets} for the (inactive) group on {@code target}. */
  public static void commit(
      KafkaCluster target, String group, Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (offsets.isEmpty()) {
      return;
    }
    try {
      target.admin().alterConsumerGroupOffsets(group, offsets).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot commit translated offsets of " + group + " on " + target.alias(), e);
    }
  }

  /**
   * The partition on the target that replicates {@code tp} of the source, or null when {@code tp}
   * is not something MM2 copies from source to target (e.g. a replica that came from the target).
   */
  static TopicPartition targetPartition(
      TopicPartition tp, String sourceAlias, ReplicationPolicy policy) {
    String upstreamCluster = policy.topicSource(tp.topic());
    if (upstreamCluster != null && !upstreamCluster.equals(sourceAlias)) {
      return null;
    }
    return new TopicPartition(policy.formatRemoteTopic(sourceAlias, tp.topic()), tp.partition());
  }
}
