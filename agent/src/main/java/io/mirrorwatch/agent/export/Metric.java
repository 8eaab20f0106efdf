package io.mirrorwatch.agent.export;

import java.util.List;

/**
 * The one metric catalogue. Names are a contract: dashboards, alerts and docs/metrics.md are
 * checked against this enum by tests. Units are in the names.
 */
public enum Metric {
  CLUSTER_UP(
      "mirrorwatch_cluster_up", Kind.GAUGE, "1 if the last collect reached the cluster", "cluster"),
  MM2_JMX_UP(
      "mirrorwatch_mm2_jmx_up",
      Kind.GAUGE,
      "1 if the flow's MM2 JMX endpoint answered the last scrape",
      "flow"),
  MM2_CONNECTOR_RUNNING(
      "mirrorwatch_mm2_connector_running",
      Kind.GAUGE,
      "1 if the MM2 connector is RUNNING (from JMX; MM2 says running even when its source cluster is gone)",
      "flow",
      "connector"),
  MM2_TASKS(
      "mirrorwatch_mm2_tasks",
      Kind.GAUGE,
      "MM2 task count per state",
      "flow",
      "connector",
      "state"),
  REPLICATION_LATENCY_SECONDS(
      "mirrorwatch_replication_latency_seconds",
      Kind.GAUGE,
      "MM2 replication-latency-ms across the flow's partitions (quantile 0.5, 0.99, 1 = max), from JMX; freezes when the source is idle",
      "flow",
      "quantile"),
  RPO_RECORDS(
      "mirrorwatch_rpo_records",
      Kind.GAUGE,
      "Source records not yet on the target (upper bound from offsets on both clusters; exact once MM2 has flushed)",
      "flow",
      "topic"),
  RPO_SECONDS(
      "mirrorwatch_rpo_seconds",
      Kind.GAUGE,
      "Age of the oldest source record not yet on the target; 0 when caught up",
      "flow",
      "topic"),
  SOURCE_RECORDS_PER_SECOND(
      "mirrorwatch_source_records_per_second",
      Kind.GAUGE,
      "Produce rate on the source topic between the last two collects",
      "flow",
      "topic"),
  REPLICA_STALLED_SECONDS(
      "mirrorwatch_replica_stalled_seconds",
      Kind.GAUGE,
      "How long the replica has not advanced while source records were waiting",
      "flow",
      "topic"),
  HEARTBEAT_AGE_SECONDS(
      "mirrorwatch_heartbeat_age_seconds",
      Kind.GAUGE,
      "Age of the newest MM2 heartbeat from the source on the target",
      "flow"),
  CHECKPOINT_AGE_SECONDS(
      "mirrorwatch_checkpoint_age_seconds",
      Kind.GAUGE,
      "Age of the newest MM2 checkpoint for the group",
      "flow",
      "group"),
  GROUP_OFFSETS_SYNCED(
      "mirrorwatch_group_offsets_synced",
      Kind.GAUGE,
      "1 if the target holds MM2's translated offsets for the group",
      "flow",
      "group"),
  FAILOVER_REPROCESS_RECORDS(
      "mirrorwatch_failover_reprocess_records",
      Kind.GAUGE,
      "Records the group would re-read if it failed over now",
      "flow",
      "group"),
  EVENT_ID_COVERAGE_RATIO(
      "mirrorwatch_event_id_coverage_ratio",
      Kind.GAUGE,
      "Share of sampled source records carrying the event-ID header",
      "flow",
      "topic"),
  INDIRECTION_TARGET(
      "mirrorwatch_indirection_target",
      Kind.GAUGE,
      "1 for the cluster the client-facing bootstrap alias resolves to",
      "alias",
      "cluster"),
  READINESS_LEVEL(
      "mirrorwatch_readiness_level",
      Kind.GAUGE,
      "Failover precondition level: 0 healthy, 1 warning, 2 danger, 3 unknown",
      "flow",
      "check"),
  READY(
      "mirrorwatch_ready",
      Kind.GAUGE,
      "1 only when all four failover preconditions are healthy",
      "flow"),
  COLLECT_DURATION_SECONDS(
      "mirrorwatch_collect_duration_seconds",
      Kind.GAUGE,
      "Duration of the collector's last run",
      "collector",
      "cluster"),
  COLLECT_ERRORS_TOTAL(
      "mirrorwatch_collect_errors_total",
      Kind.COUNTER,
      "Failed or timed-out collector runs",
      "collector",
      "cluster"),
  DATA_AGE_SECONDS(
      "mirrorwatch_data_age_seconds",
      Kind.GAUGE,
      "Age of the collector's last good data (grows while it fails)",
      "collector",
      "cluster"),
  THRESHOLD_SECONDS(
      "mirrorwatch_threshold_seconds",
      Kind.GAUGE,
      "A duration threshold in force (the agent's thresholds.* config); alert rules compare against it",
      "threshold"),
  THRESHOLD_RATIO(
      "mirrorwatch_threshold_ratio",
      Kind.GAUGE,
      "An event-ID coverage threshold in force (thresholds.coverage.*); alert rules compare against it",
      "threshold"),
  THRESHOLD_RECORDS(
      "mirrorwatch_threshold_records",
      Kind.GAUGE,
      "A record-count threshold in force (thresholds.rpoRecords.*); alert rules compare against it",
      "threshold"),
  CYCLE_FAILURES_TOTAL(
      "mirrorwatch_cycle_failures_total",
      Kind.COUNTER,
      "Agent cycles that failed as a whole and published nothing; every other metric keeps its previous value");

  /** Gauges are set every cycle; counters only grow. */
  public enum Kind {
    GAUGE,
    COUNTER
  }

  private final String prometheusName;
  private final Kind kind;
  private final String help;
  private final List<String> labels;

  Metric(String prometheusName, Kind kind, String help, String... labels) {
    this.prometheusName = prometheusName;
    this.kind = kind;
    this.help = help;
    this.labels = List.of(labels);
  }

  /** The name as exposed on /metrics. */
  public String prometheusName() {
    return prometheusName;
  }

  /** The name given to Micrometer, which appends {@code _total} to counters itself. */
  String micrometerName() {
    return kind == Kind.COUNTER
        ? prometheusName.substring(0, prometheusName.length() - "_total".length())
        : prometheusName;
  }

  public Kind kind() {
    return kind;
  }

  public String help() {
    return help;
  }

  public List<String> labels() {
    return labels;
  }
}
