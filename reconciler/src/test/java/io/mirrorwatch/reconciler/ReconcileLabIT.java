package io.mirrorwatch.reconciler;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrorwatch.lab.Lab;
import io.mirrorwatch.lab.LabExtension;
import io.mirrorwatch.lab.Poll;
import io.mirrorwatch.lab.cluster.KafkaCluster;
import io.mirrorwatch.lab.cluster.TopicReader;
import io.mirrorwatch.lab.workload.Orders;
import io.mirrorwatch.lab.workload.ProcessedEvent;
import io.mirrorwatch.lab.workload.ProducedEvent;
import io.mirrorwatch.reconciler.source.Mm2OffsetRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reconciler against the real lab (two KRaft clusters and MM2 primary -> dr, default policy),
 * with a known ground truth: K events produced twice, L events recorded twice downstream, M events
 * never processed, A events whose only downstream record carries another amount, and X events
 * written on the primary while MM2 was stopped, right before the failover cutover (MM2 copies them
 * once it runs again, so only its offsets topic tells they were stranded). The report must list
 * exactly these, nothing more, nothing less.
 */
@ExtendWith(LabExtension.class)
class ReconcileLabIT {
  static final int N = 30;
  static final int K = 3;
  static final int L = 2;
  static final int M = 4;
  static final int P = 6;
  static final int A = 2;
  static final int X = 3;
  static final String ALTERED_AMOUNT = "999.99";
  static final Duration BOUND = Duration.ofSeconds(120);
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void reportsExactlyTheInjectedDuplicatesUnprocessedStrandedEventsAndAlteredAmounts(Lab lab, @TempDir Path dir)
      throws Exception {
    Instant from = Instant.now().minusSeconds(1);
    KafkaCluster primary = lab.primary();
    lab.startProcessor(primary);
    List<ProducedEvent> orders = lab.producer().produce(N);
    awaitProcessed(lab, ids(orders));

    Set<String> producedTwice = ids(orders.subList(0, K));
    Set<String> processedTwice = ids(orders.subList(K, K + L));
    try (KafkaProducer<byte[], byte[]> producer = producer(primary)) {
      resend(producer, primary, producedTwice);
      for (String id : processedTwice) {
        ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(Orders.PROCESSED_TOPIC, null,
            ("{\"eventId\":\"" + id + "\",\"processedOn\":\"primary\",\"replayed\":true}").getBytes(UTF_8));
        again.headers().add(Orders.EVENT_ID_HEADER, id.getBytes(UTF_8));
        producer.send(again).get(30, TimeUnit.SECONDS);
      }
    }

    lab.processor().stop();
    Set<String> neverProcessed = ids(lab.producer().produce(M));
    List<ProducedEvent> altered = lab.producer().produce(A);
    Set<String> alteredBuckets = recordAlteredAmounts(primary, altered);
    skipToEnd(primary);
    lab.startProcessor(primary);
    List<ProducedEvent> after = lab.producer().produce(P);
    awaitProcessed(lab, ids(after));
    awaitMirrored(lab);

    // Strand X events: MM2 stops gracefully with everything copied and flushed, X events are written,
    // the cutover is declared, and MM2 then runs again and copies them late.
    long strandingStart = System.nanoTime();
    awaitFlushed(lab);
    lab.mirrorMaker().stop();
    List<ProducedEvent> strandedEvents = lab.producer().produce(X);
    Instant failoverAt = Instant.ofEpochMilli(strandedEvents.stream().mapToLong(ProducedEvent::timestamp).max()
        .orElseThrow() + 1);
    Poll.until("the clock to pass the cutover", BOUND, () -> Instant.now().isAfter(failoverAt));
    lab.mirrorMaker().start();
    awaitProcessed(lab, ids(strandedEvents));
    awaitMirrored(lab);
    System.out.printf("stranding (flush wait, MM2 stop, restart, late copy) took %d ms%n",
        (System.nanoTime() - strandingStart) / 1_000_000);
    Instant to = Instant.now().plusSeconds(1);

    Path config = dir.resolve("reconcile.yaml");
    Files.writeString(config, """
        clusters:
          primary: {bootstrap.servers: "%s"}
          dr: {bootstrap.servers: "%s"}
        replication: {policy: default}
        eventId: {from: header, name: event-id}
        streams: [orders]
        downstream: [orders-processed]
        aggregates: {amount: /amount, groupBy: /customerId}
        groups: [order-processor]
        window: {failoverAt: "%s"}
        parallelism: 2
        """.formatted(primary.bootstrapServers(), lab.dr().bootstrapServers(), failoverAt));
    Path out = dir.resolve("report");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Set<String> tmpBefore = flinkScratch();
    long start = System.nanoTime();
    int exit = ReconcileMain.run(new String[] {"--config", config.toString(), "--from", from.toString(),
        "--to", to.toString(), "--out", out.toString()}, new PrintStream(console, true, UTF_8), System.err);
    System.out.printf("reconciler took %d ms%n%s%n", (System.nanoTime() - start) / 1_000_000, console.toString(UTF_8));

    assertThat(exit).isEqualTo(1);
    assertThat(flinkScratch()).as("embedded Flink files left in java.io.tmpdir").isSubsetOf(tmpBefore);
    assertThat(eventIds(out, "duplicate_produced")).containsExactlyInAnyOrderElementsOf(producedTwice);
    assertThat(eventIds(out, "duplicate_processed")).containsExactlyInAnyOrderElementsOf(processedTwice);
    assertThat(eventIds(out, "unprocessed")).containsExactlyInAnyOrderElementsOf(neverProcessed);
    assertThat(eventIds(out, "duplicate_replicated")).isEmpty();
    assertThat(eventIds(out, "stranded")).containsExactlyInAnyOrderElementsOf(ids(strandedEvents));
    assertThat(eventIds(out, "aggregate_mismatch")).containsExactlyInAnyOrderElementsOf(alteredBuckets);

    JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
    assertThat(report.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(report.at("/findings/total").asLong()).isEqualTo(K + L + M + X + alteredBuckets.size());
    assertThat(report.at("/sourceOfTruth/events").asLong()).isEqualTo(N + M + A + P + X);
    assertThat(report.at("/sourceOfTruth/processed").asLong()).isEqualTo(N + A + P + X);
    assertThat(report.at("/stranded/offsetsTopicRead").asBoolean()).isTrue();
    // Every kind is checked: the processor never left primary, so the offset checks find no move.
    assertThat(report.get("notChecked")).isEmpty();
    assertThat(eventIds(out, "offset_regression")).isEmpty();
    assertThat(eventIds(out, "offset_jump")).isEmpty();
    long bucketed = 0;
    for (JsonNode row : report.at("/aggregates/buckets")) {
      bucketed += row.at("/source/count").asLong();
    }
    assertThat(bucketed).isEqualTo(N + M + A + P + X);
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains(strandedEvents.get(0).eventId()).contains(alteredBuckets.iterator().next());
    assertThat(report.at("/unreadable/total").asLong()).isZero();
    JsonNode duplicate = JSON.readTree(Files.readAllLines(out.resolve("findings/duplicate_produced.jsonl")).get(0));
    // Two produces on primary/orders and MM2's copy of each on dr/primary.orders.
    assertThat(duplicate.get("records")).hasSize(4);
    assertThat(duplicate.get("count").asInt()).isEqualTo(2);
  }

  /**
   * Writes the only downstream record of each event, as the processor would, but with another
   * amount. Returns the ids of the buckets (event time, 1 minute) and customers they fall into.
   */
  private static Set<String> recordAlteredAmounts(KafkaCluster cluster, List<ProducedEvent> events) throws Exception {
    Set<String> ids = ids(events);
    Set<String> buckets = new HashSet<>();
    try (KafkaProducer<byte[], byte[]> producer = producer(cluster)) {
      for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(cluster, Orders.TOPIC, BOUND)) {
        String id = new String(r.headers().lastHeader(Orders.EVENT_ID_HEADER).value(), UTF_8);
        if (ids.contains(id)) {
          ObjectNode order = (ObjectNode) JSON.readTree(r.value());
          buckets.add(Instant.ofEpochMilli(Math.floorDiv(r.timestamp(), 60_000L) * 60_000L) + "/"
              + order.get("customerId").asText());
          String processed = Orders.processedJson(order.put("amount", new BigDecimal(ALTERED_AMOUNT)).toString(), id,
              cluster.alias(), r.topic(), r.partition(), r.offset());
          ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(Orders.PROCESSED_TOPIC, null, processed.getBytes(UTF_8));
          out.headers().add(Orders.EVENT_ID_HEADER, id.getBytes(UTF_8));
          producer.send(out).get(30, TimeUnit.SECONDS);
        }
      }
    }
    assertThat(buckets).isNotEmpty();
    return buckets;
  }

