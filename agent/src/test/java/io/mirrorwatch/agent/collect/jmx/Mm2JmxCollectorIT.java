package io.mirrorwatch.agent.collect.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mirrorwatch.agent.collect.CollectException;
import io.mirrorwatch.agent.model.Mm2JmxSnapshot;
import io.mirrorwatch.lab.Lab;
import io.mirrorwatch.lab.LabExtension;
import io.mirrorwatch.lab.poll.Poll;
import io.mirrorwatch.lab.workload.Orders;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@link Mm2JmxCollector} against the lab's real MirrorMaker 2 (primary -> dr): the names and
 * labels it produces, and that a frozen or stopped MM2 makes a scrape fail within its deadline.
 * Each test leaves MM2 running and thawed, whatever happens.
 */
@ExtendWith({Mm2JmxCollectorIT.RmiTimeoutsFirst.class, LabExtension.class})
class Mm2JmxCollectorIT {
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final Duration SCRAPE_DEADLINE = Duration.ofSeconds(5);
  private static final String LATENCY =
      "kafka_connect_mirror_mirrorsourceconnector_replication_latency_ms";
  private static final String CHECKPOINT_LATENCY =
      "kafka_connect_mirror_mirrorcheckpointconnector_checkpoint_latency_ms";
  private static final List<String> CONNECTORS =
      List.of("MirrorSourceConnector", "MirrorCheckpointConnector", "MirrorHeartbeatConnector");

