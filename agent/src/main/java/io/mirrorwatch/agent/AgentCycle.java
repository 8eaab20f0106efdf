package io.mirrorwatch.agent;

import io.mirrorwatch.agent.export.AgentSnapshot;
import io.mirrorwatch.agent.export.MetricsPublisher;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One turn of the agent's loop: run a cycle, publish its metrics, then its snapshot. A cycle that
 * throws publishes nothing: it is logged, counted in {@code mirrorwatch_cycle_failures_total}, the
 * previous snapshot stays served, and the next turn runs as usual (a scheduled task that threw
 * would never run again).
 */
final class AgentCycle implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(AgentCycle.class);

  private final Supplier<AgentSnapshot> cycle;
  private final MetricsPublisher metrics;
  private final AtomicReference<AgentSnapshot> published;
  private final Clock clock;

  AgentCycle(
      Supplier<AgentSnapshot> cycle,
      MetricsPublisher metrics,
      AtomicReference<AgentSnapshot> published,
      Clock clock) {
    this.cycle = cycle;
    this.metrics = metrics;
    this.published = published;
    this.clock = clock;
  }

  @Override
  public void run() {
    try {
      AgentSnapshot s = cycle.get();
      metrics.publish(s, clock.instant());
      published.set(s);
    } catch (RuntimeException e) {
      metrics.cycleFailed();
      LOG.error("collect cycle failed; serving the previous data", e);
    }
  }
}
