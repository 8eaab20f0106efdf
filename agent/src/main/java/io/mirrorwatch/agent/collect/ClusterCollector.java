package io.mirrorwatch.agent.collect;

import io.mirrorwatch.agent.model.ClusterState;
import io.mirrorwatch.agent.model.PartitionKey;
import io.mirrorwatch.common.cluster.ClusterConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * One cluster through the Admin API: topic and group listings, log bounds, committed offsets. Every
 * request is batched over all topics or all groups (one request per kind, not per group), and every
 * wait has the configured deadline. Log offsets are asked by role and only where an earlier answer
 * cannot be reused ({@link LogBoundsReader}, {@link OffsetReuse}).
 */
public final class ClusterCollector implements ClusterSource {
  private final String alias;
  private final Admin admin;
  private final Duration deadline;
  private final Clock clock;
  private final LogOffsets offsets;
  private final LogBoundsReader logBounds;

  /** Collects so far; one cycle at a time calls {@link #collect}. */
  private long cycle;

  public ClusterCollector(ClusterConfig config, Duration deadline, Clock clock) {
    this.alias = config.alias();
    this.admin = Admin.create(config.clientProperties(deadline));
    this.deadline = deadline;
    this.clock = clock;
    this.offsets = new AdminLogOffsets(alias, admin, deadline);
    this.logBounds = new LogBoundsReader(offsets);
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
  @Override
  public Set<String> topics() throws CollectException {
    return Deadlines.get(
        alias + " listTopics",
        deadline,
        admin.listTopics(new ListTopicsOptions().listInternal(false)).names());
  }

  /** Names of all consumer groups (classic and consumer protocol). */
  @Override
  public Set<String> groups() throws CollectException {
    Collection<GroupListing> listings =
        Deadlines.get(alias + " listGroups", deadline, admin.listGroups().all());
    return listings.stream()
        .filter(
            g -> g.type().map(t -> t == GroupType.CLASSIC || t == GroupType.CONSUMER).orElse(true))
        .map(GroupListing::groupId)
        .collect(Collectors.toSet());
  }

  /**
   * Log offsets of the flows' source and replica partitions on this cluster, and offsets and
   * activity of {@code groups}. Asks only what evaluation reads and {@code previous} does not
   * already answer ({@link OffsetReuse}).
   *
   * @param groups groups whose committed offsets are read
   * @param activityOf groups whose membership is read (evaluation reads it on flow targets only)
   * @param previous this cluster's last good collect, if any: the answers that may be reused
   * @param atRisk source partitions with records at risk in the previous cycle
   */
  @Override
  public ClusterState collect(
      Set<String> sourceTopics,
      Set<String> replicaTopics,
      Set<String> groups,
      Set<String> activityOf,
      Optional<ClusterState> previous,
      Set<PartitionKey> atRisk)
      throws CollectException {
    Set<String> topics = new HashSet<>(sourceTopics);
    topics.addAll(replicaTopics);
    Map<String, TopicDescription> described =
        topics.isEmpty()
            ? Map.of()
            : Deadlines.get(
                alias + " describeTopics", deadline, admin.describeTopics(topics).allTopicNames());
    Set<PartitionKey> sources = new HashSet<>();
    Set<PartitionKey> replicas = new HashSet<>();
    described
        .values()
        .forEach(
            d ->
                d.partitions()
                    .forEach(
                        p -> {
                          PartitionKey k = new PartitionKey(d.name(), p.partition());
                          if (sourceTopics.contains(d.name())) {
                            sources.add(k);
                          }
                          if (replicaTopics.contains(d.name())) {
                            replicas.add(k);
                          }
                        }));
    LogBoundsReader.Bounds known =
        previous
            .map(p -> new LogBoundsReader.Bounds(p.sources(), p.replicas()))
            .orElse(new LogBoundsReader.Bounds(Map.of(), Map.of()));
    LogBoundsReader.Bounds bounds = logBounds.read(sources, replicas, known, atRisk, cycle++);
    return new ClusterState(
        alias,
        clock.instant(),
        bounds.sources(),
        bounds.replicas(),
        committed(groups),
        active(activityOf));
  }

  /**
   * First source offsets whose timestamp is at or after the given times ({@code offsetsForTimes}).
   */
  @Override
  public Map<PartitionKey, Long> offsetsForTimes(Map<PartitionKey, Long> timestamps)
      throws CollectException {
    Map<PartitionKey, LogOffsets.Query> queries = new HashMap<>();
    timestamps.forEach((k, ts) -> queries.put(k, new LogOffsets.AtTimestamp(ts)));
    Map<PartitionKey, Long> result = new HashMap<>();
    offsets.list("offsetsForTimes", queries).forEach((k, f) -> result.put(k, f.offset()));
    return result;
  }

  private Map<String, Map<PartitionKey, Long>> committed(Set<String> groups)
      throws CollectException {
    if (groups.isEmpty()) {
      return Map.of();
    }
    Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
    groups.forEach(g -> specs.put(g, new ListConsumerGroupOffsetsSpec()));
    Map<String, Map<TopicPartition, OffsetAndMetadata>> all =
        Deadlines.get(
            alias + " listConsumerGroupOffsets",
            deadline,
            admin.listConsumerGroupOffsets(specs).all());
    // Held until the next cycle, one entry per group and partition (500,000 over both clusters in
    // bench/): one key object per partition shared by all groups, and compact immutable maps.
    Map<TopicPartition, PartitionKey> keys = new HashMap<>();
    Map<String, Map<PartitionKey, Long>> result = new HashMap<>();
    all.forEach(
        (group, offsets) -> {
          Map<PartitionKey, Long> byPartition = new HashMap<>();
          offsets.forEach(
              (tp, om) -> {
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
        ConsumerGroupDescription d =
            Deadlines.get(alias + " describeConsumerGroups", deadline, e.getValue());
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
