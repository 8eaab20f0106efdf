package io.mirrorwatch.cutover.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrorwatch.lab.Lab;
import io.mirrorwatch.lab.LabExtension;
import io.mirrorwatch.lab.mm2.OffsetTranslation;
import io.mirrorwatch.lab.poll.Poll;
import io.mirrorwatch.lab.workload.Orders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code failover plan} against the real lab (default policy), run as the real jar. Ordered: the
 * healthy case, then a consumer active on dr, then MM2 stopped (which the lab does not undo).
 */
@ExtendWith(LabExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverPlanIT {
  static final Duration DEADLINE = Duration.ofSeconds(90);
  @TempDir static Path dir;

  @Test
  @Order(1)
  void aConfigErrorIsOneLineExitTwoAndNoStackTrace() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad, "clusters:\n  primary: {bootstrap.servers: \"127.0.0.1:1\"}\nflows: []\n");
    PlanCli.Result r = PlanCli.run("failover", "plan", "--config", bad.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("bad.yaml").doesNotContain("\tat ").doesNotContain("Exception");
    PlanCli.Result flag = PlanCli.run("failover", "plan", "--config", bad.toString(), "--bogus");
    assertThat(flag.exit()).isEqualTo(2);
    assertThat(flag.err().lines().count()).isEqualTo(1);
  }

  @Test
  @Order(2)
  void healthyLabIsGoWithRpoZeroAndTheGroupsTranslatedPosition(Lab lab) throws Exception {
    healthyPlanIsGo(lab, "default", dir);
  }

  @Test
  @Order(3)
  void aConsumerOfTheGroupActiveOnDrBlocksNamingTheGroup(Lab lab) throws Exception {
    Path config = PlanCli.config(lab, dir, "default");
    try (ActiveConsumer active =
        new ActiveConsumer(lab, lab.replicaTopic("primary", Orders.TOPIC))) {
      PlanCli.Result r =
          Poll.until(
              "a blocked plan naming the active group",
              DEADLINE,
              () -> {
                PlanCli.Result x = run(config);
                return x.exit() == 1
                        && x.json().path("groups").get(0).path("activeOnTarget").asBoolean()
                    ? java.util.Optional.of(x)
                    : java.util.Optional.empty();
              });
      assertThat(r.json().path("verdict").asText()).isEqualTo("blocked");
      assertThat(r.json().path("blockers").findValuesAsText("action"))
          .contains("stop consumers of group " + Orders.GROUP + " on dr before failover");
    }
  }

  @Test
  @Order(4)
  void mirrorMakerStoppedBlocksWithRpoEqualToWhatWasProduced(Lab lab) throws Exception {
    Path config = PlanCli.config(lab, dir, "default");
    lab.mirrorMaker().stop();
    lab.producer().produce(137);
    PlanCli.Result r =
        Poll.until(
            "a blocked plan with RPO 137",
            DEADLINE,
            () -> {
              PlanCli.Result x = run(config);
              return x.exit() == 1 && x.json().path("rpo").get(0).path("records").asLong() == 137
                  ? java.util.Optional.of(x)
                  : java.util.Optional.empty();
            });
    JsonNode json = r.json();
    assertThat(json.path("blockers").findValuesAsText("what"))
        .anyMatch(w -> w.startsWith("replication is danger"));
    assertThat(json.path("blockers").findValuesAsText("action"))
        .anyMatch(a -> a.startsWith("restore MirrorMaker 2 replication primary->dr"));
    System.out.println(
        "MEASURED mm2 stopped: rpo " + json.path("rpo").get(0) + " in " + r.millis() + " ms");
  }

  /** Shared with the identity-policy IT: a group committed on primary, everything replicated. */
  /** Asserts the go plan of a healthy lab and returns its JSON for policy-specific checks. */
  static JsonNode healthyPlanIsGo(Lab lab, String policy, Path dir) throws Exception {
    lab.startProcessor(lab.primary());
    lab.producer().produce(200);
    lab.awaitReplicated(lab.primary(), DEADLINE);
    Poll.until(
        "order-processor to commit every record on primary",
        DEADLINE,
        () ->
            OffsetTranslation.committed(lab.primary(), Orders.GROUP).values().stream()
                    .mapToLong(Long::longValue)
                    .sum()
                == 200);
    lab.processor().stop();
    Poll.until(
        "checkpoints to carry the last commit",
        DEADLINE,
        () ->
            OffsetTranslation.checkpointsCurrent(
                lab.primary(), lab.dr(), Orders.GROUP, lab.policy()));
    Path config = PlanCli.config(lab, dir, policy);
    PlanCli.Result r =
        Poll.until(
            "a go plan with RPO 0",
            DEADLINE,
            () -> {
              PlanCli.Result x = run(config);
              return x.exit() == 0 && x.json().path("rpo").get(0).path("records").asLong() == 0
                  ? java.util.Optional.of(x)
                  : java.util.Optional.empty();
            });
    JsonNode json = r.json();
    assertThat(json.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(json.path("verdict").asText()).isEqualTo("go");
    assertThat(json.path("policy").asText()).isEqualTo(policy);
    Map<TopicPartition, OffsetAndMetadata> truth =
        OffsetTranslation.translate(lab.primary(), lab.dr(), Orders.GROUP, lab.policy());
    Map<String, Long> expected = new HashMap<>();
    truth.forEach((tp, om) -> expected.put(tp.topic() + "-" + tp.partition(), om.offset()));
    Map<String, Long> planned = new HashMap<>();
    JsonNode group = json.path("groups").get(0);
    assertThat(group.path("group").asText()).isEqualTo(Orders.GROUP);
    for (JsonNode p : group.path("partitions")) {
      planned.put(
          p.path("replica").asText() + "-" + p.path("partition").asInt(),
          p.path("translated").asLong());
      assertThat(p.path("exactBasis").asText()).isEqualTo("event-id");
      assertThat(p.path("reread").asLong()).isGreaterThanOrEqualTo(0);
    }
    assertThat(planned).isEqualTo(expected).isNotEmpty();
    String replica = lab.replicaTopic("primary", Orders.TOPIC);
    assertThat(json.path("producers").get(0).path("writeTo").asText()).isEqualTo(Orders.TOPIC);
    assertThat(json.path("consumers").get(0).path("reads").findValuesAsText("topic"))
        .contains(replica);
    System.out.println(
        "MEASURED healthy "
            + policy
            + ": plan in "
            + r.millis()
            + " ms, cycles "
            + json.path("cycles")
            + ", reprocessEstimate "
            + group.path("reprocessEstimate")
            + ", partitions "
            + group.path("partitions"));
    return json;
  }

  private static PlanCli.Result run(Path config) {
    try {
      return PlanCli.run("failover", "plan", "--config", config.toString(), "--json");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A member of the group on dr, polling until closed: what the runbook says must not exist. */
  static final class ActiveConsumer implements AutoCloseable {
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Thread thread;

    ActiveConsumer(Lab lab, String topic) {
      Properties p = new Properties();
      p.putAll(lab.dr().clientProperties());
      p.put(ConsumerConfig.GROUP_ID_CONFIG, Orders.GROUP);
      p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
      p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
      thread =
          new Thread(
              () -> {
                try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
                  c.subscribe(java.util.List.of(topic));
                  while (!stop.get()) {
                    c.poll(Duration.ofMillis(200));
                  }
                } catch (RuntimeException e) {
                  failure.set(e);
                }
              },
              "active-on-dr");
      thread.start();
    }

    @Override
    public void close() throws InterruptedException {
      stop.set(true);
      thread.join(30_000);
      if (failure.get() != null) {
        throw failure.get();
      }
    }
  }
}
