package io.mirrorwatch.lab.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the workload really did: every acknowledged produce and every delivery to the consumer
 * group. Tests and drills compare mirrorwatch's findings against it. Thread-safe; snapshots are
 * copies.
 */
public final class GroundTruth {
  private final List<ProducedEvent> produced = new ArrayList<>();
  private final List<ProcessedEvent> deliveries = new ArrayList<>();
  private long failedSends;

  synchronized void produced(ProducedEvent event) {
    produced.add(event);
  }

  synchronized void delivered(ProcessedEvent event) {
    deliveries.add(event);
  }

  synchronized void sendFailed() {
    failedSends++;
  }

  public synchronized List<ProducedEvent> produced() {
    return List.copyOf(produced);
  }

  public synchronized List<ProcessedEvent> deliveries() {
    return List.copyOf(deliveries);
  }

  public synchronized long failedSends() {
    return failedSends;
  }

  /** Deliveries the consumer acted on (first sight of an event ID). */
  public synchronized List<ProcessedEvent> processed() {
    return deliveries.stream().filter(ProcessedEvent::processed).toList();
  }

  /** The newest acknowledged event per partition of {@code topic} on {@code cluster}. */
  public synchronized Map<Integer, ProducedEvent> lastProducedPerPartition(
      String cluster, String topic) {
    Map<Integer, ProducedEvent> last = new LinkedHashMap<>();
    for (ProducedEvent e : produced) {
      if (e.cluster().equals(cluster) && e.topic().equals(topic)) {
        last.merge(e.partition(), e, (a, b) -> a.offset() >= b.offset() ? a : b);
      }
    }
    return last;
  }

  public synchronized Optional<ProducedEvent> lastProduced() {
    return produced.isEmpty() ? Optional.empty() : Optional.of(produced.get(produced.size() - 1));
  }
}
