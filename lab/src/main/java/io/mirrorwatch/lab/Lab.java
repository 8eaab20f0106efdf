package io.mirrorwatch.lab;

import io.mirrorwatch.common.replication.PolicyKind;
import io.mirrorwatch.common.replication.Replication;
import io.mirrorwatch.lab.cluster.KafkaCluster;
import io.mirrorwatch.lab.cluster.TopicReader;
import io.mirrorwatch.lab.mm2.MirrorMakerProcess;
import io.mirrorwatch.lab.mm2.OffsetTranslation;
import io.mirrorwatch.lab.poll.Poll;
import io.mirrorwatch.lab.workload.GroundTruth;
import io.mirrorwatch.lab.workload.OrderProcessor;
import io.mirrorwatch.lab.workload.OrderProducer;
import io.mirrorwatch.lab.workload.Orders;
import io.mirrorwatch.lab.workload.ProducedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.mirror.ReplicationPolicy;

/**
 * The DR lab: cluster {@code primary}, cluster {@code dr}, a MirrorMaker 2 replicating primary ->
 * dr, an order workload, and the controls that tests and drills use. Everything runs on loopback
 * with free ports, in a temporary directory that {@link #close()} removes (set {@code
 * -Dmirrorwatch.lab.keep=true} to keep it for a post-mortem).
 */
public final class Lab implements AutoCloseable {
  public static final String PRIMARY = "primary";
  public static final String DR = "dr";
  public static final int DEFAULT_RATE = 50;

  private final Path dir;
  private final LabSpec spec;
  private final KafkaCluster primary;
  private final KafkaCluster dr;
  private final MirrorMakerProcess forward;
  private final MirrorMakerProcess reverse;
  private final GroundTruth truth = new GroundTruth();
  private final OrderProducer producer;
  private final OrderProcessor processor = new OrderProcessor(truth);
  private PolicyKind policy;

  private Lab(Path dir, LabSpec spec) {
    this.dir = dir;
    this.spec = spec;
    this.policy = spec.policy();
    this.primary = new KafkaCluster(PRIMARY, dir);
    this.dr = new KafkaCluster(DR, dir);
    List<String> topics = List.of(Orders.TOPIC);
    this.forward = new MirrorMakerProcess(primary, dr, topics, policy, dir);
    this.reverse = new MirrorMakerProcess(dr, primary, topics, policy, dir);
    this.producer = new OrderProducer(primary, truth);
  }

