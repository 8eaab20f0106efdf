package io.mirrorwatch.reconciler;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrorwatch.lab.Lab;
import io.mirrorwatch.lab.LabExtension;
import io.mirrorwatch.lab.Poll;
import io.mirrorwatch.lab.cluster.KafkaCluster;
import io.mirrorwatch.lab.mm2.OffsetTranslation;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failover in the lab with two groups moved to dr through MM2's translation, then one of them
 * reset R records back and the other S records forward on one partition each. The reconciler must
 * report exactly offset_regression R and offset_jump S for these, and every other partition as a
 * match.
 */
@ExtendWith(LabExtension.class)
class OffsetMovesLabIT {
  static final int N = 30;
  static final int X = 15;
  static final int R = 4;
  static final int S = 3;
  static final String AUDIT = "order-audit";
  static final Duration BOUND = Duration.ofSeconds(120);
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void reportsExactlyTheInjectedRegressionAndJumpAtFailover(Lab lab, @TempDir Path dir) throws Exception {
    Instant from = Instant.now().minusSeconds(1);
    KafkaCluster primary = lab.primary();
    KafkaCluster dr = lab.dr();
    String replica = lab.replicaTopic(Lab.PRIMARY, Orders.TOPIC);
    lab.startProcessor(primary);
    List<ProducedEvent> orders = lab.producer().produce(N);
    awaitProcessed(lab, orders);
    consumeAllAndCommit(primary, AUDIT, Orders.TOPIC, N);
    lab.awaitReplicated(primary, BOUND);

    Instant failoverAt = Instant.now();
    lab.processor().stop();
    Map<TopicPartition, Long> replicaEnd = endOffsets(dr, replica);
    replicaEnd.values().removeIf(end -> end == 0); // nothing consumed there: nothing to translate
    long waitStart = System.nanoTime();
    Map<TopicPartition, OffsetAndMetadata> processorOnDr = exactTranslation(lab, Orders.GROUP, replicaEnd);
    Map<TopicPartition, OffsetAndMetadata> auditOnDr = exactTranslation(lab, AUDIT, replicaEnd);
    System.out.printf("MM2 translated both groups exactly after %d ms%n", (System.nanoTime() - waitStart) / 1_000_000);
    OffsetTranslation.commit(dr, Orders.GROUP, processorOnDr);
    OffsetTranslation.commit(dr, AUDIT, auditOnDr);
    // Records the groups have not read yet, so that a skip forward stays inside the log.
    lab.producer().produce(X);
    lab.awaitReplicated(primary, BOUND);
    lab.mirrorMaker().stop(); // primary is lost: MM2 no longer syncs the groups' offsets on dr

    TopicPartition back = replicaEnd.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    Map<TopicPartition, Long> endNow = endOffsets(dr, replica);
    TopicPartition forward = endNow.keySet().stream()
        .max(Comparator.comparingLong(tp -> endNow.get(tp) - auditOnDr.get(tp).offset())).orElseThrow();
    assertThat(processorOnDr.get(back).offset()).isGreaterThanOrEqualTo(R);
    assertThat(endNow.get(forward) - auditOnDr.get(forward).offset()).isGreaterThanOrEqualTo(S);
    OffsetTranslation.commit(dr, Orders.GROUP, Map.of(back, new OffsetAndMetadata(processorOnDr.get(back).offset() - R)));
    OffsetTranslation.commit(dr, AUDIT, Map.of(forward, new OffsetAndMetadata(auditOnDr.get(forward).offset() + S)));

    lab.startProcessor(dr);
    awaitMembers(dr, Orders.GROUP);
    consumeAllAndCommit(dr, AUDIT, replica, 1);
    Instant to = Instant.now().plusSeconds(1);

    Path out = dir.resolve("report");
    int exit = reconcile(lab, dir, out, from, to, failoverAt);
    assertThat(exit).isEqualTo(1);
    JsonNode regression = single(out, "offset_regression");
    JsonNode jump = single(out, "offset_jump");
    assertThat(regression.get("eventId").asText()).isEqualTo("failover/dr/" + back + "/" + Orders.GROUP);
    assertThat(regression.get("count").asInt()).isEqualTo(R);
    assertThat(jump.get("eventId").asText()).isEqualTo("failover/dr/" + forward + "/" + AUDIT);
    assertThat(jump.get("count").asInt()).isEqualTo(S);
    // The anchor on primary, its copy on dr, and both commits: cluster, topic, partition, offset, time.
    assertThat(regression.get("records")).hasSize(4).allSatisfy(r ->
        assertThat(r.has("cluster") && r.has("topic") && r.has("offset") && r.has("timestampMs")).isTrue());

    JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
    List<String> results = new ArrayList<>();
    report.at("/offsets/cutovers/0/groups").forEach(g -> g.get("partitions").forEach(p ->
        results.add(g.get("group").asText() + " " + p.get("partition").asInt() + " " + p.get("result").asText())));
    System.out.println("offset comparisons at failover: " + results);
    assertThat(results).hasSize(2 * replicaEnd.size())
        .filteredOn(r -> !r.endsWith(" match"))
        .containsExactlyInAnyOrder(
            Orders.GROUP + " " + back.partition() + " offset_regression",
            AUDIT + " " + forward.partition() + " offset_jump");
    // MM2 translated every partition exactly (its checkpoints say where the group should start): the
    // two moves came from somewhere else, and the report says so.
    report.at("/offsets/cutovers/0/groups").forEach(g -> g.get("partitions").forEach(p ->
        assertThat(p.at("/mm2Checkpoint/downstreamOffset").asLong()).as(g.get("group") + " " + p)
            .isEqualTo(p.get("expectedStart").asLong())));
    assertThat(regression.get("detail").asText()).contains("so the start was set by something else");
    assertThat(report.at("/offsets/cutovers/1/checked").asBoolean()).isFalse();
    assertThat(report.at("/offsets/commitLogs/0/undecodable").asLong()).isZero();
    assertThat(report.at("/offsets/commitLogs/1/undecodable").asLong()).isZero();
  }

