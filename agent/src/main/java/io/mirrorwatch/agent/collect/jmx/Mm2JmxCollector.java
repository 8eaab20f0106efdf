package io.mirrorwatch.agent.collect.jmx;

import io.mirrorwatch.agent.collect.CollectException;
import io.prometheus.jmx.JmxCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.MalformedObjectNameException;

/**
 * Scrapes one remote MirrorMaker 2 over JMX with the Prometheus JMX exporter's {@link JmxCollector}
 * and maps the result to the snapshot of one flow (source alias -> target alias).
 *
 * <p>Deadline: JMX/RMI has no timeout of its own, so {@code collect()} runs on this collector's
 * daemon thread and the caller waits at most the deadline. Call {@link RmiTimeouts#apply} at start
 * so an abandoned scrape thread ends as well.
 *
 * <p>Invariants: at most one {@code collect()} is in flight per collector (the exporter's caches
 * and self-metric gauges are not built for concurrent scrapes); while an abandoned one is still
 * blocked, new scrapes fail at once instead of queueing behind it. A scrape succeeds only if the
 * exporter's {@code jmx_scrape_error} gauge is 0 after that very {@code collect()}, because the
 * exporter swallows connection errors and returns an empty result rather than throwing.
 */
public final class Mm2JmxCollector implements Mm2JmxSource {
  private static final String SCRAPE_ERROR_GAUGE = "jmx_scrape_error";

  /**
   * Connect's task MBeans hold an attribute whose type ({@code ConnectorType}) only exists in
   * connect-runtime, so a remote bulk read fails and the exporter retries attribute by attribute,
   * logging a WARNING each scrape. The retry returns every attribute we use; the warning is noise.
   * Held in a field because java.util.logging keeps loggers weakly.
   */
  private static final java.util.logging.Logger SCRAPER_LOG = quietScraperLog();

  private static java.util.logging.Logger quietScraperLog() {
    java.util.logging.Logger log =
        java.util.logging.Logger.getLogger("io.prometheus.jmx.JmxScraper");
    log.setLevel(java.util.logging.Level.SEVERE);
    return log;
  }

  private final String jmxUrl;
  private final Mm2SnapshotMapper mapper;
  private final JmxCollector exporter;
  // Holds only the exporter's self-metrics (jmx_scrape_error, ...): reading it never scrapes JMX.
  private final PrometheusRegistry exporterSelfMetrics = new PrometheusRegistry();
  private final ExecutorService thread;
  private final Semaphore idle = new Semaphore(1);

  public Mm2JmxCollector(String jmxUrl, String sourceAlias, String targetAlias) {
    this(jmxUrl, Optional.empty(), sourceAlias, targetAlias);
  }

  /**
   * Builds the exporter; opens no connection.
   *
   * @throws IllegalArgumentException if a credential of the form {@code ${NAME}} names an undefined
   *     environment variable, or a setting contains control characters
   */
  public Mm2JmxCollector(
      String jmxUrl, Optional<JmxCredentials> credentials, String sourceAlias, String targetAlias) {
    this.jmxUrl = Objects.requireNonNull(jmxUrl, "jmxUrl");
    this.mapper = new Mm2SnapshotMapper(sourceAlias, targetAlias);
    try {
      this.exporter = new JmxCollector(Mm2ExporterConfig.yaml(jmxUrl, credentials));
    } catch (MalformedObjectNameException e) {
      throw new IllegalStateException("built-in includeObjectNames are malformed", e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "JMX exporter rejected the settings: " + e.getMessage(), e);
    }
    // register() creates the self-metric gauges that collect() writes to (without it collect()
    // throws NullPointerException); unregistering the collector itself leaves them readable alone.
    exporter.register(exporterSelfMetrics);
    exporterSelfMetrics.unregister(exporter);
    this.thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "mirrorwatch-jmx-" + sourceAlias + "-" + targetAlias);
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public JmxScrape scrape(Duration deadline) throws CollectException {
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive: " + deadline);
    }
    if (!idle.tryAcquire()) {
      throw failure("not started: the previous scrape has not returned yet");
    }
    CompletableFuture<MetricSnapshots> result = new CompletableFuture<>();
    // Whoever claims first owns the permit: the task by starting, or the caller by giving up first.
    AtomicBoolean claimed = new AtomicBoolean();
    try {
      thread.execute(() -> collectOnce(claimed, result));
    } catch (RejectedExecutionException e) {
      idle.release();
      throw failure("not started: collector closed");
    }
    try {
      MetricSnapshots all = result.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
      return new JmxScrape(mapper.snapshot(all), Mm2SnapshotMapper.kafkaConnectSeries(all));
    } catch (TimeoutException e) {
      giveUp(claimed);
      throw failure("timed out after " + format(deadline) + " (MirrorMaker 2 not answering)");
    } catch (InterruptedException e) {
      giveUp(claimed);
      Thread.currentThread().interrupt();
      throw failure("interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CollectException scrapeFailure) {
        throw scrapeFailure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw failure("failed: " + e.getCause());
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }

  private void collectOnce(AtomicBoolean claimed, CompletableFuture<MetricSnapshots> result) {
    if (!claimed.compareAndSet(false, true)) {
      return; // the caller gave up before this started, and released the permit
    }
    try {
      ExporterFailureLog.clear();
      MetricSnapshots all = exporter.collect();
      if (scrapeErrorReported()) {
        result.completeExceptionally(
            failure(
                "failed: "
                    + ExporterFailureLog.lastFailure().orElse("(the exporter gave no reason)")));
      } else {
        result.complete(all);
      }
    } catch (Throwable t) {
      result.completeExceptionally(t);
    } finally {
      idle.release();
    }
  }

  private void giveUp(AtomicBoolean claimed) {
    if (claimed.compareAndSet(false, true)) {
      idle.release();
    }
  }

  /** True unless the exporter reported {@code jmx_scrape_error 0}; a missing gauge is an error. */
  private boolean scrapeErrorReported() {
    for (MetricSnapshot s : exporterSelfMetrics.scrape()) {
      if (s instanceof GaugeSnapshot gauge
          && gauge.getMetadata().getPrometheusName().equals(SCRAPE_ERROR_GAUGE)
          && !gauge.getDataPoints().isEmpty()) {
        return gauge.getDataPoints().get(0).getValue() != 0;
      }
    }
    return true;
  }

  private CollectException failure(String what) {
    return new CollectException("JMX scrape of " + jmxUrl + " " + what);
  }

  private static String format(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
