package io.mirrorwatch.reconciler.source;

import io.mirrorwatch.common.cluster.ClusterConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads every partition of one topic from the beginning to the end offsets taken at the start, with
 * a plain consumer (no group: it commits nothing), within one overall deadline. For the small
 * metadata topics the CLI reads before the job: {@code __consumer_offsets} and MM2's checkpoints
 * (offset checks), MM2's Connect offsets topic (stranded). Records appended after the start may be
 * handed over too; callers that care compare timestamps.
 *
 * <p>{@code read_committed} unless the cluster's properties say otherwise: offsets committed in an
 * aborted transaction ({@code sendOffsetsToTransaction}) never became a group's position.
 */
public final class TopicScan {
  private static final Duration POLL = Duration.ofMillis(200);

  private TopicScan() {}

  /**
   * @return false when the topic does not exist (nothing was read)
   * @throws IllegalStateException when the cluster does not deliver it all within {@code deadline}
   */
  public static boolean scan(
      ClusterConfig cluster,
      String topic,
      Duration deadline,
      Consumer<ConsumerRecord<byte[], byte[]>> each) {
    long end = System.nanoTime() + deadline.toNanos();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(cluster, deadline)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo p : consumer.partitionsFor(topic, deadline)) {
        partitions.add(new TopicPartition(p.topic(), p.partition()));
      }
      if (partitions.isEmpty()) {
        return false;
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> stop =
          new HashMap<>(consumer.endOffsets(partitions, remaining(end)));
      stop.values().removeIf(o -> o == 0);
      while (!stop.isEmpty()) {
        if (System.nanoTime() > end) {
          throw new IllegalStateException(
              "cannot read "
                  + topic
                  + " of "
                  + cluster.alias()
                  + " within "
                  + deadline.toSeconds()
                  + " s: "
                  + stop.size()
                  + " partitions unfinished");
        }
        consumer.poll(POLL).forEach(each);
        // Positions, not the last record seen: transaction markers and compacted gaps have no
        // record.
        stop.entrySet()
            .removeIf(e -> consumer.position(e.getKey(), remaining(end)) >= e.getValue());
      }
      return true;
    } catch (KafkaException e) {
      throw new IllegalStateException(
          "cannot read "
              + topic
              + " of "
              + cluster.alias()
              + " ("
              + cluster.bootstrapServers()
              + "): "
              + e.getMessage(),
          e);
    }
  }

  private static Duration remaining(long endNanos) {
    return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
  }

  private static KafkaConsumer<byte[], byte[]> consumer(ClusterConfig cluster, Duration deadline) {
    Map<String, Object> props = new HashMap<>(cluster.clientProperties(deadline));
    props.put(ConsumerConfig.EXCLUDE_INTERNAL_TOPICS_CONFIG, "false");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
