package io.mirrorwatch.agent.it;

import static io.mirrorwatch.agent.it.AgentHarness.FLOW;
import static io.mirrorwatch.agent.it.AgentHarness.INTERVAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrorwatch.lab.Lab;
import io.mirrorwatch.lab.LabExtension;
import io.mirrorwatch.lab.poll.Poll;
import io.mirrorwatch.lab.workload.Orders;
import io.mirrorwatch.lab.workload.ProducedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The agent against the real lab (default replication policy): readiness and RPO when replication
 * is steady, when MM2 is stopped, when the primary is killed, and when records lack the event ID.
 */
@ExtendWith(LabExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentIT {
  static final Duration DEADLINE = Duration.ofSeconds(90);

  @Test
  @Order(1)
  void steadyReplicationIsReadyWithEveryCheckHealthyAndRpoNearZero(Lab lab) throws Exception {
    lab.startProcessor(lab.primary());
    lab.producer().start(20);
    try (AgentHarness agent = AgentHarness.start(lab, "default", List.of(Orders.GROUP))) {
      awaitReady(agent);
      JsonNode flow = agent.flow();
      for (String check :
          List.of("replication", "offset_translation", "indirection", "idempotency")) {
        assertThat(flow.path("checks").path(check).path("level").asText())
            .as(check)
            .isEqualTo("healthy");
        assertThat(agent.metric("mirrorwatch_readiness_level", "flow", FLOW, "check", check))
            .hasValue(0);
      }
      assertThat(
              agent
                  .metric("mirrorwatch_rpo_records", "flow", FLOW, "topic", "orders")
                  .getAsDouble())
          .isLessThan(50);
      assertThat(
              agent
                  .metric("mirrorwatch_rpo_seconds", "flow", FLOW, "topic", "orders")
                  .getAsDouble())
          .isLessThan(5);
      assertThat(
              agent.metric(
                  "mirrorwatch_mm2_connector_running",
                  "flow",
                  FLOW,
                  "connector",
                  "MirrorSourceConnector"))
          .hasValue(1);
      assertThat(agent.metric("mirrorwatch_indirection_target", "cluster", "primary")).hasValue(1);
      assertThat(agent.metric("mirrorwatch_cluster_up", "cluster", "dr")).hasValue(1);
      assertThat(ordersCoverage(agent)).hasValue(1);
      assertThat(agent.metricsText())
          .contains("kafka_connect_mirror_mirrorsourceconnector_replication_latency_ms{");
    } finally {
      lab.producer().stop();
    }
  }

  @Test
  @Order(2)
  void rpoEqualsRecordsProducedWhileMirrorMakerIsStoppedAndRecoversAfterRestart(Lab lab)
      throws Exception {
    ensureWorkload(lab);
    try (AgentHarness agent = AgentHarness.start(lab, "default", List.of(Orders.GROUP))) {
      awaitReady(agent);
      Poll.until(
          "RPO 0 before the stop",
          DEADLINE,
          () ->
              agent.metric("mirrorwatch_rpo_records", "flow", FLOW, "topic", "orders").orElse(-1)
                  == 0);

      lab.mirrorMaker().stop();
      Instant stoppedAt = Instant.now();
      List<ProducedEvent> produced = lab.producer().produce(137);
      long oldest = produced.stream().mapToLong(ProducedEvent::timestamp).min().orElseThrow();

      Poll.until(
          "replication danger and ready 0",
          DEADLINE,
          () ->
              agent
                          .metric(
                              "mirrorwatch_readiness_level", "flow", FLOW, "check", "replication")
                          .orElse(-1)
                      == 2
                  && agent.metric("mirrorwatch_ready", "flow", FLOW).orElse(-1) == 0);
      assertThat(Duration.between(stoppedAt, Instant.now()))
          .isLessThan(INTERVAL.multipliedBy(2).plusSeconds(1));

      Poll.until(
          "rpo_records = 137",
          DEADLINE,
          () ->
              agent.metric("mirrorwatch_rpo_records", "flow", FLOW, "topic", "orders").orElse(-1)
                  == 137);
      JsonNode flow = agent.readiness();
      Instant generated = Instant.parse(flow.path("generatedAt").asText());
      JsonNode rpo = agent.flow().path("rpo").get(0);
      double truth = (generated.toEpochMilli() - oldest) / 1000.0;
      assertThat(rpo.path("records").asLong()).isEqualTo(137);
      assertThat(rpo.path("seconds").asDouble())
          .isCloseTo(truth, org.assertj.core.data.Offset.offset(1.0));
      assertThat(rpo.path("basis").asText()).isEqualTo("mm2_offsets");

      lab.mirrorMaker().start();
      awaitWithReadiness(
          agent,
          "replication healthy again with RPO 0",
          () ->
              agent
                          .metric(
                              "mirrorwatch_readiness_level", "flow", FLOW, "check", "replication")
                          .orElse(-1)
                      == 0
                  && agent
                          .metric("mirrorwatch_rpo_records", "flow", FLOW, "topic", "orders")
                          .orElse(-1)
                      == 0);
    }
  }

  @Test
  @Order(3)
  void offsetTranslationHealthyOnlyForGroupsThatAreCheckpointedAndSynced(Lab lab) throws Exception {
    Map<String, Long> ends = OffsetTruth.commitAtEnd(lab, "audit");
    OffsetTruth.commitAtEnd(lab, "console-consumer-7");
    lab.producer().produce(30);
    try (AgentHarness agent =
            AgentHarness.start(
                lab, "default", List.of(Orders.GROUP, "audit", "console-consumer-7"));
        OffsetTruth.ActiveConsumer active = OffsetTruth.activeOnDr(lab, "audit")) {
      Poll.until(
          "per-group statuses",
          DEADLINE,
          () -> {
            Map<String, JsonNode> g = OffsetTruth.groups(agent.flow());
            return g.size() == 3
                && g.get(Orders.GROUP).path("level").asText().equals("healthy")
                && g.get("audit").path("activeOnTarget").asBoolean()
                && g.get("audit").path("level").asText().equals("danger")
                && g.get("console-consumer-7").path("checkpointAgeSeconds").isNull()
                && g.get("console-consumer-7").path("level").asText().equals("danger");
          });
      assertThat(
              agent.metric(
                  "mirrorwatch_readiness_level", "flow", FLOW, "check", "offset_translation"))
          .hasValue(2);
      assertThat(
              agent.metric("mirrorwatch_group_offsets_synced", "flow", FLOW, "group", Orders.GROUP))
          .hasValue(1);
      assertThat(ends).isNotEmpty();
    }
  }

  @Test
  @Order(4)
  void failoverReprocessEstimateEqualsTheLabsGroundTruth(Lab lab) throws Exception {
    ensureWorkload(lab);
    lab.processor().stop();
    try (AgentHarness agent = AgentHarness.start(lab, "default", List.of(Orders.GROUP))) {
      long[] last = {-1, -2};
      boolean[] current = {false};
      try {
        Poll.until(
            "the agent's reprocess estimate to equal the ground truth",
            DEADLINE,
            () -> {
              current[0] =
                  io.mirrorwatch.lab.mm2.OffsetTranslation.checkpointsCurrent(
                      lab.primary(), lab.dr(), Orders.GROUP, lab.policy());
              last[0] = OffsetTruth.reprocessTruth(lab);
              last[1] =
                  (long)
                      agent
                          .metric(
                              "mirrorwatch_failover_reprocess_records",
                              "flow",
                              FLOW,
                              "group",
                              Orders.GROUP)
                          .orElse(-3);
              return current[0] && last[0] == last[1];
            });
      } catch (RuntimeException e) {
        throw new AssertionError(
            "truth "
                + last[0]
                + ", agent "
                + last[1]
                + ", checkpoints current "
                + current[0]
                + "; /readiness: "
                + agent.get("/readiness"),
            e);
      }
      assertThat(last[1]).isEqualTo(last[0]).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  @Order(5)
  void recordsWithoutTheEventIdHeaderLowerCoverageAndTheIdempotencyCheck(Lab lab) throws Exception {
    try (AgentHarness agent = AgentHarness.start(lab, "default", List.of(Orders.GROUP))) {
      lab.producer().produce(20);
      Poll.until("coverage 1", DEADLINE, () -> ordersCoverage(agent).orElse(-1) == 1);
      try (KafkaProducer<String, String> raw =
          new KafkaProducer<>(
              Map.of("bootstrap.servers", lab.primary().bootstrapServers()),
              new StringSerializer(),
              new StringSerializer())) {
        for (int i = 0; i < 150; i++) {
          raw.send(new ProducerRecord<>(Orders.TOPIC, "k" + i, "{\"orderId\":\"x\"}"));
        }
        raw.flush();
      }
      Poll.until(
          "coverage below 1 and idempotency not healthy",
          DEADLINE,
          () ->
              ordersCoverage(agent).orElse(1) < 1
                  && agent
                          .metric(
                              "mirrorwatch_readiness_level", "flow", FLOW, "check", "idempotency")
                          .orElse(0)
                      >= 1);
    }
  }

  @Test
  @Order(6)
  void killedPrimaryKeepsMetricsFastAndRpoAtItsLastValueWhileDataAges(Lab lab) throws Exception {
    ensureWorkload(lab);
    try (AgentHarness agent = AgentHarness.start(lab, "default", List.of(Orders.GROUP))) {
      Poll.until(
          "agent sees the primary",
          DEADLINE,
          () -> agent.metric("mirrorwatch_cluster_up", "cluster", "primary").orElse(0) == 1);
      awaitWithReadiness(
          agent,
          "RPO 0 before the stop",
          () ->
              agent.metric("mirrorwatch_rpo_records", "flow", FLOW, "topic", "orders").orElse(-1)
                  == 0);
      lab.mirrorMaker().stop();
      lab.producer().produce(40);
      Poll.until(
          "rpo_records = 40",
          DEADLINE,
          () ->
              agent.metric("mirrorwatch_rpo_records", "flow", FLOW, "topic", "orders").orElse(-1)
                  == 40);

      lab.primary().kill();
      try {
        Poll.until(
            "cluster_up{primary} = 0",
            DEADLINE,
            () -> agent.metric("mirrorwatch_cluster_up", "cluster", "primary").orElse(-1) == 0);
        double firstAge =
            agent
                .metric(
                    "mirrorwatch_data_age_seconds", "collector", "cluster", "cluster", "primary")
                .orElseThrow();
        Instant until = Instant.now().plus(INTERVAL.multipliedBy(3));
        while (Instant.now().isBefore(until)) {
          long start = System.nanoTime();
          String text = agent.metricsText();
          assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
          assertThat(
                  MetricsText.value(
                      text, "mirrorwatch_rpo_records", "flow", FLOW, "topic", "orders"))
              .hasValue(40);
          // Pacing the requests over several cycles; no condition is awaited here.
          java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        double laterAge =
            agent
                .metric(
                    "mirrorwatch_data_age_seconds", "collector", "cluster", "cluster", "primary")
                .orElseThrow();
        assertThat(laterAge).isGreaterThan(firstAge);
        assertThat(
                agent
                    .metric(
                        "mirrorwatch_collect_errors_total",
                        "collector",
                        "cluster",
                        "cluster",
                        "primary")
                    .orElseThrow())
            .isGreaterThan(0);
      } finally {
        lab.primary().restart();
        lab.mirrorMaker().start();
      }
    }
  }

  /**
   * Event IDs in the JSON body or in the key, with no header at all: the agent reads them where the
   * config says (the reconciler's {@code eventId} setting) and reaches ready; pointed at a field
   * that the records lack, the same records give coverage 0.
   */
  @Test
  @Order(7)
  void eventIdsInTheJsonBodyOrTheKeyMakeTheAgentReady(Lab lab) throws Exception {
    ensureWorkload(lab);
    int partitions =
        lab.primary()
            .admin()
            .describeTopics(List.of(Orders.TOPIC))
            .allTopicNames()
            .get()
            .get(Orders.TOPIC)
            .partitions()
            .size();
    // More than the sampler's 100 newest records per partition, none with an event-ID header, so
    // every record sampled by a new agent is one of these.
    try (KafkaProducer<String, String> raw =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", lab.primary().bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      for (int p = 0; p < partitions; p++) {
        for (int i = 0; i < 120; i++) {
          String id = "json-" + p + "-" + i;
          raw.send(
              new ProducerRecord<>(
                  Orders.TOPIC,
                  p,
                  "key-" + id,
                  Orders.orderJson(id, i, System.currentTimeMillis())));
        }
      }
      raw.flush();
    }
    for (String eventId : List.of("{from: json, pointer: /orderId}", "{from: key}")) {
      try (AgentHarness agent =
          AgentHarness.start(lab, "default", List.of(Orders.GROUP), eventId)) {
        awaitReady(agent);
        assertThat(ordersCoverage(agent)).as(eventId).hasValue(1);
        assertThat(agent.flow().path("checks").path("idempotency").path("level").asText())
            .as(eventId)
            .isEqualTo("healthy");
      }
    }
    try (AgentHarness agent =
        AgentHarness.start(
            lab, "default", List.of(Orders.GROUP), "{from: json, pointer: /eventId}")) {
      Poll.until(
          "coverage 0 and idempotency danger for a pointer the records lack",
          DEADLINE,
          () ->
              ordersCoverage(agent).orElse(-1) == 0
                  && agent
                          .metric(
                              "mirrorwatch_readiness_level", "flow", FLOW, "check", "idempotency")
                          .orElse(0)
                      == 2);
    }
  }

  /** The agent's event-ID coverage of {@code orders} on the flow, if published yet. */
  static java.util.OptionalDouble ordersCoverage(AgentHarness agent) {
    return agent.metric("mirrorwatch_event_id_coverage_ratio", "flow", FLOW, "topic", "orders");
  }

  /** Each test can run alone: the group has committed offsets and the topic has records. */
  static void ensureWorkload(Lab lab) {
    if (!lab.processor().isRunning()) {
      lab.startProcessor(lab.primary());
    }
    lab.producer().produce(20);
    Poll.until(
        "order-processor to commit on primary",
        DEADLINE,
        () ->
            !io.mirrorwatch.lab.mm2.OffsetTranslation.committed(lab.primary(), Orders.GROUP)
                .isEmpty());
  }

  /** Polls {@code condition}; on timeout the agent's /readiness document explains why. */
  static void awaitWithReadiness(
      AgentHarness agent, String what, java.util.function.BooleanSupplier condition) {
    try {
      Poll.until(what, DEADLINE, condition);
    } catch (RuntimeException e) {
      throw new AssertionError(what + " never held; /readiness: " + agent.get("/readiness"), e);
    }
  }

  static void awaitReady(AgentHarness agent) {
    try {
      Poll.until(
          "mirrorwatch_ready = 1",
          DEADLINE,
          () -> agent.metric("mirrorwatch_ready", "flow", FLOW).orElse(0) == 1);
    } catch (RuntimeException e) {
      throw new AssertionError("agent never ready: " + agent.get("/readiness"), e);
    }
  }
}
