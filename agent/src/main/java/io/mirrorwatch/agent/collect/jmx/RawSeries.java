package io.mirrorwatch.agent.collect.jmx;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The raw MM2 series of several scrapes (nodes of one flow, or flows sharing MM2 nodes) as one
 * exposition. {@link MetricSnapshots} allows each name once, so same-named series are merged.
 */
public final class RawSeries {
  private RawSeries() {}

  /**
   * Rule: same-named gauges are merged into one, keeping the first data point of each label set
   * (two flows scraping the same node see the same series); of any other same-named kind the first
   * wins. Names keep their first-seen order.
   */
  public static MetricSnapshots merge(List<MetricSnapshots> scrapes) {
    Map<String, MetricSnapshot> byName = new LinkedHashMap<>();
    for (MetricSnapshots scrape : scrapes) {
      for (MetricSnapshot s : scrape) {
        byName.merge(s.getMetadata().getPrometheusName(), s, RawSeries::merge);
      }
    }
    MetricSnapshots.Builder b = MetricSnapshots.builder();
    byName.values().forEach(b::metricSnapshot);
    return b.build();
  }

  private static MetricSnapshot merge(MetricSnapshot a, MetricSnapshot b) {
    if (!(a instanceof GaugeSnapshot ga) || !(b instanceof GaugeSnapshot gb)) {
      return a;
    }
    GaugeSnapshot.Builder builder =
        GaugeSnapshot.builder().name(ga.getMetadata().getName()).help(ga.getMetadata().getHelp());
    Set<Labels> seen = new HashSet<>();
    for (GaugeSnapshot.GaugeDataPointSnapshot d : ga.getDataPoints()) {
      seen.add(d.getLabels());
      builder.dataPoint(d);
    }
    for (GaugeSnapshot.GaugeDataPointSnapshot d : gb.getDataPoints()) {
      if (seen.add(d.getLabels())) {
        builder.dataPoint(d);
      }
    }
    return builder.build();
  }
}
