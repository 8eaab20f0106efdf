package io.mirrorwatch.agent;

import io.mirrorwatch.agent.collect.JmxProbe;
import io.mirrorwatch.agent.config.AgentConfig;
import io.mirrorwatch.agent.config.FlowConfig;
import io.mirrorwatch.agent.export.AgentSnapshot;
import io.mirrorwatch.agent.export.HttpEndpoints;
import io.mirrorwatch.agent.export.MetricsPublisher;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running agent: a cycle every scrape interval on one scheduler thread, and the HTTP endpoints
 * serving the last published snapshot. A cycle that throws is logged and counted; the loop goes on.
 */
public final class Agent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

  private final Pipeline pipeline;
  private final MetricsPublisher metrics;
  private final HttpEndpoints http;
  private final ScheduledExecutorService scheduler;
  private final AtomicReference<AgentSnapshot> published;
  private final Clock clock;

  private Agent(AgentConfig config, Clock clock, Function<FlowConfig, List<JmxProbe>> jmxProbes) throws IOException {
    this.clock = clock;
    this.pipeline = new Pipeline(config, clock, jmxProbes);
    this.metrics = new MetricsPublisher(pipeline::rawJmx);
    this.published = new AtomicReference<>(AgentSnapshot.empty(clock.instant()));
    this.http = new HttpEndpoints(config.httpBind(), config.httpPort(), metrics, published::get,
        config.scrapeInterval().multipliedBy(3), clock);
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mirrorwatch-cycle");
      t.setDaemon(true);
      return t;
    });
    scheduler.scheduleAtFixedRate(this::cycle, 0, config.scrapeInterval().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Starts collecting at once and serving on the configured address. */
  public static Agent start(AgentConfig config, Clock clock, Function<FlowConfig, List<JmxProbe>> jmxProbes)
      throws IOException {
    return new Agent(config, clock, jmxProbes);
  }

  public int httpPort() {
    return http.port();
  }

  public AgentSnapshot snapshot() {
    return published.get();
  }

  private void cycle() {
    try {
      AgentSnapshot s = pipeline.runOnce();
      metrics.publish(s, clock.instant());
      published.set(s);
    } catch (RuntimeException e) {
      LOG.error("collect cycle failed; serving the previous data", e);
    }
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
