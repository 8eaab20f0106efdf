package io.mirrorwatch.cutover.collect;

import io.mirrorwatch.agent.collect.CollectException;
import io.mirrorwatch.agent.collect.Deadlines;
import io.mirrorwatch.agent.config.AgentConfig;
import io.mirrorwatch.agent.config.FlowConfig;
import io.mirrorwatch.cutover.plan.GroupPositions;
import io.mirrorwatch.cutover.plan.PartitionPosition;
import io.mirrorwatch.cutover.translate.ExactPosition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.mirror.DefaultReplicationPolicy;
import org.apache.kafka.connect.mirror.MirrorClientConfig;
import org.apache.kafka.connect.mirror.RemoteClusterUtils;

/**
 * {@link PositionSource} on the real clusters: Admin for commits and topic listings, MM2's own
 * {@link RemoteClusterUtils#translateOffsets} (MirrorClient's remoteConsumerOffsets) for the
 * translated offsets (its checkpoints on the target), and {@link RecordReads} for the exact
 * position. Read-only, every call under the deadline.
 */
public final class KafkaPositions implements PositionSource {
  private final FlowConfig flow;
  private final Duration deadline;
  private final long scanLimit;
  private final Admin source;
  private final Admin target;
  private final Map<String, Object> targetProps;
  private final RecordReads reads;

  public KafkaPositions(AgentConfig config, FlowConfig flow, Duration deadline, long scanLimit) {
    this.flow = flow;
    this.deadline = deadline;
    this.scanLimit = scanLimit;
    Map<String, Object> sourceProps =
        config.clusters().get(flow.source()).clientProperties(deadline);
    this.targetProps = config.clusters().get(flow.target()).clientProperties(deadline);
    this.source = Admin.create(sourceProps);
    this.target = Admin.create(targetProps);
    this.reads =
        new RecordReads(sourceProps, targetProps, config.idempotency().eventId(), deadline);
  }

  @Override
  public Set<String> targetTopics() {
    try {
      return Deadlines.get(
          "listing topics on " + flow.target(), deadline, target.listTopics().names());
    } catch (CollectException e) {
      return Set.of();
    }
  }

  @Override
  public GroupPositions positions(String group, Map<String, String> replicaOf) {
    List<String> errors = new ArrayList<>();
    Map<TopicPartition, Long> committed = committed(source, group, flow.source(), errors);
    Map<TopicPartition, Long> onTarget = committed(target, group, flow.target(), errors);
    Map<TopicPartition, Long> translated = translated(group, errors);
    Map<String, String> topicOfReplica = new HashMap<>();
    replicaOf.forEach((t, r) -> topicOfReplica.put(r, t));

    Map<String, TopicPartition> partitions = new TreeMap<>();
    committed.keySet().stream()
        .filter(tp -> replicaOf.containsKey(tp.topic()))
        .forEach(tp -> partitions.put(tp.toString(), tp));
    translated.keySet().stream()
        .filter(tp -> topicOfReplica.containsKey(tp.topic()))
        .map(tp -> new TopicPartition(topicOfReplica.get(tp.topic()), tp.partition()))
        .forEach(tp -> partitions.put(tp.toString(), tp));

    List<PartitionPosition> result = new ArrayList<>();
    for (TopicPartition tp : partitions.values()) {
      TopicPartition replica = new TopicPartition(replicaOf.get(tp.topic()), tp.partition());
      OptionalLong p = optional(committed.get(tp));
      OptionalLong d = optional(translated.get(replica));
      result.add(
          new PartitionPosition(
              tp.topic(), tp.partition(), replica.topic(), p, d, exact(tp, replica, p, d)));
    }
    // The target's own topics (not replicas) where the group already has offsets.
    Set<String> own = new TreeSet<>();
    onTarget.keySet().stream()
        .map(TopicPartition::topic)
        .filter(t -> replicaOf.containsKey(t) && !topicOfReplica.containsKey(t))
        .forEach(own::add);
    return new GroupPositions(
        group,
        result,
        own,
        errors.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", errors)));
  }

  /** The exact-translation rule's inputs: P - 1 on the source, then its copy on the target. */
  private ExactPosition exact(
      TopicPartition tp, TopicPartition replica, OptionalLong p, OptionalLong d) {
    if (p.isEmpty()) {
      return new ExactPosition.Unknown(
          "no committed offset on " + flow.source() + " (or unreachable)");
    }
    if (p.getAsLong() == 0) {
      return new ExactPosition.Unknown("the group has consumed nothing of " + tp);
    }
    if (d.isEmpty()) {
      return new ExactPosition.Unknown("no MM2 checkpoint on " + flow.target() + " to scan from");
    }
    Optional<String> anchor;
    try {
      anchor = reads.anchorEventId(tp, p.getAsLong() - 1);
    } catch (CollectException e) {
      return new ExactPosition.Unknown(e.getMessage());
    }
    if (anchor.isEmpty()) {
      return new ExactPosition.Unknown(
          "record " + tp + "@" + (p.getAsLong() - 1) + " has no event ID");
    }
    // Translation never lands past the copy, so the copy is at d - 1 or later.
    return reads.findCopy(replica, Math.max(0, d.getAsLong() - 1), anchor.get(), scanLimit);
  }

  private Map<TopicPartition, Long> committed(
      Admin admin, String group, String alias, List<String> errors) {
    try {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          Deadlines.get(
              "offsets of " + group + " on " + alias,
              deadline,
              admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
      Map<TopicPartition, Long> result = new HashMap<>();
      offsets.forEach(
          (tp, om) -> {
            if (om != null) {
              result.put(tp, om.offset());
            }
          });
      return result;
    } catch (CollectException e) {
      errors.add(e.getMessage());
      return Map.of();
    }
  }

  /** MM2's translated offsets for the group, from its checkpoints on the target. */
  private Map<TopicPartition, Long> translated(String group, List<String> errors) {
    Map<String, Object> props = new HashMap<>(targetProps);
    props.put(
        MirrorClientConfig.REPLICATION_POLICY_CLASS, flow.replicationPolicy().getClass().getName());
    props.put(DefaultReplicationPolicy.SEPARATOR_CONFIG, flow.replication().separator());
    try {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          Deadlines.call(
              "MM2 checkpoints of " + group + " on " + flow.target(),
              deadline.multipliedBy(2),
              () -> RemoteClusterUtils.translateOffsets(props, flow.source(), group, deadline));
      Map<TopicPartition, Long> result = new HashMap<>();
      offsets.forEach((tp, om) -> result.put(tp, om.offset()));
      return result;
    } catch (CollectException e) {
      errors.add(e.getMessage());
      return Map.of();
    }
  }

  private static OptionalLong optional(Long value) {
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }

  @Override
  public void close() {
    source.close(Duration.ZERO);
    target.close(Duration.ZERO);
  }
}
