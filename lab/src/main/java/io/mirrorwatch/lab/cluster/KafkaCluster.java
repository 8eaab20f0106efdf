package io.mirrorwatch.lab.cluster;

import io.mirrorwatch.lab.poll.Poll;
import io.mirrorwatch.lab.process.ChildClasspath;
import io.mirrorwatch.lab.process.ChildJvm;
import io.mirrorwatch.lab.process.ChildLogging;
import io.mirrorwatch.lab.process.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * One Kafka cluster of the lab: a single KRaft node (broker and controller combined) in a child
 * JVM, run from Kafka's own {@code kafka.Kafka} with storage formatted by {@code
 * kafka.tools.StorageTool}.
 *
 * <p>Its ports and data directory are fixed at construction, so a killed cluster restarts with the
 * same address and the data it had written to disk.
 */
public final class KafkaCluster implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

  /** Broker heap ({@code -Xmx}); large estates (the benchmark's 10,000 partitions) raise it. */
  public static final String BROKER_HEAP_PROPERTY = "mirrorwatch.lab.brokerHeap";

  private final String alias;
  private final int brokerPort;
  private final int controllerPort;
  private final Path dir;
  private final ChildJvm jvm;
  private Admin admin;

  public KafkaCluster(String alias, Path labDir) {
    this.alias = alias;
    this.brokerPort = Ports.freePort();
    this.controllerPort = Ports.freePort();
    this.dir = labDir.resolve(alias);
    Path config = dir.resolve("server.properties");
    try {
      Files.createDirectories(dir);
      writeConfig(config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    format(config, labDir);
    this.jvm =
        new ChildJvm(
            alias + "-broker",
            ChildClasspath.resolve(),
            withLogging(labDir),
            "kafka.Kafka",
            List.of(config.toString()),
            labDir);
  }

  public String alias() {
    return alias;
  }

  public String bootstrapServers() {
    return Ports.LOOPBACK + ":" + brokerPort;
  }

  /** Client properties for this cluster, with short deadlines so a dead cluster fails fast. */
  public Map<String, Object> clientProperties() {
    return Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
  }

  public ChildJvm process() {
    return jvm;
  }

  public synchronized Admin admin() {
    if (admin == null) {
      admin = Admin.create(clientProperties());
    }
    return admin;
  }

  /** Starts the broker and returns once it answers a metadata request. */
  public void start() {
    jvm.start();
    awaitReady();
  }

  public void awaitReady() {
    try {
      Poll.until(
          alias + " broker to answer on " + bootstrapServers(),
          READY_TIMEOUT,
          () -> {
            if (!jvm.isAlive()) {
              throw new IllegalStateException(alias + " broker exited: " + jvm.exitCode());
            }
            return answers(Duration.ofSeconds(3));
          });
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          e.getMessage() + "\n--- " + jvm.logFile() + "\n" + jvm.tail(40), e);
    }
  }

  /** True if the cluster returns its node list within {@code deadline}. */
  public boolean answers(Duration deadline) {
    try {
      return !admin()
          .describeCluster()
          .nodes()
          .get(deadline.toMillis(), TimeUnit.MILLISECONDS)
          .isEmpty();
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** SIGKILL: the data centre is gone. Data already on disk survives for {@link #restart()}. */
  public void kill() {
    jvm.kill();
  }

  public void restart() {
    start();
  }

  public void createTopic(String topic, int partitions) {
    try {
      admin()
          .createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create " + topic + " on " + alias, e.getCause());
      }
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException("cannot create " + topic + " on " + alias, e);
    }
  }

  public boolean topicExists(String topic) {
    try {
      return admin().listTopics().names().get(10, TimeUnit.SECONDS).contains(topic);
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public synchronized void close() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(2));
      admin = null;
    }
    jvm.kill();
  }

  private void writeConfig(Path config) throws IOException {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.voters", "1@" + Ports.LOOPBACK + ":" + controllerPort);
    p.setProperty(
        "listeners",
        "PLAINTEXT://"
            + Ports.LOOPBACK
            + ":"
            + brokerPort
            + ",CONTROLLER://"
            + Ports.LOOPBACK
            + ":"
            + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://" + bootstrapServers());
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    p.setProperty("log.dirs", dir.resolve("data").toString());
    p.setProperty("num.partitions", "3");
    // A single node: every internal topic has one replica.
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", "5");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    p.setProperty("auto.create.topics.enable", "false");
    try (var out = Files.newBufferedWriter(config)) {
      p.store(out, "mirrorwatch lab cluster " + alias);
    }
  }

  private void format(Path config, Path labDir) {
    ChildJvm storageTool =
        new ChildJvm(
            alias + "-format",
            ChildClasspath.resolve(),
            withLogging(labDir),
            "kafka.tools.StorageTool",
            List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()),
            labDir);
    storageTool.start();
    Optional<Integer> exit =
        Poll.until(
            "storage of " + alias + " to be formatted",
            Duration.ofSeconds(60),
            () -> storageTool.isAlive() ? Optional.empty() : Optional.of(storageTool.exitCode()));
    if (exit.isEmpty() || exit.get() != 0) {
      throw new IllegalStateException("formatting " + alias + " failed:\n" + storageTool.tail(30));
    }
  }

  private static List<String> withLogging(Path labDir) {
    List<String> options =
        List.of(
            "-Xms128m",
            "-Xmx" + System.getProperty(BROKER_HEAP_PROPERTY, "512m"),
            "-XX:+UseSerialGC",
            "-Djava.awt.headless=true");
    return concat(options, ChildLogging.jvmOption(labDir));
  }

  static List<String> concat(List<String> options, String extra) {
    return java.util.stream.Stream.concat(options.stream(), java.util.stream.Stream.of(extra))
        .toList();
  }
}
