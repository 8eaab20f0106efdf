package io.mirrorwatch.agent.collect;

import io.mirrorwatch.agent.model.PartitionKey;
import io.mirrorwatch.agent.model.SourceSample;
import io.mirrorwatch.common.eventid.EventIdLocation;
import io.mirrorwatch.common.eventid.JsonValues;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a few records on a flow's source: the record at each partition's first
 * possibly-unreplicated offset (its timestamp is the RPO's age), and the records appended since the
 * previous sample (to measure event-ID coverage). Bounded by the deadline and by {@code
 * sampleRecords} per partition; what is not read in time is left for the next scrape.
 */
public final class SourceSampler implements RecordSampler {
  private final Map<String, Object> consumerProperties;
  private final EventIdLocation eventId;
  private final int sampleRecords;
  private final Duration deadline;
  private final Clock clock;

  /** Per partition, the offset up to which records were already sampled for coverage. */
  private final Map<PartitionKey, Long> sampledUpTo = new HashMap<>();

  public SourceSampler(
      Map<String, Object> sourceClientProperties,
      EventIdLocation eventId,
      int sampleRecords,
      Duration deadline,
      Clock clock) {
    Map<String, Object> props = new HashMap<>(sourceClientProperties);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumerProperties = Map.copyOf(props);
    this.eventId = eventId;
    this.sampleRecords = sampleRecords;
    this.deadline = deadline;
    this.clock = clock;
  }

  @Override
  public synchronized SourceSample sample(
      Map<PartitionKey, Long> timestampAt,
      Map<PartitionKey, Long> latest,
      Map<PartitionKey, Long> tailStart)
      throws CollectException {
    Map<TopicPartition, Long> start = new HashMap<>();
    Map<TopicPartition, Long> stop = new HashMap<>();
    timestampAt.forEach(
        (k, offset) -> {
          start.put(tp(k), offset);
          stop.put(tp(k), offset + 1);
        });
    latest.forEach(
        (k, end) -> {
          long from = Math.max(sampledUpTo.getOrDefault(k, 0L), end - sampleRecords);
          if (from < end) {
            start.merge(tp(k), from, Math::min);
            stop.merge(tp(k), end, Math::max);
          }
        });
    Map<PartitionKey, SourceSample.OffsetTimestamp> stamps = new HashMap<>();
    Map<String, SourceSample.Coverage> coverage = new HashMap<>();
    if (!start.isEmpty()) {
      read(
          start,
          stop,
          record -> {
            PartitionKey k = new PartitionKey(record.topic(), record.partition());
            Long wanted = timestampAt.get(k);
            if (wanted != null && record.offset() >= wanted && !stamps.containsKey(k)) {
              stamps.put(k, new SourceSample.OffsetTimestamp(record.offset(), record.timestamp()));
            }
            Long end = latest.get(k);
            if (end != null
                && record.offset() >= Math.max(sampledUpTo.getOrDefault(k, 0L), end - sampleRecords)
                && record.offset() < end) {
              boolean carries = hasEventId(record);
              coverage.merge(
                  k.topic(),
                  new SourceSample.Coverage(1, carries ? 1 : 0),
                  SourceSample.Coverage::plus);
              sampledUpTo.merge(k, record.offset() + 1, Math::max);
            }
          });
    }
    return new SourceSample(clock.instant(), stamps, tailStart, coverage);
  }

  /**
   * Reads with a consumer of its own, closed afterwards. A KafkaConsumer keeps about seven metrics
   * for every partition it has fetched from for as long as that partition stays assigned (they go
   * only at a later poll); kept between scrapes, on 10,000 source partitions that was 70,000
   * metrics, some 50 MB of the agent's heap, for nothing (bench/README.md).
   */
  private void read(
      Map<TopicPartition, Long> start,
      Map<TopicPartition, Long> stop,
      java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> handler)
      throws CollectException {
    Instant until = Instant.now().plus(deadline);
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            consumerProperties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    try {
      consumer.assign(start.keySet());
      start.forEach(consumer::seek);
      Set<TopicPartition> open = new HashSet<>(start.keySet());
      while (!open.isEmpty()) {
        if (Instant.now().isAfter(until)) {
          return; // partial: the rest is sampled at the next scrape
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          TopicPartition tp = new TopicPartition(r.topic(), r.partition());
          if (open.contains(tp)) {
            handler.accept(r);
          }
        }
        open.removeIf(tp -> consumer.position(tp, deadline) >= stop.get(tp));
        consumer.pause(start.keySet().stream().filter(tp -> !open.contains(tp)).toList());
      }
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new CollectException("sampling source records: " + Deadlines.rootCauseLine(e));
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  /** The same rule as the reconciler's: a non-blank ID at the configured location. */
  private boolean hasEventId(ConsumerRecord<byte[], byte[]> record) {
    return eventId
        .extract(
            record.key(),
            name -> {
              Header h = record.headers().lastHeader(name);
              return h == null ? null : h.value();
            },
            () -> JsonValues.parse(record.value()))
        .isPresent();
  }

  private static TopicPartition tp(PartitionKey k) {
    return new TopicPartition(k.topic(), k.partition());
  }

  /** Nothing to release: each read closes its own consumer. */
  @Override
  public void close() {}
}
