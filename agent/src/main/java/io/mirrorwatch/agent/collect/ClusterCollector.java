package io.mirrorwatch.agent.collect;

import io.mirrorwatch.agent.config.ClusterConfig;
import io.mirrorwatch.agent.model.ClusterState;
import io.mirrorwatch.agent.model.PartitionKey;
import io.mirrorwatch.agent.model.PartitionOffsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * One cluster through the Admin API: topic and group listings, log bounds, committed offsets.
 * Every request is batched over all topics or all groups (one request per kind, not per group),
 * and every wait has the configured deadline.
 */
public final class ClusterCollector implements AutoCloseable {
  private final String alias;
  private final Admin admin;
  private final Duration deadline;
  private final Clock clock;

  public ClusterCollector(ClusterConfig config, Duration deadline, Clock clock) {
    this.alias = config.alias();
    this.admin = Admin.create(config.clientProperties(deadline));
    this.deadline = deadline;
    this.clock = clock;
  }

  public String alias() {
    return alias;
  }

  public Admin admin() {
    return admin;
  }

  public Duration deadline() {
    return deadline;
  }

  /** Names of all topics (internal ones included: MM2's live there). */
  public Set<String> topics() throws CollectException {
    return Deadlines.get(alias + " listTopics", deadline,
        admin.listTopics(new ListTopicsOptions().listInternal(false)).names());
  }

  /** Names of all consumer groups (classic and consumer protocol). */
  public Set<String> groups() throws CollectException {
    Collection<GroupListing> listings = Deadlines.get(alias + " listGroups", deadline, admin.listGroups().all());
    return listings.stream()
        .filter(g -> g.type().map(t -> t == GroupType.CLASSIC || t == GroupType.CONSUMER).orElse(true))
        .map(GroupListing::groupId)
        .collect(Collectors.toSet());
  }

  /** Log bounds of every partition of {@code topics}, and offsets and activity of {@code groups}. */
  public ClusterState collect(Set<String> topics, Set<String> groups) throws CollectException {
    Map<String, TopicDescription> described = topics.isEmpty() ? Map.of()
        : Deadlines.get(alias + " describeTopics", deadline, admin.describeTopics(topics).allTopicNames());
    List<TopicPartition> partitions = described.values().stream()
        .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
        .toList();
    Map<TopicPartition, ListOffsetsResultInfo> earliest = offsets(partitions, OffsetSpec.earliest());
    Map<TopicPartition, ListOffsetsResultInfo> latest = offsets(partitions, OffsetSpec.latest());
    Map<TopicPartition, ListOffsetsResultInfo> newest = offsets(partitions, OffsetSpec.maxTimestamp());
    Map<PartitionKey, PartitionOffsets> bounds = new HashMap<>();
    for (TopicPartition tp : partitions) {
      ListOffsetsResultInfo n = newest.get(tp);
      OptionalLong ts = n != null && n.offset() >= 0 && n.timestamp() >= 0 ? OptionalLong.of(n.timestamp()) : OptionalLong.empty();
      bounds.put(key(tp), new PartitionOffsets(earliest.get(tp).offset(), latest.get(tp).offset(), ts));
    }
    return new ClusterState(alias, clock.instant(), bounds, committed(groups), active(groups));
  }

  /** First source offsets whose timestamp is at or after the given times ({@code offsetsForTimes}). */
  public Map<PartitionKey, Long> offsetsForTimes(Map<PartitionKey, Long> timestamps) throws CollectException {
    if (timestamps.isEmpty()) {
      return Map.of();
    }
    Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
    timestamps.forEach((k, ts) -> specs.put(new TopicPartition(k.topic(), k.partition()), OffsetSpec.forTimestamp(ts)));
    Map<TopicPartition, ListOffsetsResultInfo> found =
        Deadlines.get(alias + " offsetsForTimes", deadline, admin.listOffsets(specs).all());
    Map<PartitionKey, Long> result = new HashMap<>();
    found.forEach((tp, info) -> {
      if (info.offset() >= 0) {
        result.put(key(tp), info.offset());
      }
    });
    return result;
  }

  private Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec)
      throws CollectException {
    if (partitions.isEmpty()) {
      return Map.of();
    }
    Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec));
    return Deadlines.get(alias + " listOffsets", deadline, admin.listOffsets(request).all());
  }

  private Map<String, Map<PartitionKey, Long>> committed(Set<String> groups) throws CollectException {
    if (groups.isEmpty()) {
      return Map.of();
    }
    Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
    groups.forEach(g -> specs.put(g, new ListConsumerGroupOffsetsSpec()));
    Map<String, Map<TopicPartition, OffsetAndMetadata>> all = Deadlines.get(alias + " listConsumerGroupOffsets",
        deadline, admin.listConsumerGroupOffsets(specs).all());
    // Held until the next cycle, one entry per group and partition (500,000 over both clusters in
    // bench/): one key object per partition shared by all groups, and compact immutable maps.
    Map<TopicPartition, PartitionKey> keys = new HashMap<>();
    Map<String, Map<PartitionKey, Long>> result = new HashMap<>();
    all.forEach((group, offsets) -> {
      Map<PartitionKey, Long> byPartition = new HashMap<>();
      offsets.forEach((tp, om) -> {
        if (om != null) {
          byPartition.put(keys.computeIfAbsent(tp, ClusterCollector::key), om.offset());
        }
      });
      result.put(group, Map.copyOf(byPartition));
    });
    return result;
  }

  private Set<String> active(Set<String> groups) throws CollectException {
    if (groups.isEmpty()) {
      return Set.of();
    }
    // Per-group futures: a group unknown on this cluster must not fail the others.
    Map<String, KafkaFuture<ConsumerGroupDescription>> described =
        admin.describeConsumerGroups(groups).describedGroups();
    Set<String> active = new HashSet<>();
    for (Map.Entry<String, KafkaFuture<ConsumerGroupDescription>> e : described.entrySet()) {
      try {
        ConsumerGroupDescription d = Deadlines.get(alias + " describeConsumerGroups", deadline, e.getValue());
        if (!d.members().isEmpty()) {
          active.add(e.getKey());
        }
      } catch (CollectException ex) {
        if (!ex.getMessage().contains("GroupIdNotFound")) {
          throw ex;
        }
      }
    }
    return active;
  }

  static PartitionKey key(TopicPartition tp) {
    return new PartitionKey(tp.topic(), tp.partition());
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
