package io.mirrorwatch.bench.reconcile;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.mirrorwatch.lab.cluster.KafkaCluster;
import io.mirrorwatch.lab.poll.Poll;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The window the benchmark reconciles: {@code events} orders produced once on primary ({@code
 * orders}), copied once to dr ({@code primary.orders}, same key, value, timestamp and event-id
 * header, as MM2 copies them) and processed once (primary {@code orders-processed}). So three
 * records per event, all in one hour, and a clean report: every record is read and keyed, nothing
 * is found.
 *
 * <p>Written directly, without MM2 (MM2 would take the benchmark's whole time budget to copy 3 M
 * records on this machine and measures nothing the reconciler does).
 */
final class Dataset {
  static final String ORDERS = "orders";
  static final String REPLICA = "primary.orders";
  static final String PROCESSED = "orders-processed";
  static final String HEADER = "event-id";

  final long events;
  final int partitions;

  /** The first event's timestamp; event {@code i} has {@code base + i / 1000}. */
  final long base;

  Dataset(long events, int partitions, long base) {
    this.events = events;
    this.partitions = partitions;
    this.base = base;
  }

  long records() {
    return 3 * events;
  }

  long lastTimestamp() {
    return base + events / 1000 + 1_000;
  }

  static String id(long i) {
    return String.format("evt-%010d", i);
  }

  /** About 115 bytes, like the lab's orders. */
  static byte[] order(long i) {
    return String.format(
            "{\"orderId\":\"o-%010d\",\"customerId\":\"c-%03d\",\"amount\":%d.%02d,\"currency\":\"EUR\",\"items\":%d}",
            i, i % 500, 1 + i % 9_999, i % 100, 1 + i % 7)
        .getBytes(UTF_8);
  }

  static byte[] processed(long i) {
    return String.format(
            "{\"eventId\":\"%s\",\"amount\":%d.%02d,\"processedOn\":\"primary\",\"sourceOffset\":%d}",
            id(i), 1 + i % 9_999, i % 100, i)
        .getBytes(UTF_8);
  }

  void write(KafkaCluster primary, KafkaCluster dr) throws Exception {
    create(primary, ORDERS, PROCESSED);
    create(dr, REPLICA);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      for (Future<Void> f :
          pool.invokeAll(
              List.of(
                  writer(primary, ORDERS, false),
                  writer(dr, REPLICA, false),
                  writer(primary, PROCESSED, true)))) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Creates the topics the lab has not created already; all must have {@code partitions}. */
  private void create(KafkaCluster cluster, String... topics) throws Exception {
    Set<String> existing = cluster.admin().listTopics().names().get(60, TimeUnit.SECONDS);
    List<NewTopic> newTopics =
        Arrays.stream(topics)
            .filter(t -> !existing.contains(t))
            .map(t -> new NewTopic(t, partitions, (short) 1))
            .toList();
    for (var created : cluster.admin().createTopics(newTopics).values().values()) {
      try {
        created.get(60, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        // The lab may be creating the same topic at this moment; its partition count is checked
        // below.
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
    // A new topic is unknown to the metadata for a moment: poll until every one is described.
    Poll.until(
        cluster.alias()
            + " topics "
            + Arrays.toString(topics)
            + " with "
            + partitions
            + " partitions",
        Duration.ofSeconds(60),
        () -> {
          try {
            return cluster
                .admin()
                .describeTopics(List.of(topics))
                .allTopicNames()
                .get(10, TimeUnit.SECONDS)
                .values()
                .stream()
                .allMatch(d -> d.partitions().size() == partitions);
          } catch (Exception e) {
            return false;
          }
        });
  }

  private Callable<Void> writer(KafkaCluster cluster, String topic, boolean downstream) {
    AtomicReference<Exception> failure = new AtomicReference<>();
    return () -> {
      AtomicLong acked = new AtomicLong();
      try (KafkaProducer<byte[], byte[]> p = producer(cluster)) {
        for (long i = 0; i < events; i++) {
          byte[] key = ("c-" + (i % 500)).getBytes(UTF_8);
          // Downstream records are written a little after their event, as a consumer would.
          long ts = base + i / 1000 + (downstream ? 500 : 0);
          ProducerRecord<byte[], byte[]> r =
              new ProducerRecord<>(
                  topic, (int) (i % partitions), ts, key, downstream ? processed(i) : order(i));
          r.headers().add(HEADER, id(i).getBytes(UTF_8));
          p.send(
              r,
              (md, e) -> {
                if (e != null) {
                  failure.compareAndSet(null, e);
                } else {
                  acked.incrementAndGet();
                }
              });
        }
        p.flush();
      }
      if (failure.get() != null || acked.get() != events) {
        throw new IllegalStateException(
            cluster.alias() + "/" + topic + ": " + acked.get() + " of " + events + " acknowledged",
            failure.get());
      }
      return null;
    };
  }

  private static KafkaProducer<byte[], byte[]> producer(KafkaCluster cluster) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "1");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
    props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofMinutes(5).toMillis());
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
