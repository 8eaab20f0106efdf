package io.mirrorwatch.agent.collect.jmx;

import io.mirrorwatch.agent.model.Mm2JmxSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Objects;

/**
 * One successful scrape of MirrorMaker 2's JMX.
 *
 * @param snapshot what evaluation needs, for this collector's flow only
 * @param raw every {@code kafka_connect_*} series the scrape produced, under Strimzi's names, for
 *     re-exposition on the agent's {@code /metrics}; never the exporter's own {@code jmx_*}
 *     self-metrics
 */
public record JmxScrape(Mm2JmxSnapshot snapshot, MetricSnapshots raw) {
  public JmxScrape {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(raw, "raw");
  }
}
