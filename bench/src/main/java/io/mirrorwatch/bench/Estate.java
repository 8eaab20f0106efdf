package io.mirrorwatch.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.mirror.DefaultReplicationPolicy;
import org.apache.kafka.connect.mirror.ReplicationPolicy;

/**
 * The benchmark's estate: topics {@code bench-NNN} on primary, their replicas {@code
 * primary.bench-NNN} on dr with the same records (same timestamps and headers, as MM2 would copy
 * them, but written directly: the agent's collect is measured, not replication), and consumer
 * groups with committed offsets on both clusters.
 *
 * <p>Every record of a partition has its own timestamp, so the replica's newest timestamp maps back
 * to exactly one source offset and the agent sees the replicas caught up: the steady state of an
 * idle estate. Group {@code i} commits on the partitions of topic {@code i mod T}, and every fourth
 * group on a second topic too, at a lag between 0 and all records.
 */
final class Estate {
  static final String SOURCE = "primary";
  static final String EVENT_ID_HEADER = "event-id";
  private static final ReplicationPolicy POLICY = new DefaultReplicationPolicy();
  private static final int CREATE_BATCH = 10;
  private static final int COMMITS_IN_FLIGHT = 64;

  private final BenchOptions options;
  private final List<String> topics = new ArrayList<>();
  private final Map<String, List<String>> topicsOfGroup = new LinkedHashMap<>();

  /** Timestamp of record 0 of every partition, the same on both clusters (MM2 keeps timestamps). */
  private final long baseTimestamp = System.currentTimeMillis() - Duration.ofMinutes(10).toMillis();

  Estate(BenchOptions options) {
    this.options = options;
    int t = options.topics();
    for (int i = 0; i < t; i++) {
      topics.add(String.format("bench-%03d", i));
    }
    for (int g = 0; g < options.groups(); g++) {
      List<String> own = new ArrayList<>(List.of(topics.get(g % t)));
      String second = topics.get((g * 7 + 13) % t);
      if (g % 4 == 0 && !own.contains(second)) {
        own.add(second);
      }
      topicsOfGroup.put(String.format("bench-group-%04d", g), own);
    }
  }

  List<String> sourceTopics() {
    return topics;
  }

  static String replica(String topic) {
    return POLICY.formatRemoteTopic(SOURCE, topic);
  }

  List<String> groups() {
    return List.copyOf(topicsOfGroup.keySet());
  }

  /** Every partition of the source topics ({@code replicas} false) or of their replicas. */
  List<TopicPartition> partitions(boolean replicas) {
    List<TopicPartition> all = new ArrayList<>();
    for (String t : topics) {
      for (int p = 0; p < options.partitionsPerTopic(); p++) {
        all.add(new TopicPartition(replicas ? replica(t) : t, p));
      }
    }
    return all;
  }

  /** Committed offsets rows of all groups on one cluster (what the tool prints, one row each). */
  long committedRows() {
    return topicsOfGroup.values().stream()
        .mapToLong(l -> (long) l.size() * options.partitionsPerTopic())
        .sum();
  }

