package io.mirrorwatch.reconciler.source.offsets;

import io.mirrorwatch.common.cluster.ClusterConfig;
import io.mirrorwatch.reconciler.source.TopicScan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.connect.mirror.Checkpoint;

/**
 * {@link CheckpointLog} over {@link TopicScan}, decoding with connect-mirror-client's {@link
 * Checkpoint}.
 */
public final class KafkaCheckpointLog implements CheckpointLog {
  @Override
  public Checkpoints read(
      ClusterConfig target, String topic, Set<String> groups, Duration deadline) {
    List<MirrorCheckpoint> checkpoints = new ArrayList<>();
    long[] undecodable = {0};
    boolean exists =
        TopicScan.scan(
            target,
            topic,
            deadline,
            r -> {
              Checkpoint c;
              try {
                c = Checkpoint.deserializeRecord(r);
              } catch (RuntimeException e) {
                undecodable[0]++;
                return;
              }
              if (groups.contains(c.consumerGroupId())) {
                checkpoints.add(
                    new MirrorCheckpoint(
                        c.consumerGroupId(),
                        new TopicPart(c.topicPartition().topic(), c.topicPartition().partition()),
                        c.upstreamOffset(),
                        c.downstreamOffset(),
                        target.alias(),
                        topic,
                        r.partition(),
                        r.offset(),
                        r.timestamp()));
              }
            });
    return new Checkpoints(target.alias(), topic, exists, checkpoints, undecodable[0]);
  }
}
