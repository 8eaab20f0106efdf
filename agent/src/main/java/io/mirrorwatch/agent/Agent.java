package io.mirrorwatch.agent;

import io.mirrorwatch.agent.config.AgentConfig;
import io.mirrorwatch.agent.export.AgentSnapshot;
import io.mirrorwatch.agent.export.HttpEndpoints;
import io.mirrorwatch.agent.export.MetricsPublisher;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The running agent: a cycle every scrape interval on one scheduler thread, and the HTTP endpoints
 * serving the last published snapshot. A cycle that throws is logged and counted; the loop goes on
 * ({@link AgentCycle}).
 */
public final class Agent implements AutoCloseable {
  private final Pipeline pipeline;
  private final MetricsPublisher metrics;
  private final HttpEndpoints http;
  private final ScheduledExecutorService scheduler;
  private final AtomicReference<AgentSnapshot> published;

  private Agent(AgentConfig config, Clock clock, CollectorFactory collectors) throws IOException {
    this.pipeline = new Pipeline(config, clock, collectors);
    this.metrics = new MetricsPublisher(pipeline::rawJmx, config.thresholds());
    this.published = new AtomicReference<>(AgentSnapshot.empty(clock.instant()));
    this.http =
        new HttpEndpoints(
            config.httpBind(),
            config.httpPort(),
            metrics,
            published::get,
            config.scrapeInterval().multipliedBy(3),
            clock);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "mirrorwatch-cycle");
              t.setDaemon(true);
              return t;
            });
    scheduler.scheduleAtFixedRate(
        new AgentCycle(pipeline::runOnce, metrics, published, clock),
        0,
        config.scrapeInterval().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Starts collecting with the real collectors at once and serving on the configured address. */
  public static Agent start(AgentConfig config, Clock clock) throws IOException {
    return start(config, clock, new KafkaCollectors(config, clock));
  }

  /** Starts collecting with the given collectors at once and serving on the configured address. */
  public static Agent start(AgentConfig config, Clock clock, CollectorFactory collectors)
      throws IOException {
    return new Agent(config, clock, collectors);
  }

  public int httpPort() {
    return http.port();
  }

  public AgentSnapshot snapshot() {
    return published.get();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    http.close();
    pipeline.close();
  }
}
