package io.mirrorwatch.reconciler.source.offsets;

import io.mirrorwatch.reconciler.config.ClusterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@link CommitLog} over a plain consumer: assigns every partition of {@code __consumer_offsets}
 * (no group of its own, so it commits nothing), reads from the beginning to the end offsets taken
 * at the start, decodes with {@link GroupRecordDecoder}. The whole read is bounded by the deadline.
 *
 * <p>{@code read_committed} unless the cluster's properties say otherwise: offsets committed in an
 * aborted transaction ({@code sendOffsetsToTransaction}) never became the group's position.
 */
public final class KafkaCommitLog implements CommitLog {
  private static final Duration POLL = Duration.ofMillis(200);

  @Override
  public CommitHistory read(ClusterSpec cluster, Set<String> groups, Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    GroupRecordDecoder decoder = new GroupRecordDecoder(groups);
    Map<String, List<GroupRecord>> byGroup = new LinkedHashMap<>();
    groups.stream().sorted().forEach(g -> byGroup.put(g, new ArrayList<>()));
    List<GroupRecordDecoder.Result.Undecodable> examples = new ArrayList<>();
    long read = 0;
    long undecodable = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(cluster, deadline)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo p : consumer.partitionsFor(LogPosition.TOPIC, deadline)) {
        partitions.add(new TopicPartition(p.topic(), p.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> stop = new HashMap<>(consumer.endOffsets(partitions, remaining(end)));
      stop.values().removeIf(o -> o == 0);
      while (!stop.isEmpty()) {
        if (System.nanoTime() > end) {
          throw new IllegalStateException("cannot read " + LogPosition.TOPIC + " of " + cluster.alias()
              + " within " + deadline.toSeconds() + " s: " + stop.size() + " partitions unfinished");
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
          read++;
          LogPosition at = new LogPosition(cluster.alias(), r.partition(), r.offset(), r.timestamp());
          GroupRecordDecoder.Result result = decoder.decode(at, r.key(), r.value());
          if (result instanceof GroupRecordDecoder.Result.Kept k) {
            byGroup.get(k.record().group()).add(k.record());
          } else if (result instanceof GroupRecordDecoder.Result.Undecodable u) {
            undecodable++;
            if (examples.size() < CommitHistory.EXAMPLES) {
              examples.add(u);
            }
          }
        }
        // Positions, not the last record seen: transaction markers and compacted gaps have no record.
        stop.entrySet().removeIf(e -> consumer.position(e.getKey(), remaining(end)) >= e.getValue());
      }
    } catch (KafkaException e) {
      throw new IllegalStateException("cannot read " + LogPosition.TOPIC + " of " + cluster.alias()
          + " (" + cluster.bootstrapServers() + "): " + e.getMessage(), e);
    }
    return new CommitHistory(cluster.alias(), byGroup, read, undecodable, examples);
  }

  private static Duration remaining(long endNanos) {
    return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
  }

  private static KafkaConsumer<byte[], byte[]> consumer(ClusterSpec cluster, Duration deadline) {
    Map<String, Object> props = new HashMap<>(cluster.clientProperties());
    props.put(ConsumerConfig.EXCLUDE_INTERNAL_TOPICS_CONFIG, "false");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.min(deadline.toMillis(), Integer.MAX_VALUE));
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
