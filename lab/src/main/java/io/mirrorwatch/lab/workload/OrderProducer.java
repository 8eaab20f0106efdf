package io.mirrorwatch.lab.workload;

import io.mirrorwatch.lab.cluster.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes JSON orders with an {@code event-id} header and a provenance header ({@link
 * Orders#writtenOnHeader}) to {@code orders} on whichever cluster it is pointed at (the lab's
 * indirection layer), either continuously at a rate or an exact count at once. Every acknowledged
 * record goes into the {@link GroundTruth}.
 */
public final class OrderProducer implements AutoCloseable {
  private final GroundTruth truth;
  private final AtomicLong sequence = new AtomicLong();
  private KafkaCluster cluster;
  private KafkaProducer<String, String> producer;
  private Thread loop;
  private volatile boolean running;

  public OrderProducer(KafkaCluster cluster, GroundTruth truth) {
    this.cluster = cluster;
    this.truth = truth;
  }

  public synchronized KafkaCluster cluster() {
    return cluster;
  }

  public synchronized boolean isRunning() {
    return running;
  }

  /** Produces {@code count} orders now and returns once all are acknowledged. */
  public List<ProducedEvent> produce(int count) {
    List<Future<RecordMetadata>> futures = new ArrayList<>(count);
    List<ProducerRecord<String, String>> records = new ArrayList<>(count);
    String clusterAlias;
    synchronized (this) {
      clusterAlias = cluster.alias();
      for (int i = 0; i < count; i++) {
        ProducerRecord<String, String> record = nextRecord(clusterAlias);
        records.add(record);
        futures.add(producer().send(record));
      }
      producer().flush();
    }
    List<ProducedEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(acknowledged(clusterAlias, records.get(i), await(futures.get(i))));
    }
    return events;
  }

  /** Starts producing continuously at about {@code perSecond} records per second. */
  public synchronized void start(int perSecond) {
    if (running) {
      return;
    }
    running = true;
    long intervalNanos = 1_000_000_000L / Math.max(1, perSecond);
    loop = new Thread(() -> runLoop(intervalNanos), "lab-order-producer");
    loop.setDaemon(true);
    loop.start();
  }

  /** Stops the continuous producer; every record sent before returns is acknowledged or failed. */
  public void stop() {
    Thread t;
    synchronized (this) {
      running = false;
      t = loop;
      loop = null;
    }
    if (t != null) {
      try {
        t.join(Duration.ofSeconds(60).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      if (producer != null) {
        producer.flush();
      }
    }
  }

  /** Points the producer at another cluster, as a DNS or service-discovery switch would. */
  public void repoint(KafkaCluster newCluster, int perSecond) {
    boolean wasRunning = isRunning();
    stop();
    synchronized (this) {
      if (producer != null) {
        producer.close(Duration.ofSeconds(10));
        producer = null;
      }
      cluster = newCluster;
    }
    if (wasRunning) {
      start(perSecond);
    }
  }

  @Override
  public void close() {
    stop();
    synchronized (this) {
      if (producer != null) {
        producer.close(Duration.ofSeconds(5));
        producer = null;
      }
    }
  }

  private void runLoop(long intervalNanos) {
    long next = System.nanoTime();
    while (running) {
      synchronized (this) {
        String alias = cluster.alias();
        ProducerRecord<String, String> record = nextRecord(alias);
        producer()
            .send(
                record,
                (metadata, error) -> {
                  if (error == null) {
                    truth.produced(toEvent(alias, record, metadata));
                  } else {
                    truth.sendFailed();
                  }
                });
      }
      next += intervalNanos;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        // Pacing the workload to its rate, not waiting for a condition.
        java.util.concurrent.locks.LockSupport.parkNanos(wait);
      }
    }
  }

  private ProducerRecord<String, String> nextRecord(String writtenOn) {
    long seq = sequence.incrementAndGet();
    String orderId = "o-" + seq;
    String eventId = UUID.randomUUID().toString();
    ProducerRecord<String, String> record =
        new ProducerRecord<>(
            Orders.TOPIC, orderId, Orders.orderJson(orderId, seq, System.currentTimeMillis()));
    record.headers().add(Orders.EVENT_ID_HEADER, eventId.getBytes(StandardCharsets.UTF_8));
    record.headers().add(Orders.writtenOnHeader(writtenOn), new byte[0]);
    return record;
  }

  private ProducedEvent acknowledged(
      String alias, ProducerRecord<String, String> record, RecordMetadata metadata) {
    ProducedEvent event = toEvent(alias, record, metadata);
    truth.produced(event);
    return event;
  }

  private static ProducedEvent toEvent(
      String alias, ProducerRecord<String, String> record, RecordMetadata metadata) {
    String eventId =
        new String(
            record.headers().lastHeader(Orders.EVENT_ID_HEADER).value(), StandardCharsets.UTF_8);
    return new ProducedEvent(
        eventId,
        alias,
        metadata.topic(),
        metadata.partition(),
        metadata.offset(),
        metadata.timestamp());
  }

  private static RecordMetadata await(Future<RecordMetadata> future) {
    try {
      return future.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("produce failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while producing", e);
    }
  }

  private KafkaProducer<String, String> producer() {
    if (producer == null) {
      Map<String, Object> props = new HashMap<>();
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
      props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
      props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
      props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
      producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
    return producer;
  }
}
