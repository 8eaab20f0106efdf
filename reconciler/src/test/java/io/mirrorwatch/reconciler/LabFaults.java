package io.mirrorwatch.reconciler;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrorwatch.common.mm2.Mm2OffsetRecord;
import io.mirrorwatch.lab.Lab;
import io.mirrorwatch.lab.cluster.KafkaCluster;
import io.mirrorwatch.lab.cluster.TopicReader;
import io.mirrorwatch.lab.mm2.OffsetTranslation;
import io.mirrorwatch.lab.poll.Poll;
import io.mirrorwatch.lab.workload.Orders;
import io.mirrorwatch.lab.workload.ProcessedEvent;
import io.mirrorwatch.lab.workload.ProducedEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Faults with a known ground truth, injected into the lab by the reconciler's lab tests, and the
 * waits that make their truth exact: each method says what it wrote and returns the event IDs (or
 * buckets, or offsets) that the report must then list. Every wait is a {@link Poll} with {@link
 * #BOUND}.
 */
final class LabFaults {
  static final Duration BOUND = Duration.ofSeconds(120);
  static final String ALTERED_AMOUNT = "999.99";
  private static final ObjectMapper JSON = new ObjectMapper();

  private LabFaults() {}

  static Set<String> ids(List<ProducedEvent> events) {
    return events.stream()
        .map(ProducedEvent::eventId)
        .collect(Collectors.toCollection(HashSet::new));
  }

  static String eventId(ConsumerRecord<byte[], byte[]> r) {
    return new String(r.headers().lastHeader(Orders.EVENT_ID_HEADER).value(), UTF_8);
  }

  static void awaitProcessed(Lab lab, Set<String> ids) {
    Poll.until(
        "the processor to process " + ids.size() + " events",
        BOUND,
        () ->
            lab.truth().processed().stream()
                .map(ProcessedEvent::eventId)
                .collect(Collectors.toSet())
                .containsAll(ids));
  }

  /**
   * A producer retry done wrong: the same key, value and headers, sent again (new timestamp).
   * Returns the event IDs now produced twice.
   */
  static Set<String> resend(KafkaCluster cluster, Set<String> ids) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = producer(cluster)) {
      for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(cluster, Orders.TOPIC, BOUND)) {
        if (ids.contains(eventId(r))) {
          producer
              .send(new ProducerRecord<>(Orders.TOPIC, null, r.key(), r.value(), r.headers()))
              .get(30, TimeUnit.SECONDS);
        }
      }
    }
    return ids;
  }

  /** Records each event downstream a second time, as a consumer that replays its input would. */
  static Set<String> recordProcessedAgain(KafkaCluster cluster, Set<String> ids) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = producer(cluster)) {
      for (String id : ids) {
        ProducerRecord<byte[], byte[]> again =
            new ProducerRecord<>(
                Orders.PROCESSED_TOPIC,
                null,
                ("{\"eventId\":\""
                        + id
                        + "\",\"processedOn\":\""
                        + cluster.alias()
                        + "\",\"replayed\":true}")
                    .getBytes(UTF_8));
        again.headers().add(Orders.EVENT_ID_HEADER, id.getBytes(UTF_8));
        producer.send(again).get(30, TimeUnit.SECONDS);
      }
    }
    return ids;
  }

  /**
   * Writes the only downstream record of each event, as the processor would, but with another
   * amount. Returns the ids of the buckets (event time, 1 minute) and customers they fall into.
   */
  static Set<String> recordAlteredAmounts(KafkaCluster cluster, List<ProducedEvent> events)
      throws Exception {
    Set<String> ids = ids(events);
    Set<String> buckets = new HashSet<>();
    try (KafkaProducer<byte[], byte[]> producer = producer(cluster)) {
      for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(cluster, Orders.TOPIC, BOUND)) {
        String id = eventId(r);
        if (ids.contains(id)) {
          ObjectNode order = (ObjectNode) JSON.readTree(r.value());
          buckets.add(
              Instant.ofEpochMilli(Math.floorDiv(r.timestamp(), 60_000L) * 60_000L)
                  + "/"
                  + order.get("customerId").asText());
          String processed =
              Orders.processedJson(
                  order.put("amount", new BigDecimal(ALTERED_AMOUNT)).toString(),
                  id,
                  cluster.alias(),
                  r.topic(),
                  r.partition(),
                  r.offset());
          ProducerRecord<byte[], byte[]> out =
              new ProducerRecord<>(Orders.PROCESSED_TOPIC, null, processed.getBytes(UTF_8));
          out.headers().add(Orders.EVENT_ID_HEADER, id.getBytes(UTF_8));
          producer.send(out).get(30, TimeUnit.SECONDS);
        }
      }
    }
    return buckets;
  }

  /**
   * Commits the stopped group's position at the end of every orders partition: what it skipped is
   * never processed.
   */
  static void skipToEnd(KafkaCluster cluster) {
    Poll.until(
        "order-processor offsets to be moved to the end of orders",
        BOUND,
        () -> {
          Map<TopicPartition, OffsetAndMetadata> end = new HashMap<>();
          endOffsets(cluster, Orders.TOPIC)
              .forEach((tp, offset) -> end.put(tp, new OffsetAndMetadata(offset)));
          try {
            // Fails while the group still has members (the stopped consumer's leave may lag):
            // retried.
            cluster
                .admin()
                .alterConsumerGroupOffsets(Orders.GROUP, end)
                .all()
                .get(10, TimeUnit.SECONDS);
            return true;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /**
   * MM2's last flushed upstream offset per partition of {@code source}/orders, from its Connect
   * offsets topic on the other cluster: a restarted MM2 resumes right after it.
   */
  static Map<Integer, Long> lastFlushed(Lab lab, KafkaCluster source) {
    Map<Integer, Long> flushed = new HashMap<>();
    String topic = Mm2OffsetRecord.topicFor(source.alias());
    for (ConsumerRecord<byte[], byte[]> r :
        TopicReader.readAll(lab.other(source), topic, Duration.ofSeconds(30))) {
      Mm2OffsetRecord.decode(r.key(), r.value(), r.timestamp())
          .filter(o -> o.topic().equals(Orders.TOPIC) && o.lastCopied().isPresent())
          .ifPresent(o -> flushed.merge(o.partition(), o.lastCopied().getAsLong(), Math::max));
    }
    return flushed;
  }

  /**
   * MM2's offsets topic on dr shows every partition of primary/orders flushed up to its end: MM2
   * has committed all it copied, so its positions at the cutover are exact.
   */
  static void awaitFlushed(Lab lab) {
    Poll.until(
        "MM2 to flush its position at the end of primary/orders",
        BOUND,
        () -> {
          Map<Integer, Long> flushed = lastFlushed(lab, lab.primary());
          return endOffsets(lab.primary(), Orders.TOPIC).entrySet().stream()
              .allMatch(
                  e ->
                      e.getValue() == 0
                          || flushed.getOrDefault(e.getKey().partition(), -1L) + 1 >= e.getValue());
        });
  }

  static Map<TopicPartition, Long> endOffsets(KafkaCluster cluster, String topic) {
    try {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      cluster
          .admin()
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get(10, TimeUnit.SECONDS)
          .get(topic)
          .partitions()
          .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      Map<TopicPartition, Long> end = new HashMap<>();
      cluster
          .admin()
          .listOffsets(latest)
          .all()
          .get(10, TimeUnit.SECONDS)
          .forEach((tp, i) -> end.put(tp, i.offset()));
      return end;
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot read the end offsets of " + cluster.alias() + "/" + topic, e);
    }
  }

  /** Every record of primary/orders (event ID and timestamp) is on its replica on dr. */
  static void awaitMirrored(Lab lab) {
    String replica = lab.replicaTopic(Lab.PRIMARY, Orders.TOPIC);
    Poll.until(
        "primary/orders to be mirrored to dr/" + replica,
        BOUND,
        () -> idsAndTimes(lab.dr(), replica).containsAll(idsAndTimes(lab.primary(), Orders.TOPIC)));
  }

  private static Set<String> idsAndTimes(KafkaCluster cluster, String topic) {
    Set<String> set = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> r :
        TopicReader.readAll(cluster, topic, Duration.ofSeconds(30))) {
      set.add(eventId(r) + "@" + r.timestamp());
    }
    return set;
  }

  /**
   * MM2's translation of {@code group} from {@code from} to {@code to}, restricted to the
   * partitions of {@code expected}, once it is exactly {@code expected}. MM2 translates exactly
   * only from an offset sync at the group's last record; it emits one when its task commits (every
   * second in the lab). Until then it translates to an earlier offset, which a comparison would
   * rightly call a regression.
   */
  static Map<TopicPartition, OffsetAndMetadata> exactTranslation(
      Lab lab,
      KafkaCluster from,
      KafkaCluster to,
      String group,
      Map<TopicPartition, Long> expected) {
    return Poll.until(
        "MM2 to translate " + group + " to " + to.alias() + " at " + expected,
        BOUND,
        () -> {
          Map<TopicPartition, OffsetAndMetadata> t =
              new HashMap<>(OffsetTranslation.translate(from, to, group, lab.policy()));
          t.keySet().retainAll(expected.keySet());
          Map<TopicPartition, Long> flat =
              t.entrySet().stream()
                  .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
          return flat.equals(expected) ? Optional.of(t) : Optional.empty();
        });
  }

  /**
   * Joins {@code group} on {@code cluster}, reads {@code topics} (those that exist) up to their end
   * offsets as of now, commits and leaves: a batch consumer that has read everything.
   */
  static void catchUpAndCommit(KafkaCluster cluster, String group, List<String> topics) {
    Map<TopicPartition, Long> end = new HashMap<>();
    List<String> existing = topics.stream().filter(cluster::topicExists).toList();
    existing.forEach(t -> end.putAll(endOffsets(cluster, t)));
    Map<String, Object> props = new HashMap<>(cluster.clientProperties());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      c.subscribe(existing);
      Poll.until(
          group + " to read " + cluster.alias() + "/" + existing + " up to " + end,
          BOUND,
          () -> {
            c.poll(Duration.ofMillis(200));
            return c.assignment().containsAll(end.keySet())
                && end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue());
          });
      c.commitSync(Duration.ofSeconds(30));
    }
  }

  static void awaitMembers(KafkaCluster cluster, String group) {
    Poll.until(
        group + " to have members on " + cluster.alias(),
        BOUND,
        () -> {
          try {
            return !cluster
                .admin()
                .describeConsumerGroups(List.of(group))
                .all()
                .get(10, TimeUnit.SECONDS)
                .get(group)
                .members()
                .isEmpty();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  static KafkaProducer<byte[], byte[]> producer(KafkaCluster cluster) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