  /**
   * Creates topics, records and group offsets on one cluster; {@code replicas} selects the dr side.
   */
  void build(String bootstrap, boolean replicas) {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 120_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 300_000))) {
      long t0 = System.nanoTime();
      createTopics(admin, replicas);
      long t1 = System.nanoTime();
      produce(bootstrap, replicas, 0, options.recordsPerPartition());
      checkLogEnds(admin, replicas);
      long t2 = System.nanoTime();
      commit(admin, replicas);
      long t3 = System.nanoTime();
      System.out.printf(
          "  %s: topics %.1f s, records %.1f s, group offsets %.1f s%n",
          replicas ? "dr" : "primary",
          Stats.seconds(t1 - t0),
          Stats.seconds(t2 - t1),
          Stats.seconds(t3 - t2));
    }
  }

  private void createTopics(Admin admin, boolean replicas) {
    for (int from = 0; from < topics.size(); from += CREATE_BATCH) {
      List<NewTopic> batch = new ArrayList<>();
      for (String t : topics.subList(from, Math.min(topics.size(), from + CREATE_BATCH))) {
        batch.add(new NewTopic(replicas ? replica(t) : t, options.partitionsPerTopic(), (short) 1));
      }
      await(admin.createTopics(batch).all(), "creating " + batch.size() + " topics");
    }
  }

  /**
   * Record {@code i} of every partition has timestamp {@code base + i} and an event-ID header. Not
   * idempotent, one request in flight: on a loaded lab broker the idempotent producer's retries hit
   * OutOfOrderSequenceException and stalled for its whole delivery timeout. Every send is checked,
   * and so is every partition's log end afterwards.
   */
  private void produce(String bootstrap, boolean replicas, int from, int to) {
    Map<String, Object> props =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
            ProducerConfig.ACKS_CONFIG, "1",
            ProducerConfig.LINGER_MS_CONFIG, 20,
            ProducerConfig.BATCH_SIZE_CONFIG, 16_384,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 120_000,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000);
    AtomicReference<Exception> failed = new AtomicReference<>();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (TopicPartition tp : partitions(false)) {
        for (int i = from; i < to; i++) {
          String id = tp.topic() + "-" + tp.partition() + "-" + i;
          RecordHeaders headers = new RecordHeaders();
          headers.add(EVENT_ID_HEADER, id.getBytes(StandardCharsets.UTF_8));
          String topic = replicas ? replica(tp.topic()) : tp.topic();
          producer.send(
              new ProducerRecord<>(
                  topic,
                  tp.partition(),
                  baseTimestamp + i,
                  id.getBytes(StandardCharsets.UTF_8),
                  ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8),
                  headers),
              (metadata, e) -> {
                if (e != null) {
                  failed.compareAndSet(null, e);
                }
              });
        }
      }
      producer.flush();
    }
    if (failed.get() != null) {
      throw new IllegalStateException("producing the estate failed", failed.get());
    }
  }

  /**
   * Moves every partition of the estate, as a busy replicated estate does between two agent cycles:
   * record {@code recordsPerPartition + round} (0-based round) into every source partition and the
   * same record (timestamp, header) into its replica, as MM2 would copy it; the replicas stay
   * caught up. Every send is acknowledged (acks=1) or this throws.
   */
  void appendRound(String primaryBootstrap, String drBootstrap, int round) {
    int i = options.recordsPerPartition() + round;
    produce(primaryBootstrap, false, i, i + 1);
    produce(drBootstrap, true, i, i + 1);
  }

  /** Every partition of one side holds exactly the records produced (no loss, no duplicate). */
  private void checkLogEnds(Admin admin, boolean replicas) {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions(replicas).forEach(tp -> latest.put(tp, OffsetSpec.latest()));
    await(admin.listOffsets(latest).all(), "listing log ends")
        .forEach(
            (tp, info) -> {
              if (info.offset() != options.recordsPerPartition()) {
                throw new IllegalStateException(
                    tp
                        + " ends at "
                        + info.offset()
                        + ", expected "
                        + options.recordsPerPartition());
              }
            });
  }

  private void commit(Admin admin, boolean replicas) {
    List<KafkaFuture<Void>> inFlight = new ArrayList<>();
    int g = 0;
    for (Map.Entry<String, List<String>> e : topicsOfGroup.entrySet()) {
      Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
      for (String t : e.getValue()) {
        for (int p = 0; p < options.partitionsPerTopic(); p++) {
          long lag = (g + p) % (options.recordsPerPartition() + 1);
          offsets.put(
              new TopicPartition(replicas ? replica(t) : t, p),
              new OffsetAndMetadata(options.recordsPerPartition() - lag));
        }
      }
      inFlight.add(admin.alterConsumerGroupOffsets(e.getKey(), offsets).all());
      if (inFlight.size() == COMMITS_IN_FLIGHT) {
        await(KafkaFuture.allOf(inFlight.toArray(KafkaFuture[]::new)), "committing group offsets");
        inFlight.clear();
      }
      g++;
    }
    await(KafkaFuture.allOf(inFlight.toArray(KafkaFuture[]::new)), "committing group offsets");
  }

  static <T> T await(KafkaFuture<T> future, String what) {
    try {
      return future.get(10, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + ": interrupted", e);
    } catch (Exception e) {
      throw new IllegalStateException(what + " failed: " + e, e);
    }
  }
}
