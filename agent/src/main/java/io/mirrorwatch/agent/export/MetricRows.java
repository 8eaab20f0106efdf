package io.mirrorwatch.agent.export;

import io.mirrorwatch.agent.evaluate.Check;
import io.mirrorwatch.agent.evaluate.FlowAssessment;
import io.mirrorwatch.agent.evaluate.GroupStatus;
import io.mirrorwatch.agent.evaluate.TopicRpo;
import io.mirrorwatch.agent.model.CollectorHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Pure mapping of a snapshot to gauge rows, one list per catalogue metric. */
final class MetricRows {
  private final Map<Metric, List<MetricsPublisher.Row>> rows = new EnumMap<>(Metric.class);

  private MetricRows() {
    for (Metric m : Metric.values()) {
      if (m.kind() == Metric.Kind.GAUGE && !ThresholdRows.METRICS.contains(m)) {
        rows.put(m, new ArrayList<>());
      }
    }
  }

  static Map<Metric, List<MetricsPublisher.Row>> of(AgentSnapshot s, Instant now) {
    MetricRows r = new MetricRows();
    s.clusterUp().forEach((cluster, up) -> r.add(Metric.CLUSTER_UP, bool(up), "cluster", cluster));
    for (FlowAssessment f : s.flows()) {
      r.flow(f);
    }
    for (CollectorHealth h : s.collectors()) {
      r.add(
          Metric.COLLECT_DURATION_SECONDS,
          h.lastDuration().toMillis() / 1000.0,
          "collector",
          h.collector(),
          "cluster",
          h.cluster());
      r.add(
          Metric.DATA_AGE_SECONDS,
          h.lastSuccess().map(t -> Duration.between(t, now).toMillis() / 1000.0).orElse(Double.NaN),
          "collector",
          h.collector(),
          "cluster",
          h.cluster());
    }
    return r.rows;
  }

  private void flow(FlowAssessment f) {
    String flow = f.flow();
    f.jmxUp().ifPresent(up -> add(Metric.MM2_JMX_UP, bool(up), "flow", flow));
    f.jmx()
        .ifPresent(
            j -> {
              j.connectorStatus()
                  .forEach(
                      (c, status) ->
                          add(
                              Metric.MM2_CONNECTOR_RUNNING,
                              bool("running".equals(status)),
                              "flow",
                              flow,
                              "connector",
                              c));
              j.taskStates()
                  .forEach(
                      (c, states) ->
                          states.forEach(
                              (state, n) ->
                                  add(
                                      Metric.MM2_TASKS,
                                      n,
                                      "flow",
                                      flow,
                                      "connector",
                                      c,
                                      "state",
                                      state)));
            });
    f.latencyQuantilesMs()
        .ifPresent(
            q ->
                q.forEach(
                    (quantile, ms) ->
                        add(
                            Metric.REPLICATION_LATENCY_SECONDS,
                            ms / 1000.0,
                            "flow",
                            flow,
                            "quantile",
                            quantileLabel(quantile))));
    for (TopicRpo t : f.topics()) {
      add(Metric.RPO_RECORDS, t.records(), "flow", flow, "topic", t.topic());
      // Unknown is exposed as NaN, as Prometheus exposes a value it does not know: the series stays
      // (an alert on it does not resolve) and comparisons with it are false.
      add(Metric.RPO_SECONDS, t.seconds().orElse(Double.NaN), "flow", flow, "topic", t.topic());
      add(
          Metric.SOURCE_RECORDS_PER_SECOND,
          t.producedPerSecond(),
          "flow",
          flow,
          "topic",
          t.topic());
      add(Metric.REPLICA_STALLED_SECONDS, t.stalledSeconds(), "flow", flow, "topic", t.topic());
    }
    f.heartbeatAge()
        .ifPresent(a -> add(Metric.HEARTBEAT_AGE_SECONDS, a.toMillis() / 1000.0, "flow", flow));
    for (GroupStatus g : f.groups()) {
      g.checkpointAge()
          .ifPresent(
              a ->
                  add(
                      Metric.CHECKPOINT_AGE_SECONDS,
                      a.toMillis() / 1000.0,
                      "flow",
                      flow,
                      "group",
                      g.group()));
      add(Metric.GROUP_OFFSETS_SYNCED, bool(g.synced()), "flow", flow, "group", g.group());
      add(
          Metric.FAILOVER_REPROCESS_RECORDS,
          g.reprocessRecords(),
          "flow",
          flow,
          "group",
          g.group());
    }
    f.coverage()
        .forEach(
            (topic, ratio) ->
                add(Metric.EVENT_ID_COVERAGE_RATIO, ratio, "flow", flow, "topic", topic));
    f.indirectionTargets()
        .forEach(
            (alias, clusters) ->
                clusters.forEach(
                    c -> add(Metric.INDIRECTION_TARGET, 1, "alias", alias, "cluster", c)));
    for (Check c : Check.values()) {
      add(
          Metric.READINESS_LEVEL,
          f.checks().get(c).level().value(),
          "flow",
          flow,
          "check",
          c.label());
    }
    add(Metric.READY, bool(f.ready()), "flow", flow);
  }

  private void add(Metric m, double value, String... tags) {
    List<MetricsPublisher.Row> list = rows.get(m);
    // Several flows may report the same alias: keep one row per label set.
    for (MetricsPublisher.Row existing : list) {
      if (java.util.Arrays.equals(existing.tags(), tags)) {
        return;
      }
    }
    list.add(new MetricsPublisher.Row(tags, value));
  }

  static String quantileLabel(double q) {
    return q == 1.0 ? "1" : Double.toString(q);
  }

  private static double bool(boolean b) {
    return b ? 1 : 0;
  }
}
