package io.mirrorwatch.agent.collect;

import io.mirrorwatch.agent.model.Mm2JmxSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * One MM2 JMX endpoint. The narrow interface the pipeline sees; the JMX exporter's collector stays
 * behind it.
 */
public interface JmxProbe extends AutoCloseable {
  /** One scrape within the configured deadline, or a one-line failure. */
  Result scrape() throws CollectException;

  @Override
  default void close() {}

  /** The MM2 state for evaluation, and the raw series (Strimzi names) to re-expose on /metrics. */
  record Result(Mm2JmxSnapshot snapshot, MetricSnapshots raw) {}
}
