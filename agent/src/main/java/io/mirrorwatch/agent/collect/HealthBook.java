package io.mirrorwatch.agent.collect;

import io.mirrorwatch.agent.model.CollectorHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Duration, error count and last success of every (collector, cluster); thread-safe. */
public final class HealthBook {
  private final Map<String, CollectorHealth> entries = new TreeMap<>();

  public synchronized void succeeded(String collector, String cluster, Duration took, Instant at) {
    CollectorHealth old = get(collector, cluster);
    entries.put(key(collector, cluster),
        new CollectorHealth(collector, cluster, took, old.errors(), Optional.of(at), Optional.empty()));
  }

  public synchronized void failed(String collector, String cluster, Duration took, String error) {
    CollectorHealth old = get(collector, cluster);
    entries.put(key(collector, cluster),
        new CollectorHealth(collector, cluster, took, old.errors() + 1, old.lastSuccess(), Optional.of(error)));
  }

  public synchronized List<CollectorHealth> all() {
    return new ArrayList<>(entries.values());
  }

  private CollectorHealth get(String collector, String cluster) {
    return entries.getOrDefault(key(collector, cluster),
        new CollectorHealth(collector, cluster, Duration.ZERO, 0, Optional.empty(), Optional.empty()));
  }

  private static String key(String collector, String cluster) {
    return collector + "\u0000" + cluster;
  }
}
