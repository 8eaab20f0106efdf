package io.mirrorwatch.reconciler;

import static io.mirrorwatch.reconciler.LabFaults.BOUND;
import static io.mirrorwatch.reconciler.LabFaults.awaitMembers;
import static io.mirrorwatch.reconciler.LabFaults.awaitProcessed;
import static io.mirrorwatch.reconciler.LabFaults.catchUpAndCommit;
import static io.mirrorwatch.reconciler.LabFaults.endOffsets;
import static io.mirrorwatch.reconciler.LabFaults.eventId;
import static io.mirrorwatch.reconciler.LabFaults.exactTranslation;
import static io.mirrorwatch.reconciler.LabFaults.ids;

import io.mirrorwatch.lab.Lab;
import io.mirrorwatch.lab.LabExtension;
import io.mirrorwatch.lab.cluster.KafkaCluster;
import io.mirrorwatch.lab.cluster.TopicReader;
import io.mirrorwatch.lab.mm2.OffsetTranslation;
import io.mirrorwatch.lab.poll.Poll;
import io.mirrorwatch.lab.workload.Orders;
import io.mirrorwatch.lab.workload.ProducedEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripted failover -> failback drill in the lab, with the workload running, and faults
 * injected with a known ground truth; the reconciler must report exactly these, under the
 * replication policy of the concrete class ({@link DrillDefaultPolicyIT}, {@link
 * DrillIdentityPolicyIT}).
 *
 * <p>On primary: MM2 (primary -> dr) is SIGKILLed mid-stream and restarted, so it copies twice what
 * it had copied after its last flush; {@link #PRODUCED_TWICE} events are produced twice, {@link
 * #PROCESSED_TWICE} recorded twice downstream, {@link #NEVER_PROCESSED} never processed, {@link
 * #ALTERED_AMOUNT} recorded downstream with another amount. Failover: both groups move to dr at
 * MM2's exact translation, {@code order-processor} then {@link #PROCESSOR_RESET_BACK} records back
 * on one partition; MM2 stops gracefully after a flush and {@link #STRANDED} events are written on
 * primary before the cutover (MM2 copies them late, after failback). Failback: both groups move
 * back through the reverse MM2's exact translation, {@code order-audit} then {@link
 * #AUDIT_SKIPPED_FORWARD} records forward on one partition.
 */
@ExtendWith(LabExtension.class)
abstract class FailoverFailbackDrill {
  static final int RATE = 40;

  /** How long the workload runs in each phase: pacing only, no condition is waited for. */
  static final Duration PHASE = Duration.ofSeconds(3);

  /** Events the producer sends a second time (a retry done wrong): {@code duplicate_produced}. */
  static final int PRODUCED_TWICE = 3;

  /** Events recorded downstream a second time: {@code duplicate_processed}. */
  static final int PROCESSED_TWICE = 2;

  /** Events produced while the processor is stopped and skipped past: {@code unprocessed}. */
  static final int NEVER_PROCESSED = 4;

  /** Events recorded downstream by hand with another amount: {@code aggregate_mismatch}. */
  static final int ALTERED_AMOUNT = 2;

  /** Events written on primary after MM2 stopped, before the failover cutover: {@code stranded}. */
  static final int STRANDED = 3;

  /**
   * Records order-processor is reset back on one partition at failover: {@code offset_regression}.
   */
  static final int PROCESSOR_RESET_BACK = 4;

  /** Records order-audit skips forward on one partition at failback: {@code offset_jump}. */
  static final int AUDIT_SKIPPED_FORWARD = 3;

  static final String AUDIT = "order-audit";

  @Test
  void reportsExactlyTheInjectedFaultsOfTheDrill(Lab lab, @TempDir Path dir) throws Exception {
    DrillTruth truth = new DrillTruth();
    truth.from = Instant.now().minusSeconds(1);
    long start = System.nanoTime();
    onPrimary(lab, truth);
    failover(lab, truth);
    failback(lab, truth);
    truth.to = Instant.now().plusSeconds(1);
    System.out.printf(
        "drill (%s) took %d ms: %s%n",
        lab.policyKind(), (System.nanoTime() - start) / 1_000_000, truth);
    new DrillReport(lab, truth, dir).assertExactlyTheGroundTruth();
  }

  /**
   * The workload on primary with MM2 killed mid-stream; then the events produced twice, processed
   * twice, never processed and with an altered amount, with the workload quiet.
   */
  private static void onPrimary(Lab lab, DrillTruth truth) throws Exception {
    KafkaCluster primary = lab.primary();
    lab.startProcessor(primary);
    lab.producer().start(RATE);
    pace();
    truth.copiedTwice = killMirrorMakerMidStream(lab);
    lab.mirrorMaker().start();
    pace();
    lab.producer().stop();
    awaitProcessed(lab, ids(lab.truth().produced()));

    List<ProducedEvent> some = lab.truth().produced().subList(0, PRODUCED_TWICE + PROCESSED_TWICE);
    truth.producedTwice = LabFaults.resend(primary, ids(some.subList(0, PRODUCED_TWICE)));
    truth.processedTwice =
        LabFaults.recordProcessedAgain(primary, ids(some.subList(PRODUCED_TWICE, some.size())));
    lab.processor().stop();
    truth.neverProcessed = ids(lab.producer().produce(NEVER_PROCESSED));
    List<ProducedEvent> altered = lab.producer().produce(ALTERED_AMOUNT);
    truth.altered = ids(altered);
    truth.alteredBuckets = LabFaults.recordAlteredAmounts(primary, altered);
    LabFaults.skipToEnd(primary);
    lab.startProcessor(primary);
    lab.producer().start(RATE);
    pace();
    lab.producer().stop();
  }

  /**
   * Kills MM2 (primary -> dr) once the replica holds records copied after MM2's last flush of the
   * Connect offsets; those are the records a restarted MM2 copies again. The ground truth is taken
   * from the lab, not from the reconciler: MM2's last flushed upstream offset F_p per partition
   * (its offsets topic on dr), and the replica as the kill left it. The records copied twice are
   * those of the replica whose original sits on primary at an offset above F_p. A kill that lands
   * right after a flush copies nothing twice; MM2 is then restarted and killed again.
   */
  private static Set<String> killMirrorMakerMidStream(Lab lab) {
    String replica = lab.replicaTopic(Lab.PRIMARY, Orders.TOPIC);
    return Poll.until(
        "a kill of MM2 to land after copies past its last flush",
        BOUND,
        () -> {
          Poll.until(
              "MM2 to copy past its last flush",
              BOUND,
              () -> !copiedAfterFlush(lab, replica).isEmpty());
          lab.mirrorMaker().kill();
          Set<String> twice = copiedAfterFlush(lab, replica);
          if (twice.isEmpty()) {
            lab.mirrorMaker().start();
            return Optional.<Set<String>>empty();
          }
          return Optional.of(twice);
        });
  }

  /** The replica's records whose original on primary is above MM2's last flushed offset. */
  private static Set<String> copiedAfterFlush(Lab lab, String replica) {
    Map<Integer, Long> flushed = LabFaults.lastFlushed(lab, lab.primary());
    Map<String, Long> offsetOnPrimary = new HashMap<>();
    for (ProducedEvent e : lab.truth().produced()) {
      offsetOnPrimary.put(e.eventId(), e.offset());
    }
    Set<String> after = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> r :
        TopicReader.readAll(lab.dr(), replica, Duration.ofSeconds(30))) {
      String id = eventId(r);
      // MM2 keeps partition numbers; a restarted MM2 resumes at F_p + 1 (from 0 without a flush).
      if (offsetOnPrimary.getOrDefault(id, -1L) > flushed.getOrDefault(r.partition(), -1L)) {
        after.add(id);
      }
    }
    return after;
  }

  /**
   * The runbook's failover, with a reset back and stranded events: quiesce, move both groups to dr
   * at MM2's exact translation, stop MM2 after a flush (primary lost), write {@link #STRANDED}
   * events on primary, declare the cutover, reset {@code order-processor} {@link
   * #PROCESSOR_RESET_BACK} records back on one partition, start on dr.
   */
  private static void failover(Lab lab, DrillTruth truth) {
    KafkaCluster primary = lab.primary();
    KafkaCluster dr = lab.dr();
    awaitProcessed(lab, expectedProcessed(lab, truth));
    lab.awaitReplicated(primary, BOUND);
    lab.processor().stop();
    catchUpAndCommit(primary, AUDIT, lab.orderTopicsOn(primary));
    Map<TopicPartition, Long> replicaEnd =
        endOffsets(dr, lab.replicaTopic(Lab.PRIMARY, Orders.TOPIC));
    replicaEnd.values().removeIf(end -> end == 0); // nothing consumed there: nothing to translate
    Map<TopicPartition, OffsetAndMetadata> processorOnDr =
        exactTranslation(lab, primary, dr, Orders.GROUP, replicaEnd);
    Map<TopicPartition, OffsetAndMetadata> auditOnDr =
        exactTranslation(lab, primary, dr, AUDIT, replicaEnd);
    LabFaults.awaitFlushed(lab);
    lab.mirrorMaker().stop();

    truth.stranded = ids(lab.producer().produce(STRANDED));
    long lastStranded =
        lab.truth().produced().stream()
            .filter(e -> truth.stranded.contains(e.eventId()))
            .mapToLong(ProducedEvent::timestamp)
            .max()
            .orElseThrow();
    truth.failoverAt = Instant.ofEpochMilli(lastStranded + 1);
    Poll.until(
        "the clock to pass the failover cutover",
        BOUND,
        () -> Instant.now().isAfter(truth.failoverAt));

    truth.back =
        replicaEnd.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    processorOnDr.put(
        truth.back,
        new OffsetAndMetadata(processorOnDr.get(truth.back).offset() - PROCESSOR_RESET_BACK));
    OffsetTranslation.commit(dr, Orders.GROUP, processorOnDr);
    OffsetTranslation.commit(dr, AUDIT, auditOnDr);
    lab.producer().repoint(dr, RATE);
    lab.producer().start(RATE);
    lab.startProcessor(dr);
    awaitMembers(dr, Orders.GROUP);
    catchUpAndCommit(dr, AUDIT, lab.orderTopicsOn(dr));
    pace();
  }

  /**
   * The runbook's failback, with a skip forward: reverse flow, quiesce, move both groups back at
   * the reverse MM2's exact translation, declare the cutover, skip {@code order-audit} {@link
   * #AUDIT_SKIPPED_FORWARD} records forward on one partition, start both groups on primary, resume
   * primary -> dr (which copies the stranded records late).
   */
  private static void failback(Lab lab, DrillTruth truth) {
    KafkaCluster primary = lab.primary();
    KafkaCluster dr = lab.dr();
    lab.startReverseFlow();
    pace();
    lab.producer().stop();
    awaitProcessed(
        lab,
        lab.truth().produced().stream()
            .filter(e -> e.cluster().equals(Lab.DR))
            .map(ProducedEvent::eventId)
            .collect(Collectors.toSet()));
    lab.awaitReplicated(dr, BOUND);
    lab.processor().stop();
    catchUpAndCommit(dr, AUDIT, lab.orderTopicsOn(dr));
    // Both groups read every record written on dr; its copies on primary end each partition.
    String replica = lab.replicaTopic(Lab.DR, Orders.TOPIC);
    Set<Integer> writtenOnDr =
        lab.truth().produced().stream()
            .filter(e -> e.cluster().equals(Lab.DR))
            .map(ProducedEvent::partition)
            .collect(Collectors.toSet());
    Map<TopicPartition, Long> replicaEnd = endOffsets(primary, replica);
    replicaEnd.keySet().removeIf(tp -> !writtenOnDr.contains(tp.partition()));
    Map<TopicPartition, OffsetAndMetadata> processorOnPrimary =
        exactTranslation(lab, dr, primary, Orders.GROUP, replicaEnd);
    Map<TopicPartition, OffsetAndMetadata> auditOnPrimary =
        exactTranslation(lab, dr, primary, AUDIT, replicaEnd);
    lab.stopReverseFlow();

    lab.producer().repoint(primary, RATE);
    truth.failbackAt = Instant.now();
    lab.producer().start(RATE);
    OffsetTranslation.commit(primary, Orders.GROUP, processorOnPrimary);
    OffsetTranslation.commit(primary, AUDIT, auditOnPrimary);
    lab.startProcessor(primary);
    awaitMembers(primary, Orders.GROUP);
    pace();

    // Skip order-audit forward where primary has the most records past its position.
    Map<TopicPartition, Long> committed = OffsetTranslation.committed(primary, AUDIT);
    Map<TopicPartition, Long> end = new HashMap<>();
    committed.keySet().forEach(tp -> end.putAll(endOffsets(primary, tp.topic())));
    truth.forward =
        committed.keySet().stream()
            .max(Comparator.comparingLong(tp -> end.get(tp) - committed.get(tp)))
            .orElseThrow();
    if (end.get(truth.forward) - committed.get(truth.forward) < AUDIT_SKIPPED_FORWARD) {
      throw new AssertionError(
          "no partition has "
              + AUDIT_SKIPPED_FORWARD
              + " records past order-audit's position: "
              + committed);
    }
    OffsetTranslation.commit(
        primary,
        AUDIT,
        Map.of(
            truth.forward,
            new OffsetAndMetadata(committed.get(truth.forward) + AUDIT_SKIPPED_FORWARD)));
    catchUpAndCommit(primary, AUDIT, lab.orderTopicsOn(primary));
    // Only now, with both groups started on primary, does primary -> dr resume (the runbook's
    // order). Its group offset sync writes the idle groups' offsets on dr, which the reconciler
    // would otherwise take for their last position there.
    lab.mirrorMaker().start();

    lab.producer().stop();
    lab.awaitReplicated(primary, BOUND);
    LabFaults.awaitMirrored(lab);
    awaitCaughtUp(lab, primary);
    lab.processor().stop();
  }

  /**
   * The processor's commits on {@code cluster} reach the end of every partition it reads: it has
   * handled every record there, and what it did not process it never will.
   */
  private static void awaitCaughtUp(Lab lab, KafkaCluster cluster) {
    Poll.until(
        "order-processor to commit the end of its topics on " + cluster.alias(),
        BOUND,
        () -> {
          Map<TopicPartition, Long> committed = OffsetTranslation.committed(cluster, Orders.GROUP);
          return lab.orderTopicsOn(cluster).stream()
              .filter(cluster::topicExists)
              .flatMap(t -> endOffsets(cluster, t).entrySet().stream())
              .allMatch(
                  e ->
                      e.getValue() == 0 || committed.getOrDefault(e.getKey(), -1L) >= e.getValue());
        });
  }

  /**
   * Every event produced so far but those never processed or recorded by hand with another amount.
   */
  static Set<String> expectedProcessed(Lab lab, DrillTruth truth) {
    Set<String> ids = ids(lab.truth().produced());
    ids.removeAll(truth.neverProcessed);
    ids.removeAll(truth.altered);
    return ids;
  }

  /** Every event ID the lab's producers had acknowledged, once each. */
  static Set<String> producedIds(Lab lab) {
    return LabFaults.ids(lab.truth().produced());
  }

  private static void pace() {
    // The workload runs for a fixed time by design: this paces the drill, it waits for no
    // condition.
    LockSupport.parkNanos(PHASE.toNanos());
  }
}
