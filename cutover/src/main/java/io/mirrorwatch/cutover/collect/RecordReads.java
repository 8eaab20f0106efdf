package io.mirrorwatch.cutover.collect;

import io.mirrorwatch.agent.collect.CollectException;
import io.mirrorwatch.common.eventid.EventIdLocation;
import io.mirrorwatch.common.eventid.JsonValues;
import io.mirrorwatch.cutover.translate.CopySearch;
import io.mirrorwatch.cutover.translate.ExactPosition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads single records and bounded ranges with a group-less consumer (nothing is committed), each
 * read under a deadline: the anchor on the source and the scan for its copy on the target.
 */
final class RecordReads {
  private final Map<String, Object> sourceProps;
  private final Map<String, Object> targetProps;
  private final EventIdLocation eventId;
  private final Duration deadline;

  RecordReads(
      Map<String, Object> sourceProps,
      Map<String, Object> targetProps,
      EventIdLocation eventId,
      Duration deadline) {
    this.sourceProps = consumerProps(sourceProps);
    this.targetProps = consumerProps(targetProps);
    this.eventId = eventId;
    this.deadline = deadline;
  }

  /** The event ID of the record at {@code offset} on the source; empty when it has none. */
  Optional<String> anchorEventId(TopicPartition tp, long offset) throws CollectException {
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(sourceProps)) {
      c.assign(List.of(tp));
      c.seek(tp, offset);
      Instant until = Instant.now().plus(deadline);
      while (Instant.now().isBefore(until)) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200)).records(tp)) {
          if (r.offset() != offset) {
            throw new CollectException(
                "record "
                    + tp
                    + "@"
                    + offset
                    + " is no longer on the source (retention or compaction)");
          }
          return eventIdOf(r);
        }
      }
      throw new CollectException(
          "reading " + tp + "@" + offset + ": no answer within " + deadline.toMillis() + " ms");
    } catch (RuntimeException e) {
      throw new CollectException("reading " + tp + "@" + offset + ": " + e.getMessage());
    }
  }

  /**
   * Scans the replica partition from {@code from} for the first copy of {@code anchorEventId}, at
   * most {@code limit} records, up to the log end, within the deadline.
   */
  ExactPosition findCopy(TopicPartition replica, long from, String anchorEventId, long limit) {
    CopySearch search = new CopySearch(anchorEventId, from, limit);
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(targetProps)) {
      c.assign(List.of(replica));
      long end = c.endOffsets(List.of(replica), deadline).getOrDefault(replica, 0L);
      long start =
          Math.max(from, c.beginningOffsets(List.of(replica), deadline).getOrDefault(replica, 0L));
      c.seek(replica, start);
      Instant until = Instant.now().plus(deadline);
      long next = start;
      while (!search.done() && next < end && Instant.now().isBefore(until)) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200)).records(replica)) {
          next = r.offset() + 1;
          if (search.offer(r.offset(), eventIdOf(r))) {
            break;
          }
        }
      }
      if (!search.done() && next < end) {
        return new ExactPosition.Unknown(
            "scan of "
                + replica
                + " from "
                + start
                + " read "
                + search.seen()
                + " record(s) before the deadline ("
                + deadline.toMillis()
                + " ms)");
      }
      return search.result(next >= end);
    } catch (RuntimeException e) {
      return new ExactPosition.Unknown("scan of " + replica + " failed: " + e.getMessage());
    }
  }

  private Optional<String> eventIdOf(ConsumerRecord<byte[], byte[]> r) {
    return eventId.extract(
        r.key(),
        name -> {
          Header h = r.headers().lastHeader(name);
          return h == null ? null : h.value();
        },
        () -> JsonValues.parse(r.value()));
  }

  private static Map<String, Object> consumerProps(Map<String, Object> client) {
    Map<String, Object> p = new java.util.HashMap<>(client);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    return p;
  }
}
