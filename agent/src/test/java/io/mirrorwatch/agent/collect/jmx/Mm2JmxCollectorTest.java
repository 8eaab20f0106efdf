package io.mirrorwatch.agent.collect.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mirrorwatch.agent.collect.CollectException;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exporter rules and failure detection against an in-process JMX server holding MBeans named as
 * MM2 4.x names them; no Kafka, no child JVM.
 */
class Mm2JmxCollectorTest {
  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private static JMXConnectorServer server;
  private static String url;

  @BeforeAll
  static void startJmxServer() throws Exception {
    // The RMI stub must name loopback, whatever this host's name resolves to.
    System.setProperty("java.rmi.server.hostname", "127.0.0.1");
    MBeanServer mbeans = MBeanServerFactory.newMBeanServer();
    register(
        mbeans,
        "kafka.connect:type=connector-metrics,connector=MirrorSourceConnector",
        Map.of(
            "status",
            "running",
            "connector-class",
            "org.apache.kafka.connect.mirror.MirrorSourceConnector"));
    register(
        mbeans,
        "kafka.connect:type=connector-metrics,connector=MirrorHeartbeatConnector",
        Map.of("status", "paused"));
    register(
        mbeans,
        "kafka.connect:type=connector-task-metrics,connector=MirrorSourceConnector,task=0",
        Map.of("status", "running", "batch-size-avg", Double.NaN));
    register(
        mbeans,
        "kafka.connect:type=connector-task-metrics,connector=MirrorSourceConnector,task=1",
        Map.of("status", "failed"));
    register(
        mbeans,
        "kafka.connect.mirror:type=MirrorSourceConnector,source=primary,target=dr,topic=primary.orders,partition=0",
        Map.of(
            "replication-latency-ms",
            12.0,
            "replication-latency-ms-max",
            30.0,
            "record-count",
            5.0));
    register(
        mbeans,
        "kafka.connect.mirror:type=MirrorSourceConnector,source=primary,target=dr,topic=primary.orders,partition=1",
        Map.of("replication-latency-ms", Double.NaN));
    register(
        mbeans,
        "kafka.connect.mirror:type=MirrorCheckpointConnector,source=primary,target=dr,group=order-processor,topic=primary.orders,partition=0",
        Map.of("checkpoint-latency-ms", 3.0));
    register(
        mbeans,
        "kafka.producer:type=producer-metrics,client-id=p",
        Map.of("record-send-rate", 1.0));
    server =
        JMXConnectorServerFactory.newJMXConnectorServer(
            new JMXServiceURL("service:jmx:rmi://127.0.0.1"), null, mbeans);
    server.start();
    url = server.getAddress().toString();
  }

  @AfterAll
  static void stopJmxServer() throws Exception {
    server.stop();
  }

  @Test
  void rawSeriesKeepStrimziNamesWithDashesTurnedIntoUnderscores() throws Exception {
    try (Mm2JmxCollector collector = new Mm2JmxCollector(url, "primary", "dr")) {
      JmxScrape scrape = collector.scrape(DEADLINE);

      assertThat(scrape.raw().stream())
          .extracting(s -> s.getMetadata().getPrometheusName())
          .containsExactlyInAnyOrder(
              "kafka_connect_connector_status",
              "kafka_connect_connector_task_status",
              "kafka_connect_mirror_mirrorsourceconnector_replication_latency_ms",
              "kafka_connect_mirror_mirrorsourceconnector_replication_latency_ms_max",
              "kafka_connect_mirror_mirrorsourceconnector_record_count",
              "kafka_connect_mirror_mirrorcheckpointconnector_checkpoint_latency_ms");
      assertThat(
              labels(scrape, "kafka_connect_mirror_mirrorsourceconnector_replication_latency_ms"))
          .containsExactlyInAnyOrder(
              Labels.of(
                  "source", "primary", "target", "dr", "topic", "primary.orders", "partition", "0"),
              Labels.of(
                  "source",
                  "primary",
                  "target",
                  "dr",
                  "topic",
                  "primary.orders",
                  "partition",
                  "1"));
      assertThat(
              labels(
                  scrape, "kafka_connect_mirror_mirrorcheckpointconnector_checkpoint_latency_ms"))
          .containsExactly(
              Labels.of(
                  "source",
                  "primary",
                  "target",
                  "dr",
                  "group",
                  "order-processor",
                  "topic",
                  "primary.orders",
                  "partition",
                  "0"));
      assertThat(labels(scrape, "kafka_connect_connector_task_status"))
          .contains(
              Labels.of("connector", "MirrorSourceConnector", "task", "0", "status", "running"));
    }
  }

  @Test
  void snapshotCarriesStatusesTaskCountsAndFiniteLatencies() throws Exception {
    try (Mm2JmxCollector collector = new Mm2JmxCollector(url, "primary", "dr")) {
      var snapshot = collector.scrape(DEADLINE).snapshot();

      assertThat(snapshot.connectorStatus())
          .isEqualTo(
              Map.of("MirrorSourceConnector", "running", "MirrorHeartbeatConnector", "paused"));
      assertThat(snapshot.taskStates())
          .isEqualTo(Map.of("MirrorSourceConnector", Map.of("running", 1, "failed", 1)));
      assertThat(snapshot.replicationLatencyMs()).containsExactly(12.0);
    }
  }

  @Test
  void refusedConnectionIsAFailureWithAOneLineReasonNotAnEmptyScrape() throws Exception {
    String nobody = "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + unusedPort() + "/jmxrmi";
    try (Mm2JmxCollector collector = new Mm2JmxCollector(nobody, "primary", "dr")) {
      assertThatThrownBy(() -> collector.scrape(DEADLINE))
          .isInstanceOf(CollectException.class)
          .hasMessage(
              "JMX scrape of " + nobody + " failed: java.net.ConnectException: Connection refused");
    }
  }

  @Test
  void endpointThatAcceptsButNeverAnswersTimesOutAndBlocksNoQueue() throws Exception {
    // A listening socket nobody reads: the kernel completes the TCP handshake, RMI then waits for
    // a reply that never comes, as with a SIGSTOPped MirrorMaker.
    try (ServerSocket silent = new ServerSocket(0);
        Mm2JmxCollector collector =
            new Mm2JmxCollector(
                "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + silent.getLocalPort() + "/jmxrmi",
                "primary",
                "dr")) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> collector.scrape(Duration.ofMillis(500)))
          .isInstanceOf(CollectException.class)
          .hasMessageEndingWith("timed out after 500 ms (MirrorMaker 2 not answering)");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));

      assertThatThrownBy(() -> collector.scrape(Duration.ofMillis(500)))
          .isInstanceOf(CollectException.class)
          .hasMessageEndingWith("not started: the previous scrape has not returned yet");
    }
  }

  private static Iterable<Labels> labels(JmxScrape scrape, String name) {
    MetricSnapshot metric =
        scrape.raw().stream()
            .filter(s -> s.getMetadata().getPrometheusName().equals(name))
            .findFirst()
            .orElseThrow();
    return ((GaugeSnapshot) metric).getDataPoints().stream().map(p -> p.getLabels()).toList();
  }

  private static void register(MBeanServer mbeans, String name, Map<String, Object> attributes)
      throws Exception {
    mbeans.registerMBean(new FakeMBean(attributes), new ObjectName(name));
  }

  private static int unusedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
