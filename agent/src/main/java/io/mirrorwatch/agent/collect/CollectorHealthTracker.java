package io.mirrorwatch.agent.collect;

import io.mirrorwatch.agent.model.CollectorHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs collector steps and keeps the duration, error count and last success of every (collector,
 * cluster); thread-safe. Time comes from the injected clock only.
 */
public final class CollectorHealthTracker {
  private final Map<String, CollectorHealth> entries = new TreeMap<>();
  private final Clock clock;

  public CollectorHealthTracker(Clock clock) {
    this.clock = clock;
  }

  /** A collector step that may fail. */
  public interface Step {
    void run() throws CollectException;
  }

  /**
   * Runs {@code step} and records its duration and outcome; never throws. On failure {@code
   * onError} gets the one-line message, so the caller can mark its last good data stale.
   */
  public void run(String collector, String cluster, Step step, Consumer<String> onError) {
    Instant start = clock.instant();
    try {
      step.run();
      Instant end = clock.instant();
      succeeded(collector, cluster, Duration.between(start, end), end);
    } catch (CollectException e) {
      failed(collector, cluster, Duration.between(start, clock.instant()), e.getMessage());
      onError.accept(e.getMessage());
    } catch (RuntimeException e) {
      // A bug or an unexpected client error must not kill the loop: count it and keep serving.
      String message = Deadlines.rootCauseLine(e);
      failed(collector, cluster, Duration.between(start, clock.instant()), message);
      onError.accept(message);
    }
  }

  public synchronized void succeeded(String collector, String cluster, Duration took, Instant at) {
    CollectorHealth old = get(collector, cluster);
    entries.put(
        key(collector, cluster),
        new CollectorHealth(
            collector, cluster, took, old.errors(), Optional.of(at), Optional.empty()));
  }

  public synchronized void failed(String collector, String cluster, Duration took, String error) {
    CollectorHealth old = get(collector, cluster);
    entries.put(
        key(collector, cluster),
        new CollectorHealth(
            collector, cluster, took, old.errors() + 1, old.lastSuccess(), Optional.of(error)));
  }

  public synchronized List<CollectorHealth> all() {
    return new ArrayList<>(entries.values());
  }

  private CollectorHealth get(String collector, String cluster) {
    return entries.getOrDefault(
        key(collector, cluster),
        new CollectorHealth(
            collector, cluster, Duration.ZERO, 0, Optional.empty(), Optional.empty()));
  }

  private static String key(String collector, String cluster) {
    return collector + "\u0000" + cluster;
  }
}
