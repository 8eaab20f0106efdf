package io.mirrorwatch.lab.mm2;

import io.mirrorwatch.common.replication.PolicyKind;
import io.mirrorwatch.lab.cluster.KafkaCluster;
import io.mirrorwatch.lab.poll.Poll;
import io.mirrorwatch.lab.process.ChildClasspath;
import io.mirrorwatch.lab.process.ChildJvm;
import io.mirrorwatch.lab.process.ChildLogging;
import io.mirrorwatch.lab.process.Ports;
import io.mirrorwatch.lab.workload.Orders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A dedicated-mode MirrorMaker 2 ({@code org.apache.kafka.connect.mirror.MirrorMaker}) replicating
 * one flow, source -> target, run with {@code --clusters <target>} so that a forward and a reverse
 * MM2 never register the same connector MBeans. Remote JMX is on, unauthenticated, on loopback, as
 * an operator would run it for a scraper.
 *
 * <p>Replication settings are short so tests see effects in seconds: heartbeats, checkpoints and
 * group offset sync every second, Connect offsets flushed every second.
 */
public final class MirrorMakerProcess implements AutoCloseable {
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private final KafkaCluster source;
  private final KafkaCluster target;
  private final List<String> topics;
  private final Path labDir;
  private final int jmxPort;
  private PolicyKind policy;
  private ChildJvm jvm;

  public MirrorMakerProcess(
      KafkaCluster source,
      KafkaCluster target,
      List<String> topics,
      PolicyKind policy,
      Path labDir) {
    this.source = source;
    this.target = target;
    this.topics = List.copyOf(topics);
    this.policy = policy;
    this.labDir = labDir;
    this.jmxPort = Ports.freePort();
  }

  public String name() {
    return "mm2-" + source.alias() + "-to-" + target.alias();
  }

  public KafkaCluster source() {
    return source;
  }

  public KafkaCluster target() {
    return target;
  }

  public PolicyKind policy() {
    return policy;
  }

  public String jmxUrl() {
    return "service:jmx:rmi:///jndi/rmi://" + Ports.LOOPBACK + ":" + jmxPort + "/jmxrmi";
  }

  public ChildJvm process() {
    if (jvm == null) {
      throw new IllegalStateException(name() + " was never started");
    }
    return jvm;
  }

  public boolean isRunning() {
    return jvm != null && jvm.isAlive();
  }

  /** Starts MM2 and returns once its source connector reports RUNNING over remote JMX. */
  public synchronized void start() {
    Path config = labDir.resolve(name() + ".properties");
    writeConfig(config);
    if (jvm == null) {
      jvm =
          new ChildJvm(
              name(),
              ChildClasspath.resolve(),
              jvmOptions(),
              "org.apache.kafka.connect.mirror.MirrorMaker",
              List.of(config.toString(), "--clusters", target.alias()),
              labDir);
    }
    jvm.start();
    awaitConnectorRunning("MirrorSourceConnector");
  }

  /** SIGTERM: MM2 commits its offsets and stops. */
  public synchronized void stop() {
    if (jvm != null) {
      jvm.stop(STOP_GRACE);
    }
  }

  /** SIGKILL: MM2 dies without flushing; a restarted one copies again what it had not flushed. */
  public synchronized void kill() {
    if (jvm != null) {
      jvm.kill();
    }
  }

  /** Restarts MM2 under another replication policy. */
  public synchronized void switchPolicy(PolicyKind newPolicy) {
    boolean wasRunning = isRunning();
    stop();
    this.policy = newPolicy;
    if (wasRunning) {
      start();
    }
  }

  @Override
  public synchronized void close() {
    if (jvm != null) {
      jvm.kill();
    }
  }

