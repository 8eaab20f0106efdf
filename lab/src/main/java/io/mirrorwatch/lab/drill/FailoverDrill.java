package io.mirrorwatch.lab.drill;

import io.mirrorwatch.lab.Lab;
import io.mirrorwatch.lab.cluster.KafkaCluster;
import io.mirrorwatch.lab.poll.Poll;
import io.mirrorwatch.lab.workload.OrderProducer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A planned failover to dr and failback to primary, in the runbook's order, with the workload
 * running.
 *
 * <p>Failover: stop producers; wait (bounded) until dr holds every record; repoint producers to dr
 * (the failover cutover); stop consumers, move their offsets through MM2's translation, start them
 * on dr; stop primary -> dr replication, as a lost primary would. Failback: start dr -> primary
 * replication; let the workload run; quiesce producers; wait until primary holds every record;
 * repoint producers to primary (the failback cutover); move consumers back the same way; stop the
 * reverse flow and resume primary -> dr.
 *
 * <p>With {@code IdentityReplicationPolicy} the two flows must never run at once: MM2 cannot see
 * the cycle and would copy records back and forth forever. This order never overlaps them.
 */
public final class FailoverDrill {
  private final Lab lab;
  private final DrillOptions options;
  private final Consumer<String> log;

  public FailoverDrill(Lab lab, DrillOptions options, Consumer<String> log) {
    this.lab = lab;
    this.options = options;
    this.log = log;
  }

  public DrillResult run() {
    KafkaCluster primary = lab.primary();
    KafkaCluster dr = lab.dr();
    OrderProducer producer = lab.producer();
    int rate = options.ratePerSecond();

    if (!producer.isRunning()) {
      producer.start(rate);
    }
    if (!lab.processor().isRunning()) {
      lab.startProcessor(primary);
    }
    log.accept("steady state on primary for " + options.phase().toSeconds() + " s");
    runFor(options.phase());

    log.accept("failover: stop producers, wait for replication to dr");
    producer.stop();
    lab.awaitReplicated(primary, options.replicationBound());
    producer.repoint(dr, rate);
    producer.start(rate);
    Instant failoverAt = Instant.now();
    log.accept("failover cutover at " + failoverAt + ": producers on dr");
    Map<TopicPartition, OffsetAndMetadata> toDr = moveConsumers(primary, dr);
    lab.mirrorMaker().stop();

    runFor(options.phase());
    log.accept("failback: start dr -> primary replication");
    lab.startReverseFlow();
    runFor(options.phase());
    producer.stop();
    lab.awaitReplicated(dr, options.replicationBound());
    producer.repoint(primary, rate);
    producer.start(rate);
    Instant failbackAt = Instant.now();
    log.accept("failback cutover at " + failbackAt + ": producers on primary");
    Map<TopicPartition, OffsetAndMetadata> toPrimary = moveConsumers(dr, primary);
    lab.stopReverseFlow();
    lab.mirrorMaker().start();

    runFor(options.phase());
    producer.stop();
    lab.awaitReplicated(primary, options.replicationBound());
    awaitProcessed(options.replicationBound());
    lab.processor().stop();

    DrillResult result =
        new DrillResult(
            lab.policyKind().name(),
            failoverAt,
            failbackAt,
            flatten(toDr),
            flatten(toPrimary),
            lab.truth().produced(),
            lab.truth().deliveries(),
            lab.truth().failedSends());
    result.writeTo(lab.dir().resolve("drill-truth.json"));
    log.accept(
        "drill done: "
            + result.produced().size()
            + " produced, "
            + result.processed().size()
            + " processed; ground truth in "
            + lab.dir().resolve("drill-truth.json"));
    return result;
  }

  private Map<TopicPartition, OffsetAndMetadata> moveConsumers(KafkaCluster from, KafkaCluster to) {
    lab.processor().stop();
    Map<TopicPartition, OffsetAndMetadata> moved =
        lab.moveGroupOffsets(from, to, options.replicationBound());
    lab.startProcessor(to);
    log.accept("consumers moved to " + to.alias() + " at translated offsets " + flatten(moved));
    return moved;
  }

  /** Waits until the processor has seen every acknowledged event (each processed once). */
  private void awaitProcessed(Duration timeout) {
    Poll.until(
        "the processor to process every produced event",
        timeout,
        () -> {
          var processed =
              lab.truth().processed().stream()
                  .map(e -> e.eventId())
                  .collect(java.util.stream.Collectors.toSet());
          return lab.truth().produced().stream().allMatch(e -> processed.contains(e.eventId()));
        });
  }

  private static Map<String, Long> flatten(Map<TopicPartition, OffsetAndMetadata> offsets) {
    Map<String, Long> flat = new TreeMap<>();
    offsets.forEach((tp, om) -> flat.put(tp.toString(), om.offset()));
    return flat;
  }

  private static void runFor(Duration phase) {
    // The workload runs for a fixed time by design: this paces the drill, it waits for no
    // condition.
    try {
      Thread.sleep(phase.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("drill interrupted", e);
    }
  }
}
