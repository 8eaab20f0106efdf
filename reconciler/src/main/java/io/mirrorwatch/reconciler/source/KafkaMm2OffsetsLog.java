package io.mirrorwatch.reconciler.source;

import io.mirrorwatch.reconciler.config.ClusterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@link Mm2OffsetsLog} over a plain {@link KafkaConsumer}: assigned partitions (no group, nothing
 * committed), read from the beginning to the end offsets of the moment it starts. The topic is small
 * (one record per partition per flush, compacted), so it is read on the client.
 */
public final class KafkaMm2OffsetsLog implements Mm2OffsetsLog {
  @Override
  public List<Optional<Mm2OffsetRecord>> read(ClusterSpec cluster, String topic, Duration deadline) {
    Instant giveUp = Instant.now().plus(deadline);
    Map<String, Object> props = new HashMap<>(cluster.clientProperties());
    props.put("enable.auto.commit", "false");
    props.put("isolation.level", "read_committed");
    props.remove("group.id");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, deadline).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, deadline));
      List<Optional<Mm2OffsetRecord>> out = new ArrayList<>();
      while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey(), remaining(giveUp, topic)) < e.getValue())) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(remaining(giveUp, topic))) {
          if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
            out.add(Mm2OffsetRecord.decode(r.key(), r.value(), r.timestamp()));
          }
        }
      }
      return out;
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      throw new IllegalStateException("cannot read " + topic + " on " + cluster.alias() + " ("
          + cluster.bootstrapServers() + "): no answer within " + deadline.toSeconds() + " s", e);
    }
  }

  private static Duration remaining(Instant giveUp, String topic) {
    Duration left = Duration.between(Instant.now(), giveUp);
    if (left.isNegative() || left.isZero()) {
      throw new org.apache.kafka.common.errors.TimeoutException("deadline passed while reading " + topic);
    }
    return left;
  }
}