  /** Starts both clusters (and MM2 unless the spec says otherwise); the workload is left idle. */
  public static Lab start(LabSpec spec) {
    Path dir;
    try {
      dir = Files.createTempDirectory("mirrorwatch-lab-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Lab lab = null;
    try {
      lab = new Lab(dir, spec);
      lab.boot();
      return lab;
    } catch (RuntimeException e) {
      if (lab != null) {
        lab.close();
      } else {
        deleteTree(dir);
      }
      throw e;
    }
  }

  private void boot() {
    primary.process().start();
    dr.process().start();
    primary.awaitReady();
    dr.awaitReady();
    for (KafkaCluster c : List.of(primary, dr)) {
      c.createTopic(Orders.TOPIC, spec.partitions());
      c.createTopic(Orders.PROCESSED_TOPIC, spec.partitions());
    }
    if (spec.startMirrorMaker()) {
      forward.start();
    }
  }

  public Path dir() {
    return dir;
  }

  public KafkaCluster primary() {
    return primary;
  }

  public KafkaCluster dr() {
    return dr;
  }

  public KafkaCluster cluster(String alias) {
    return switch (alias) {
      case PRIMARY -> primary;
      case DR -> dr;
      default -> throw new IllegalArgumentException("no cluster " + alias);
    };
  }

  public KafkaCluster other(KafkaCluster cluster) {
    return cluster == primary ? dr : primary;
  }

  /** The primary -> dr MirrorMaker. */
  public MirrorMakerProcess mirrorMaker() {
    return forward;
  }

  /**
   * The dr -> primary MirrorMaker used for failback; not running until {@link #startReverseFlow()}.
   */
  public MirrorMakerProcess reverseMirrorMaker() {
    return reverse;
  }

  public OrderProducer producer() {
    return producer;
  }

  public OrderProcessor processor() {
    return processor;
  }

  public GroundTruth truth() {
    return truth;
  }

  public PolicyKind policyKind() {
    return policy;
  }

  public ReplicationPolicy policy() {
    return Replication.of(policy).byName();
  }

  /** Name on {@code target} of the replica of {@code topic} from {@code sourceAlias}. */
  public String replicaTopic(String sourceAlias, String topic) {
    return policy().formatRemoteTopic(sourceAlias, topic);
  }

  /**
   * The order topics the processor reads on {@code cluster}: local orders and the other's replica.
   */
  public List<String> orderTopicsOn(KafkaCluster cluster) {
    String replica = replicaTopic(other(cluster).alias(), Orders.TOPIC);
    return replica.equals(Orders.TOPIC) ? List.of(Orders.TOPIC) : List.of(Orders.TOPIC, replica);
  }

  /** Restarts MirrorMaker (both directions, if running) under another replication policy. */
  public void switchReplicationPolicy(PolicyKind newPolicy) {
    this.policy = newPolicy;
    forward.switchPolicy(newPolicy);
    reverse.switchPolicy(newPolicy);
  }

  /** Starts dr -> primary replication for failback. */
  public void startReverseFlow() {
    reverse.switchPolicy(policy);
    reverse.start();
  }

  public void stopReverseFlow() {
    reverse.stop();
  }

  /**
   * Waits until every record produced to {@code orders} on {@code source} is on its replica on the
   * other cluster: the last record of each replica partition carries the event ID of the last
   * acknowledged record of the matching source partition (MM2 keeps partition numbers).
   */
  public void awaitReplicated(KafkaCluster source, Duration timeout) {
    KafkaCluster target = other(source);
    String replica = replicaTopic(source.alias(), Orders.TOPIC);
    Map<Integer, ProducedEvent> expected =
        truth.lastProducedPerPartition(source.alias(), Orders.TOPIC);
    Poll.until(
        "orders on " + source.alias() + " to be replicated to " + replica + " on " + target.alias(),
        timeout,
        () -> lastEventIds(target, replica).entrySet().containsAll(eventIds(expected).entrySet()));
  }

  /** Event ID of the last record of each partition of {@code topic} on {@code cluster}. */
  public static Map<Integer, String> lastEventIds(KafkaCluster cluster, String topic) {
    Map<Integer, String> last = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r :
        TopicReader.readAll(cluster, topic, Duration.ofSeconds(30))) {
      Header h = r.headers().lastHeader(Orders.EVENT_ID_HEADER);
      if (h != null) {
        last.put(r.partition(), new String(h.value(), StandardCharsets.UTF_8));
      }
    }
    return last;
  }

  private static Map<Integer, String> eventIds(Map<Integer, ProducedEvent> events) {
    Map<Integer, String> ids = new HashMap<>();
    events.forEach((p, e) -> ids.put(p, e.eventId()));
    return ids;
  }

  /** Starts the order processor on {@code cluster}, reading that cluster's order topics. */
  public void startProcessor(KafkaCluster cluster) {
    processor.start(cluster, orderTopicsOn(cluster));
  }

  /**
   * Moves the stopped {@code order-processor} group from {@code from} to {@code to} the runbook's
   * way: wait (bounded) until MM2's checkpoints reflect the group's last commit on {@code from},
   * translate with {@code RemoteClusterUtils}, commit the result on {@code to}. Returns the offsets
   * committed; an empty map means nothing could be translated.
   */
  public Map<TopicPartition, OffsetAndMetadata> moveGroupOffsets(
      KafkaCluster from, KafkaCluster to, Duration checkpointWait) {
    ReplicationPolicy p = policy();
    try {
      Poll.until(
          "checkpoints of " + Orders.GROUP + " on " + to.alias() + " to reach its last commit",
          checkpointWait,
          () -> OffsetTranslation.checkpointsCurrent(from, to, Orders.GROUP, p));
    } catch (Poll.LabTimeoutException e) {
      // Checkpoints lag; translating the older ones is still safe (it only ever re-reads records).
    }
    Map<TopicPartition, OffsetAndMetadata> translated =
        OffsetTranslation.translate(from, to, Orders.GROUP, p);
    OffsetTranslation.commit(to, Orders.GROUP, translated);
    return translated;
  }

  /** Bootstrap addresses, JMX URL and directory, for people. */
  public String describe() {
    return String.join(
        "\n",
        "primary bootstrap.servers = " + primary.bootstrapServers(),
        "dr      bootstrap.servers = " + dr.bootstrapServers(),
        "MM2 (primary -> dr) JMX    = " + forward.jmxUrl(),
        "MM2 (dr -> primary) JMX    = " + reverse.jmxUrl() + " (failback only)",
        "replication policy         = " + policy,
        "lab directory (logs)       = " + dir);
  }

  /** Tails of every process log, for failure reports. */
  public String logTails(int lines) {
    List<String> parts = new ArrayList<>();
    parts.add("--- " + primary.process().logFile() + "\n" + primary.process().tail(lines));
    parts.add("--- " + dr.process().logFile() + "\n" + dr.process().tail(lines));
    for (MirrorMakerProcess mm : List.of(forward, reverse)) {
      Path log = dir.resolve(mm.name() + ".out");
      if (Files.exists(log)) {
        parts.add("--- " + log + "\n" + mm.process().tail(lines));
      }
    }
    return String.join("\n", parts);
  }

  @Override
  public void close() {
    producer.close();
    processor.close();
    forward.close();
    reverse.close();
    primary.close();
    dr.close();
    if (!Boolean.getBoolean("mirrorwatch.lab.keep")) {
      deleteTree(dir);
    }
  }

  /**
   * Deletes {@code root} and everything under it, best effort (also for the benchmarks' work
   * directories).
   */
  public static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | java.io.UncheckedIOException e) {
      // Best effort: a temporary directory left behind is not worth failing a test over.
    }
  }

  /** The event IDs in {@code topic} on {@code cluster}, in log order per partition. */
  public static List<String> eventIds(KafkaCluster cluster, String topic) {
    List<String> ids = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r :
        TopicReader.readAll(cluster, topic, Duration.ofSeconds(60))) {
      Optional.ofNullable(r.headers().lastHeader(Orders.EVENT_ID_HEADER))
          .ifPresent(h -> ids.add(new String(h.value(), StandardCharsets.UTF_8)));
    }
    return ids;
  }
}
