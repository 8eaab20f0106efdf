package io.mirrorwatch.agent.collect;

import io.mirrorwatch.agent.config.FlowConfig;
import io.mirrorwatch.agent.model.CheckpointInfo;
import io.mirrorwatch.agent.model.Mm2State;
import io.mirrorwatch.agent.model.PartitionKey;
import io.mirrorwatch.common.mm2.Mm2OffsetRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.mirror.Checkpoint;
import org.apache.kafka.connect.mirror.Heartbeat;
import org.apache.kafka.connect.mirror.ReplicationPolicy;

/**
 * What MM2 wrote on a flow's target: its Connect offsets (the exact upstream position it has
 * committed as copied), checkpoints and heartbeats. Checkpoints and heartbeats are decoded with
 * connect-mirror-client's own {@link Checkpoint} and {@link Heartbeat}; topic names come from the
 * flow's {@link ReplicationPolicy}.
 */
public final class Mm2StateCollector implements Mm2StateSource {
  private final FlowConfig flow;
  private final String offsetsTopic;
  private final String checkpointsTopic;
  private final String heartbeatsTopic;
  private final TopicTail tail;
  private final Clock clock;
  private final Map<PartitionKey, Long> replicatedUpTo = new HashMap<>();
  private final Map<String, Map<PartitionKey, CheckpointInfo>> checkpoints = new HashMap<>();
  private Optional<Instant> newestHeartbeat = Optional.empty();
  private long malformed;

  public Mm2StateCollector(
      FlowConfig flow, Map<String, Object> targetClientProperties, Duration deadline, Clock clock) {
    ReplicationPolicy policy = flow.replicationPolicy();
    this.flow = flow;
    this.offsetsTopic = Mm2OffsetRecord.topicFor(flow.source());
    this.checkpointsTopic = policy.checkpointsTopic(flow.source());
    this.heartbeatsTopic = policy.heartbeatsTopic();
    this.tail =
        new TopicTail(
            targetClientProperties,
            Set.of(offsetsTopic, checkpointsTopic, heartbeatsTopic),
            deadline);
    this.clock = clock;
  }

  @Override
  public synchronized Mm2State collect() throws CollectException {
    tail.readNew(this::accept);
    Map<String, Map<PartitionKey, CheckpointInfo>> copy = new HashMap<>();
    checkpoints.forEach((g, m) -> copy.put(g, Map.copyOf(m)));
    return new Mm2State(clock.instant(), replicatedUpTo, copy, newestHeartbeat);
  }

  /** Records in MM2's topics that could not be decoded (never a crash). */
  public synchronized long malformed() {
    return malformed;
  }

  private void accept(ConsumerRecord<byte[], byte[]> record) {
    try {
      if (record.topic().equals(offsetsTopic)) {
        acceptOffset(record);
      } else if (record.topic().equals(checkpointsTopic)) {
        Checkpoint c = Checkpoint.deserializeRecord(record);
        if (flow.groups().matches(c.consumerGroupId())) {
          checkpoints
              .computeIfAbsent(c.consumerGroupId(), g -> new HashMap<>())
              .put(
                  new PartitionKey(c.topicPartition().topic(), c.topicPartition().partition()),
                  new CheckpointInfo(
                      c.upstreamOffset(),
                      c.downstreamOffset(),
                      Instant.ofEpochMilli(record.timestamp())));
        }
      } else if (record.topic().equals(heartbeatsTopic)) {
        Heartbeat h = Heartbeat.deserializeRecord(record);
        if (h.sourceClusterAlias().equals(flow.source())
            && h.targetClusterAlias().equals(flow.target())) {
          Instant at = Instant.ofEpochMilli(h.timestamp());
          if (newestHeartbeat.map(at::isAfter).orElse(true)) {
            newestHeartbeat = Optional.of(at);
          }
        }
      }
    } catch (RuntimeException e) {
      malformed++;
    }
  }

  /** MM2's offsets record: what it has copied of one source partition (common's decoder). */
  private void acceptOffset(ConsumerRecord<byte[], byte[]> record) {
    Mm2OffsetRecord.decode(record.key(), record.value(), record.timestamp())
        .filter(r -> r.sourceCluster().equals(flow.source()))
        .ifPresent(
            r -> {
              PartitionKey pk = new PartitionKey(r.topic(), r.partition());
              r.nextToCopy()
                  .ifPresentOrElse(
                      next -> replicatedUpTo.put(pk, next), () -> replicatedUpTo.remove(pk));
            });
  }

  @Override
  public void close() {
    tail.close();
  }
}
