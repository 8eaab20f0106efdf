package io.mirrorwatch.lab.workload;

import io.mirrorwatch.lab.cluster.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The {@code order-processor} consumer group: reads orders (the local topic and its replica) on the
 * cluster it is pointed at and writes each one it processes to {@code orders-processed} there.
 *
 * <p>It is idempotent by event ID: an ID already processed, on either cluster, is skipped (and the
 * skip recorded), as the runbook requires of consumers that fail over. Commits are at-least-once:
 * outputs are flushed before the offsets of their inputs are committed.
 */
public final class OrderProcessor implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);

  private final GroundTruth truth;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private KafkaCluster cluster;
  private List<String> topics;
  private Thread loop;
  private volatile boolean running;
  private volatile KafkaConsumer<String, String> consumer;

  public OrderProcessor(GroundTruth truth) {
    this.truth = truth;
  }

  public synchronized boolean isRunning() {
    return running;
  }

  public synchronized KafkaCluster cluster() {
    return cluster;
  }

  /** Joins the group on {@code on} and consumes {@code topicsToRead}. */
  public synchronized void start(KafkaCluster on, List<String> topicsToRead) {
    if (running) {
      throw new IllegalStateException("the processor is already running on " + cluster.alias());
    }
    this.cluster = on;
    this.topics = List.copyOf(topicsToRead);
    running = true;
    loop = new Thread(this::runLoop, "lab-order-processor-" + on.alias());
    loop.setDaemon(true);
    loop.start();
  }

  /** Leaves the group after committing what it processed; returns once the consumer is closed. */
  public void stop() {
    Thread t;
    synchronized (this) {
      if (!running) {
        return;
      }
      running = false;
      t = loop;
      loop = null;
    }
    KafkaConsumer<String, String> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    try {
      t.join(Duration.ofSeconds(60).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private void runLoop() {
    String alias = cluster.alias();
    try (KafkaConsumer<String, String> c = newConsumer();
        KafkaProducer<String, String> out = newProducer()) {
      consumer = c;
      c.subscribe(topics);
      while (running) {
        ConsumerRecords<String, String> records;
        try {
          records = c.poll(POLL);
        } catch (WakeupException e) {
          break;
        }
        if (records.isEmpty()) {
          continue;
        }
        for (ConsumerRecord<String, String> r : records) {
          handle(alias, r, out);
        }
        out.flush();
        c.commitSync(Duration.ofSeconds(10));
      }
    } catch (WakeupException e) {
      // stop() was called during a commit; the offsets of that batch stay uncommitted
      // (at-least-once).
    } finally {
      consumer = null;
    }
  }

  private void handle(
      String alias, ConsumerRecord<String, String> r, KafkaProducer<String, String> out) {
    Header header = r.headers().lastHeader(Orders.EVENT_ID_HEADER);
    String eventId =
        header == null
            ? r.topic() + "-" + r.partition() + "@" + r.offset()
            : new String(header.value(), StandardCharsets.UTF_8);
    boolean first = seen.add(eventId);
    if (first) {
      ProducerRecord<String, String> processed =
          new ProducerRecord<>(
              Orders.PROCESSED_TOPIC,
              r.key(),
              Orders.processedJson(
                  r.value(), eventId, alias, r.topic(), r.partition(), r.offset()));
      if (header != null) {
        processed.headers().add(Orders.EVENT_ID_HEADER, header.value());
      }
      out.send(processed);
    }
    truth.delivered(
        new ProcessedEvent(
            eventId,
            alias,
            r.topic(),
            r.partition(),
            r.offset(),
            System.currentTimeMillis(),
            first));
  }

  private KafkaConsumer<String, String> newConsumer() {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, Orders.GROUP);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 2_000);
    return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
  }

  private KafkaProducer<String, String> newProducer() {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }
}