  private static int reconcile(Lab lab, Path dir, Path out, Instant from, Instant to, Instant failoverAt)
      throws Exception {
    Path config = dir.resolve("reconcile.yaml");
    Files.writeString(config, """
        clusters:
          primary: {bootstrap.servers: "%s"}
          dr: {bootstrap.servers: "%s"}
        replication: {policy: default}
        eventId: {from: header, name: event-id}
        streams: [orders]
        downstream: [orders-processed]
        groups: [order-processor, order-audit]
        window: {failoverAt: "%s"}
        parallelism: 2
        """.formatted(lab.primary().bootstrapServers(), lab.dr().bootstrapServers(), failoverAt));
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    long start = System.nanoTime();
    int exit = ReconcileMain.run(new String[] {"--config", config.toString(), "--from", from.toString(),
        "--to", to.toString(), "--out", out.toString()}, new PrintStream(console, true, UTF_8), System.err);
    System.out.printf("reconciler took %d ms%n%s%n", (System.nanoTime() - start) / 1_000_000, console.toString(UTF_8));
    return exit;
  }

  /**
   * MM2's translation of the group, once it is exact: both groups read every record, so the exact
   * position on dr is the end of the replica. MM2 translates exactly only from an offset sync at the
   * group's last record; it emits one when its task commits (every second in the lab).
   */
  private static Map<TopicPartition, OffsetAndMetadata> exactTranslation(
      Lab lab, String group, Map<TopicPartition, Long> replicaEnd) {
    return Poll.until("MM2 to translate " + group + " to the end of the replica " + replicaEnd, BOUND, () -> {
      Map<TopicPartition, OffsetAndMetadata> t = OffsetTranslation.translate(lab.primary(), lab.dr(), group, lab.policy());
      Map<TopicPartition, Long> flat = t.entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
      return flat.equals(replicaEnd) ? java.util.Optional.of(t) : java.util.Optional.empty();
    });
  }

  /** Joins {@code group}, reads {@code topic} until it has at least {@code atLeast} records, commits, leaves. */
  private static void consumeAllAndCommit(KafkaCluster cluster, String group, String topic, int atLeast) {
    Map<String, Object> props = new HashMap<>(cluster.clientProperties());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      c.subscribe(List.of(topic));
      int[] read = {0};
      Poll.until(group + " to read " + atLeast + " records of " + cluster.alias() + "/" + topic, BOUND, () -> {
        read[0] += c.poll(Duration.ofMillis(200)).count();
        return read[0] >= atLeast;
      });
      c.commitSync(Duration.ofSeconds(30));
    }
  }

  private static void awaitMembers(KafkaCluster cluster, String group) {
    Poll.until(group + " to have members on " + cluster.alias(), BOUND, () -> {
      try {
        return !cluster.admin().describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS)
            .get(group).members().isEmpty();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static void awaitProcessed(Lab lab, List<ProducedEvent> events) {
    Set<String> ids = events.stream().map(ProducedEvent::eventId).collect(Collectors.toSet());
    Poll.until("the processor to process " + ids.size() + " events", BOUND, () -> lab.truth().processed()
        .stream().map(ProcessedEvent::eventId).collect(Collectors.toSet()).containsAll(ids));
  }

  private static Map<TopicPartition, Long> endOffsets(KafkaCluster cluster, String topic) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    cluster.admin().describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
        .partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    Map<TopicPartition, Long> end = new HashMap<>();
    cluster.admin().listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((tp, i) -> end.put(tp, i.offset()));
    return end;
  }

  private static JsonNode single(Path out, String kind) throws Exception {
    List<String> lines = Files.readAllLines(out.resolve("findings/" + kind + ".jsonl"));
    assertThat(lines).as(kind).hasSize(1);
    return JSON.readTree(lines.get(0));
  }
}
