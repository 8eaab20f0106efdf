package io.mirrorwatch.agent.collect.jmx;

import io.mirrorwatch.agent.collect.CollectException;
import io.mirrorwatch.agent.model.Mm2JmxSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The MM2 JVMs that run one flow, scraped as one source. A connector and its tasks are spread over
 * the nodes, so the flow's picture is the pooled answers of the nodes that answered ({@link
 * Mm2JmxSnapshot#pool}); the scrape fails only when no node answers. Nodes are scraped one after
 * the other, each within the deadline.
 */
public final class Mm2JmxNodes implements Mm2JmxSource {
  private final List<Mm2JmxSource> nodes;

  private Mm2JmxNodes(List<Mm2JmxSource> nodes) {
    this.nodes = List.copyOf(nodes);
  }

  /** One source over {@code nodes}; a single node is returned as is. */
  public static Mm2JmxSource of(List<? extends Mm2JmxSource> nodes) {
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("no MM2 JMX node");
    }
    return nodes.size() == 1 ? nodes.get(0) : new Mm2JmxNodes(List.copyOf(nodes));
  }

  @Override
  public JmxScrape scrape(Duration deadline) throws CollectException {
    List<Mm2JmxSnapshot> snapshots = new ArrayList<>();
    List<MetricSnapshots> raw = new ArrayList<>();
    CollectException last = null;
    for (Mm2JmxSource node : nodes) {
      try {
        JmxScrape s = node.scrape(deadline);
        snapshots.add(s.snapshot());
        raw.add(s.raw());
      } catch (CollectException e) {
        last = e;
      }
    }
    if (snapshots.isEmpty()) {
      throw last;
    }
    return new JmxScrape(Mm2JmxSnapshot.pool(snapshots), RawSeries.merge(raw));
  }

  @Override
  public void close() {
    nodes.forEach(Mm2JmxSource::close);
  }
}