  /**
   * MM2's offsets topic on dr shows every partition of primary/orders flushed up to its end: MM2
   * has committed all it copied, so its positions at the cutover are exact.
   */
  private static void awaitFlushed(Lab lab) {
    String topic = Mm2OffsetRecord.topicFor(Lab.PRIMARY);
    Poll.until("MM2 to flush its position at the end of primary/orders", BOUND, () -> {
      Map<Integer, Long> flushed = new HashMap<>();
      for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(lab.dr(), topic, Duration.ofSeconds(30))) {
        Mm2OffsetRecord.decode(r.key(), r.value(), r.timestamp())
            .filter(o -> o.topic().equals(Orders.TOPIC) && o.lastCopied().isPresent())
            .ifPresent(o -> flushed.merge(o.partition(), o.lastCopied().getAsLong() + 1, Math::max));
      }
      return endOffsets(lab.primary()).entrySet().stream()
          .allMatch(e -> e.getValue() == 0 || flushed.getOrDefault(e.getKey(), 0L) >= e.getValue());
    });
  }

  private static Map<Integer, Long> endOffsets(KafkaCluster cluster) {
    try {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      cluster.admin().describeTopics(List.of(Orders.TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS)
          .get(Orders.TOPIC).partitions()
          .forEach(p -> latest.put(new TopicPartition(Orders.TOPIC, p.partition()), OffsetSpec.latest()));
      Map<Integer, Long> end = new HashMap<>();
      cluster.admin().listOffsets(latest).all().get(10, TimeUnit.SECONDS)
          .forEach((tp, info) -> end.put(tp.partition(), info.offset()));
      return end;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> ids(List<ProducedEvent> events) {
    return events.stream().map(ProducedEvent::eventId).collect(Collectors.toCollection(HashSet::new));
  }

  private static void awaitProcessed(Lab lab, Set<String> ids) {
    Poll.until("the processor to process " + ids.size() + " events", BOUND, () -> lab.truth().processed()
        .stream().map(ProcessedEvent::eventId).collect(Collectors.toSet()).containsAll(ids));
  }

  /** A producer retry done wrong: the same key, value and event-id header, sent again (new timestamp). */
  private static void resend(KafkaProducer<byte[], byte[]> producer, KafkaCluster cluster, Set<String> ids)
      throws Exception {
    for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(cluster, Orders.TOPIC, BOUND)) {
      String id = new String(r.headers().lastHeader(Orders.EVENT_ID_HEADER).value(), UTF_8);
      if (ids.contains(id)) {
        ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(Orders.TOPIC, r.key(), r.value());
        again.headers().add(Orders.EVENT_ID_HEADER, id.getBytes(UTF_8));
        producer.send(again).get(30, TimeUnit.SECONDS);
      }
    }
  }

  /** Commits the stopped group's position at the end of every orders partition: what it skipped is never processed. */
  private static void skipToEnd(KafkaCluster cluster) {
    Poll.until("order-processor offsets to be moved to the end of orders", BOUND, () -> {
      try {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        cluster.admin().describeTopics(List.of(Orders.TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS)
            .get(Orders.TOPIC).partitions()
            .forEach(p -> latest.put(new TopicPartition(Orders.TOPIC, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, OffsetAndMetadata> end = new HashMap<>();
        cluster.admin().listOffsets(latest).all().get(10, TimeUnit.SECONDS)
            .forEach((tp, info) -> end.put(tp, new OffsetAndMetadata(info.offset())));
        // Fails while the group still has members (the stopped consumer's leave may lag): retried.
        cluster.admin().alterConsumerGroupOffsets(Orders.GROUP, end).all().get(10, TimeUnit.SECONDS);
        return true;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** Every record of primary/orders (event ID and timestamp) is on dr/primary.orders. */
  private static void awaitMirrored(Lab lab) {
    String replica = lab.replicaTopic(Lab.PRIMARY, Orders.TOPIC);
    Poll.until("primary/orders to be mirrored to dr/" + replica, BOUND,
        () -> idsAndTimes(lab.dr(), replica).containsAll(idsAndTimes(lab.primary(), Orders.TOPIC)));
  }

  private static Set<String> idsAndTimes(KafkaCluster cluster, String topic) {
    Set<String> set = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(cluster, topic, Duration.ofSeconds(30))) {
      set.add(new String(r.headers().lastHeader(Orders.EVENT_ID_HEADER).value(), UTF_8) + "@" + r.timestamp());
    }
    return set;
  }

  private static List<String> eventIds(Path out, String kind) throws Exception {
    List<String> ids = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve("findings/" + kind + ".jsonl"))) {
      ids.add(JSON.readTree(line).get("eventId").asText());
    }
    return ids;
  }

  private static KafkaProducer<byte[], byte[]> producer(KafkaCluster cluster) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** What an embedded Flink cluster leaves in java.io.tmpdir when nobody removes it. */
  private static Set<String> flinkScratch() throws IOException {
    try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return entries.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("flink-rpc") || n.startsWith("minicluster_") || n.startsWith("mirrorwatch-reconciler-"))
          .collect(Collectors.toSet());
    }
  }
}