  /** As the agent does at start: before the lab's first JMX call initialises RMI in this JVM. */
  static final class RmiTimeoutsFirst implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      RmiTimeouts.apply(SCRAPE_DEADLINE);
    }
  }

  @Test
  void runningMirrorMakerShowsRunningConnectorsTasksAndLatencyUnderStrimziNames(Lab lab) {
    lab.startProcessor(lab.primary()); // a consumer group, so the checkpoint connector has work
    try (Mm2JmxCollector collector = collectorFor(lab)) {
      lab.producer().produce(50);

      JmxScrape scrape =
          Poll.until(
              "a scrape showing all connectors and tasks running and replication latency",
              DEADLINE,
              () -> scrapeOnce(collector).filter(Mm2JmxCollectorIT::showsHealthyFlow));

      Mm2JmxSnapshot snapshot = scrape.snapshot();
      CONNECTORS.forEach(c -> assertThat(snapshot.connectorStatus()).containsEntry(c, "running"));
      CONNECTORS.forEach(
          c -> assertThat(snapshot.taskStates().get(c).getOrDefault("running", 0)).isPositive());
      assertThat(snapshot.replicationLatencyMs()).isNotEmpty().allMatch(ms -> ms >= 0);
      assertThat(labelsOf(scrape, LATENCY))
          .anySatisfy(
              l -> {
                assertThat(l.get("topic")).isEqualTo("primary.orders");
                assertThat(l.get("source")).isEqualTo(Lab.PRIMARY);
                assertThat(l.get("target")).isEqualTo(Lab.DR);
                assertThat(l.get("partition")).matches("[0-9]+");
              });
      assertThat(labelsOf(scrape, CHECKPOINT_LATENCY))
          .anySatisfy(l -> assertThat(l.get("group")).isEqualTo(Orders.GROUP));
      assertThat(scrape.raw().stream())
          .allMatch(s -> s.getMetadata().getPrometheusName().startsWith("kafka_connect_"));
      System.out.printf(
          "[Mm2JmxCollectorIT] statuses %s, tasks %s, latency %s, %d raw metric families%n",
          snapshot.connectorStatus(),
          snapshot.taskStates(),
          snapshot.replicationLatencyMs(),
          scrape.raw().size());
    } finally {
      lab.processor().stop();
    }
  }

  @Test
  void scrapeOfAFrozenMirrorMakerFailsWithinItsDeadline(Lab lab) {
    try (Mm2JmxCollector collector = collectorFor(lab)) {
      Poll.until("MM2 to answer JMX", DEADLINE, () -> scrapeOnce(collector));
      lab.mirrorMaker().process().freeze();
      try {
        long start = System.nanoTime();
        assertThatThrownBy(() -> collector.scrape(Duration.ofSeconds(2)))
            .isInstanceOf(CollectException.class)
            .hasMessageContaining("timed out after 2 s");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println(
            "[Mm2JmxCollectorIT] frozen MM2: scrape failed after " + took.toMillis() + " ms");
        assertThat(took).isLessThan(Duration.ofSeconds(4));

        // The abandoned scrape thread is still blocked in RMI; RmiTimeouts must end it (without
        // them it would wait 60 s for the handshake or for ever for a reply) while MM2 stays
        // frozen.
        Poll.until(
            "the abandoned scrape thread to be ended by the RMI timeouts",
            Duration.ofSeconds(20),
            () -> !failureOf(collector, Duration.ofSeconds(1)).contains("not started"));
        System.out.println(
            "[Mm2JmxCollectorIT] frozen MM2: abandoned scrape thread ended "
                + Duration.ofNanos(System.nanoTime() - start).toMillis()
                + " ms after the scrape began");
      } finally {
        lab.mirrorMaker().process().thaw();
      }
    }
  }

  @Test
  void scrapeOfAStoppedMirrorMakerFailsAtOnceWithTheReason(Lab lab) {
    try (Mm2JmxCollector collector = collectorFor(lab)) {
      lab.mirrorMaker().stop();
      try {
        long start = System.nanoTime();
        assertThatThrownBy(() -> collector.scrape(SCRAPE_DEADLINE))
            .isInstanceOf(CollectException.class)
            .hasMessageContaining("failed: java.net.ConnectException: Connection refused")
            .hasMessageNotContaining("\n");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println(
            "[Mm2JmxCollectorIT] stopped MM2: scrape failed after " + took.toMillis() + " ms");
        assertThat(took).isLessThan(Duration.ofSeconds(2));
      } finally {
        lab.mirrorMaker().start();
      }
    }
  }

  private static Mm2JmxCollector collectorFor(Lab lab) {
    return new Mm2JmxCollector(lab.mirrorMaker().jmxUrl(), Lab.PRIMARY, Lab.DR);
  }

  /** One scrape for {@link Poll}: a failure is "not yet", carried as the exception's message. */
  private static Optional<JmxScrape> scrapeOnce(Mm2JmxCollector collector) {
    try {
      return Optional.of(collector.scrape(SCRAPE_DEADLINE));
    } catch (CollectException e) {
      throw new IllegalStateException(e.getMessage());
    }
  }

  /** The message of a scrape that is expected to fail. */
  private static String failureOf(Mm2JmxCollector collector, Duration deadline) {
    try {
      collector.scrape(deadline);
      throw new AssertionError("scrape of a frozen MM2 succeeded");
    } catch (CollectException e) {
      return e.getMessage();
    }
  }

  private static boolean showsHealthyFlow(JmxScrape scrape) {
    Mm2JmxSnapshot s = scrape.snapshot();
    return CONNECTORS.stream()
            .allMatch(
                c ->
                    "running".equals(s.connectorStatus().get(c))
                        && s.taskStates().getOrDefault(c, Map.of()).getOrDefault("running", 0) >= 1)
        && !s.replicationLatencyMs().isEmpty()
        && !labelsOf(scrape, LATENCY).isEmpty()
        && !labelsOf(scrape, CHECKPOINT_LATENCY).isEmpty();
  }

  private static List<Labels> labelsOf(JmxScrape scrape, String name) {
    return scrape.raw().stream()
        .filter(s -> s.getMetadata().getPrometheusName().equals(name))
        .filter(GaugeSnapshot.class::isInstance)
        .flatMap(s -> s.getDataPoints().stream())
        .map(DataPointSnapshot::getLabels)
        .toList();
  }
}
