package io.mirrorwatch.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.agent.config.Thresholds;
import io.mirrorwatch.agent.export.AgentSnapshot;
import io.mirrorwatch.agent.export.MetricsPublisher;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AgentCycleTest {
  private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
  private final MetricsPublisher metrics =
      new MetricsPublisher(() -> MetricSnapshots.builder().build(), Thresholds.defaults());
  private final AgentSnapshot initial = AgentSnapshot.empty(T0);
  private final AtomicReference<AgentSnapshot> published = new AtomicReference<>(initial);

  @Test
  void aFailedCycleIsCountedKeepsThePreviousSnapshotAndTheNextCycleRuns() {
    AgentSnapshot next =
        new AgentSnapshot(T0.plusSeconds(20), List.of(), Map.of("primary", true), List.of());
    List<Supplier<AgentSnapshot>> cycles =
        List.of(
            () -> {
              throw new IllegalStateException("bug in a rule");
            },
            () -> next);
    int[] turn = {0};
    AgentCycle cycle =
        new AgentCycle(
            () -> cycles.get(turn[0]++).get(), metrics, published, Clock.fixed(T0, ZoneOffset.UTC));
    assertThat(cycleFailures()).isEqualTo(0.0);

    cycle.run();
    assertThat(cycleFailures()).isEqualTo(1.0);
    assertThat(published.get()).isSameAs(initial);

    cycle.run();
    assertThat(published.get()).isSameAs(next);
    assertThat(cycleFailures()).isEqualTo(1.0);
    assertThat(metrics.scrape()).contains("mirrorwatch_cluster_up{cluster=\"primary\"} 1");
  }

  private double cycleFailures() {
    return metrics
        .scrape()
        .lines()
        .filter(l -> l.startsWith("mirrorwatch_cycle_failures_total "))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError("no mirrorwatch_cycle_failures_total in\n" + metrics.scrape()));
  }
}
