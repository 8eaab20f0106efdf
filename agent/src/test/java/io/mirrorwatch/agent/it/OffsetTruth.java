package io.mirrorwatch.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrorwatch.lab.Lab;
import io.mirrorwatch.lab.cluster.TopicReader;
import io.mirrorwatch.lab.mm2.OffsetTranslation;
import io.mirrorwatch.lab.workload.Orders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.connect.mirror.Checkpoint;

/** Ground truth for offset translation, computed from the records themselves. */
final class OffsetTruth {
  private OffsetTruth() {}

  /** Commits, for an inactive group on primary, the end of every orders partition. */
  static Map<String, Long> commitAtEnd(Lab lab, String group) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    Map<String, Long> result = new TreeMap<>();
    var admin = lab.primary().admin();
    var parts =
        admin
            .describeTopics(List.of(Orders.TOPIC))
            .allTopicNames()
            .get(10, TimeUnit.SECONDS)
            .get(Orders.TOPIC)
            .partitions();
    Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> specs = new HashMap<>();
    parts.forEach(
        p ->
            specs.put(
                new TopicPartition(Orders.TOPIC, p.partition()),
                org.apache.kafka.clients.admin.OffsetSpec.latest()));
    admin
        .listOffsets(specs)
        .all()
        .get(10, TimeUnit.SECONDS)
        .forEach(
            (tp, info) -> {
              offsets.put(tp, new OffsetAndMetadata(info.offset()));
              result.put(tp.toString(), info.offset());
            });
    admin.alterConsumerGroupOffsets(group, offsets).all().get(10, TimeUnit.SECONDS);
    return result;
  }

  /**
   * A member of {@code group} on dr, polling the replica until closed: MM2 cannot sync that group.
   */
  static ActiveConsumer activeOnDr(Lab lab, String group) {
    return new ActiveConsumer(lab, group);
  }

  static final class ActiveConsumer implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    ActiveConsumer(Lab lab, String group) {
      consumer =
          new KafkaConsumer<>(
              Map.of(
                  "bootstrap.servers",
                  lab.dr().bootstrapServers(),
                  "group.id",
                  group,
                  "enable.auto.commit",
                  false),
              new StringDeserializer(),
              new StringDeserializer());
      consumer.subscribe(List.of(lab.replicaTopic(Lab.PRIMARY, Orders.TOPIC)));
      thread =
          new Thread(
              () -> {
                try {
                  while (running) {
                    consumer.poll(Duration.ofMillis(200));
                  }
                } catch (org.apache.kafka.common.errors.WakeupException e) {
                  // closing
                } finally {
                  consumer.close();
                }
              },
              "active-on-dr-" + group);
      thread.start();
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      consumer.wakeup();
      thread.join(30_000);
    }
  }

  static Map<String, JsonNode> groups(JsonNode flow) {
    Map<String, JsonNode> map = new HashMap<>();
    flow.path("groups").forEach(g -> map.put(g.path("group").asText(), g));
    return map;
  }

  /**
   * Records {@code order-processor} would re-read on dr, counted on the records themselves: reading
   * each replica partition from MM2's translated offset, a record is a re-read when its event was
   * already processed on primary (its source offset is below the group's committed offset) or when
   * the same event already came by in this read (a second MM2 copy).
   */
  static long reprocessTruth(Lab lab) {
    String replica = lab.replicaTopic(Lab.PRIMARY, Orders.TOPIC);
    Map<TopicPartition, Long> committed = OffsetTranslation.committed(lab.primary(), Orders.GROUP);
    Map<TopicPartition, Checkpoint> checkpoints =
        OffsetTranslation.latestCheckpoints(lab.dr(), Lab.PRIMARY, Orders.GROUP, lab.policy());
    Map<Integer, Map<Long, String>> source = idsByOffset(lab.primary(), Orders.TOPIC);
    Map<Integer, Map<Long, String>> copies = idsByOffset(lab.dr(), replica);
    long total = 0;
    for (Map.Entry<TopicPartition, Checkpoint> e : checkpoints.entrySet()) {
      int p = e.getKey().partition();
      Long c = committed.get(new TopicPartition(Orders.TOPIC, p));
      if (c == null) {
        continue;
      }
      Map<String, Long> sourceOffsetOf = new HashMap<>();
      source
          .getOrDefault(p, Map.of())
          .forEach((offset, id) -> sourceOffsetOf.putIfAbsent(id, offset));
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (Map.Entry<Long, String> copy : copies.getOrDefault(p, Map.of()).entrySet()) {
        if (copy.getKey() < e.getValue().downstreamOffset()) {
          continue;
        }
        boolean processedOnPrimary =
            sourceOffsetOf.getOrDefault(copy.getValue(), Long.MAX_VALUE) < c;
        if (!seen.add(copy.getValue()) || processedOnPrimary) {
          total++;
        }
      }
    }
    return total;
  }

  private static Map<Integer, Map<Long, String>> idsByOffset(
      io.mirrorwatch.lab.cluster.KafkaCluster cluster, String topic) {
    Map<Integer, Map<Long, String>> ids = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r :
        TopicReader.readAll(cluster, topic, Duration.ofSeconds(30))) {
      var h = r.headers().lastHeader(Orders.EVENT_ID_HEADER);
      ids.computeIfAbsent(r.partition(), k -> new TreeMap<>())
          .put(
              r.offset(),
              h == null ? "no-id@" + r.offset() : new String(h.value(), StandardCharsets.UTF_8));
    }
    return ids;
  }
}
