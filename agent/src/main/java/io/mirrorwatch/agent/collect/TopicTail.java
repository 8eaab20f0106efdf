package io.mirrorwatch.agent.collect;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Follows a few small topics (MM2's offsets, checkpoints and heartbeats) incrementally: each call
 * reads what was appended since the previous one, up to the end offsets seen at the start of the
 * call. No consumer group: nothing is committed and nothing in the cluster changes.
 *
 * <p>Invariant: positions only move forward; a failed or late read keeps them, so the next call
 * resumes where this one stopped and no record is skipped.
 */
final class TopicTail implements AutoCloseable {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Set<String> topics;
  private final Duration deadline;

  TopicTail(Map<String, Object> clientProperties, Set<String> topics, Duration deadline) {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.topics = Set.copyOf(topics);
    this.deadline = deadline;
  }

  /**
   * Hands every new record to {@code handler}; throws if the end is not reached within the
   * deadline.
   */
  void readNew(Consumer<ConsumerRecord<byte[], byte[]>> handler) throws CollectException {
    Instant until = Instant.now().plus(deadline);
    try {
      assignExisting();
      Set<TopicPartition> assigned = consumer.assignment();
      if (assigned.isEmpty()) {
        return;
      }
      Map<TopicPartition, Long> end = consumer.endOffsets(assigned, deadline);
      while (!reached(end)) {
        Duration left = Duration.between(Instant.now(), until);
        if (left.isNegative()) {
          throw new CollectException(
              "reading " + topics + ": end not reached within " + deadline.toMillis() + " ms");
        }
        consumer
            .poll(left.compareTo(Duration.ofMillis(200)) < 0 ? left : Duration.ofMillis(200))
            .forEach(handler);
      }
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new CollectException("reading " + topics + ": " + Deadlines.rootCauseLine(e));
    }
  }

  /** Adds partitions of the followed topics that exist now (MM2 creates them lazily). */
  private void assignExisting() {
    Set<TopicPartition> wanted = new HashSet<>(consumer.assignment());
    Map<String, List<PartitionInfo>> all = consumer.listTopics(deadline);
    for (String topic : topics) {
      for (PartitionInfo p : all.getOrDefault(topic, List.of())) {
        wanted.add(new TopicPartition(topic, p.partition()));
      }
    }
    if (!wanted.equals(consumer.assignment())) {
      Set<TopicPartition> added = new HashSet<>(wanted);
      added.removeAll(consumer.assignment());
      consumer.assign(wanted);
      consumer.seekToBeginning(added);
    }
  }

  private boolean reached(Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey(), deadline) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