  /** Reads one attribute over remote JMX; for lab checks, not for the agent. */
  // BanJNDI: remote JMX is RMI, but the peer is the MM2 child JVM this class started on loopback.
  @SuppressWarnings("BanJNDI")
  public Object jmxAttribute(ObjectName name, String attribute) throws Exception {
    try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(jmxUrl()))) {
      MBeanServerConnection connection = connector.getMBeanServerConnection();
      return connection.getAttribute(name, attribute);
    }
  }

  /** Names matching a pattern over remote JMX, e.g. {@code kafka.connect.mirror:*}. */
  // BanJNDI: remote JMX is RMI, but the peer is the MM2 child JVM this class started on loopback.
  @SuppressWarnings("BanJNDI")
  public java.util.Set<ObjectName> jmxNames(String pattern) throws Exception {
    try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(jmxUrl()))) {
      return connector.getMBeanServerConnection().queryNames(new ObjectName(pattern), null);
    }
  }

  private void awaitConnectorRunning(String connector) {
    try {
      Poll.until(
          name() + " " + connector + " to be running",
          Duration.ofSeconds(120),
          () -> {
            if (!jvm.isAlive()) {
              throw new IllegalStateException(name() + " exited: " + jvm.exitCode());
            }
            try {
              ObjectName bean =
                  new ObjectName("kafka.connect:type=connector-metrics,connector=" + connector);
              return "running".equals(String.valueOf(jmxAttribute(bean, "status")));
            } catch (Exception e) {
              return false;
            }
          });
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          e.getMessage() + "\n--- " + jvm.logFile() + "\n" + jvm.tail(40), e);
    }
  }

  private List<String> jvmOptions() {
    return List.of(
        "-Xms128m",
        "-Xmx512m",
        "-XX:+UseSerialGC",
        "-Djava.awt.headless=true",
        ChildLogging.jvmOption(labDir),
        "-Dcom.sun.management.jmxremote",
        "-Dcom.sun.management.jmxremote.port=" + jmxPort,
        "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
        "-Dcom.sun.management.jmxremote.host=" + Ports.LOOPBACK,
        "-Dcom.sun.management.jmxremote.authenticate=false",
        "-Dcom.sun.management.jmxremote.ssl=false",
        "-Djava.rmi.server.hostname=" + Ports.LOOPBACK);
  }

  /**
   * The runbook's cycle block (section 4.2) for {@code IdentityReplicationPolicy}, where a copy
   * keeps its topic's name and MM2 cannot tell it from an original: the flow drops every record
   * whose provenance header says it was written on the flow's target, so a copy never goes back
   * where it came from. Connect's own {@code Filter} transform with the {@code HasHeaderKey}
   * predicate (connect-transforms, a dependency of connect-runtime); MM2 hands {@code
   * <flow>.transforms} and {@code <flow>.predicates} to the flow's connectors, whose worker applies
   * them to every record. A dropped record still advances MM2's source offset, but gets no offset
   * sync.
   */
  private static void blockCycle(Properties p, String flow, String targetAlias) {
    p.setProperty(flow + "transforms", "dropWrittenOnTarget");
    p.setProperty(
        flow + "transforms.dropWrittenOnTarget.type", "org.apache.kafka.connect.transforms.Filter");
    p.setProperty(flow + "transforms.dropWrittenOnTarget.predicate", "writtenOnTarget");
    p.setProperty(flow + "predicates", "writtenOnTarget");
    p.setProperty(
        flow + "predicates.writtenOnTarget.type",
        "org.apache.kafka.connect.transforms.predicates.HasHeaderKey");
    p.setProperty(flow + "predicates.writtenOnTarget.name", Orders.writtenOnHeader(targetAlias));
  }

  private void writeConfig(Path file) {
    String s = source.alias();
    String t = target.alias();
    Properties p = new Properties();
    p.setProperty("clusters", s + "," + t);
    p.setProperty(s + ".bootstrap.servers", source.bootstrapServers());
    p.setProperty(t + ".bootstrap.servers", target.bootstrapServers());
    p.setProperty(s + "->" + t + ".enabled", "true");
    p.setProperty(s + "->" + t + ".topics", String.join(",", topics));
    p.setProperty(t + "->" + s + ".enabled", "false");
    p.setProperty("replication.policy.class", policy.className());
    if (policy == PolicyKind.IDENTITY) {
      blockCycle(p, s + "->" + t + ".", t);
    }
    for (String rf :
        List.of(
            "replication.factor",
            "checkpoints.topic.replication.factor",
            "heartbeats.topic.replication.factor",
            "offset-syncs.topic.replication.factor",
            "offset.storage.replication.factor",
            "status.storage.replication.factor",
            "config.storage.replication.factor")) {
      p.setProperty(rf, "1");
    }
    p.setProperty("emit.heartbeats.interval.seconds", "1");
    p.setProperty("emit.checkpoints.interval.seconds", "1");
    p.setProperty("sync.group.offsets.enabled", "true");
    p.setProperty("sync.group.offsets.interval.seconds", "1");
    p.setProperty("refresh.topics.interval.seconds", "2");
    p.setProperty("refresh.groups.interval.seconds", "2");
    p.setProperty("sync.topic.acls.enabled", "false");
    // Worker settings need the cluster prefix in dedicated mode: a bare key is ignored.
    p.setProperty(t + ".offset.flush.interval.ms", "1000");
    try (var out = Files.newBufferedWriter(file)) {
      p.store(out, "mirrorwatch lab MirrorMaker 2 " + s + " -> " + t);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
