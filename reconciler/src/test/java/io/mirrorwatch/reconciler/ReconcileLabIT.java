package io.mirrorwatch.reconciler;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrorwatch.lab.Lab;
import io.mirrorwatch.lab.LabExtension;
import io.mirrorwatch.lab.Poll;
import io.mirrorwatch.lab.cluster.KafkaCluster;
import io.mirrorwatch.lab.cluster.TopicReader;
import io.mirrorwatch.lab.workload.Orders;
import io.mirrorwatch.lab.workload.ProcessedEvent;
import io.mirrorwatch.lab.workload.ProducedEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
 * never processed. The report must list exactly these, nothing more, nothing less.
 */
@ExtendWith(LabExtension.class)
class ReconcileLabIT {
  static final int N = 30;
  static final int K = 3;
  static final int L = 2;
  static final int M = 4;
  static final int P = 6;
  static final Duration BOUND = Duration.ofSeconds(120);
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void reportsExactlyTheInjectedDuplicatesAndUnprocessedEvents(Lab lab, @TempDir Path dir) throws Exception {
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
    skipToEnd(primary);
    lab.startProcessor(primary);
    List<ProducedEvent> after = lab.producer().produce(P);
    awaitProcessed(lab, ids(after));
    awaitMirrored(lab);
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
        parallelism: 2
        """.formatted(primary.bootstrapServers(), lab.dr().bootstrapServers()));
    Path out = dir.resolve("report");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    long start = System.nanoTime();
    int exit = ReconcileMain.run(new String[] {"--config", config.toString(), "--from", from.toString(),
        "--to", to.toString(), "--out", out.toString()}, new PrintStream(console, true, UTF_8), System.err);
    System.out.printf("reconciler took %d ms%n%s%n", (System.nanoTime() - start) / 1_000_000, console.toString(UTF_8));

    assertThat(exit).isEqualTo(1);
    assertThat(eventIds(out, "duplicate_produced")).containsExactlyInAnyOrderElementsOf(producedTwice);
    assertThat(eventIds(out, "duplicate_processed")).containsExactlyInAnyOrderElementsOf(processedTwice);
    assertThat(eventIds(out, "unprocessed")).containsExactlyInAnyOrderElementsOf(neverProcessed);
    assertThat(eventIds(out, "duplicate_replicated")).isEmpty();

    JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
    assertThat(report.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(report.at("/findings/total").asLong()).isEqualTo(K + L + M);
    assertThat(report.at("/sourceOfTruth/events").asLong()).isEqualTo(N + M + P);
    assertThat(report.at("/sourceOfTruth/processed").asLong()).isEqualTo(N + P);
    assertThat(report.at("/unreadable/total").asLong()).isZero();
    JsonNode duplicate = JSON.readTree(Files.readAllLines(out.resolve("findings/duplicate_produced.jsonl")).get(0));
    // Two produces on primary/orders and MM2's copy of each on dr/primary.orders.
    assertThat(duplicate.get("records")).hasSize(4);
    assertThat(duplicate.get("count").asInt()).isEqualTo(2);
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
}
