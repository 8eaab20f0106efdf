package io.mirrorwatch.reconciler.config;

import io.mirrorwatch.common.cluster.ClusterConfig;
import io.mirrorwatch.common.replication.Replication;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The validated job spec. Built only by {@link ConfigLoader}, which opens no connection.
 *
 * @param streams the logical source streams (the source of truth), at least one
 * @param downstream where consumers record what they processed; may be empty (no processing checks)
 * @param groups consumer groups whose offsets are checked (the offset checks)
 * @param parallelism Flink parallelism; empty: the environment's default
 * @param deadline the most any one Kafka Admin call made by the CLI may take
 */
public record ReconcileConfig(
    ClusterConfig primary,
    ClusterConfig dr,
    Replication replication,
    List<StreamSpec> streams,
    List<DownstreamSpec> downstream,
    Optional<AggregatesSpec> aggregates,
    List<String> groups,
    Window window,
    Optional<Integer> parallelism,
    Duration deadline) {

  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

  public ReconcileConfig {
    streams = List.copyOf(streams);
    downstream = List.copyOf(downstream);
    groups = List.copyOf(groups);
  }

  public List<ClusterConfig> clusters() {
    return List.of(primary, dr);
  }

  /** {@code primary} or {@code dr}: where producers normally write, and where they fail over to. */
  public String roleOf(ClusterConfig cluster) {
    return cluster.equals(primary) ? "primary" : "dr";
  }

  public ClusterConfig other(ClusterConfig cluster) {
    return cluster.equals(primary) ? dr : primary;
  }
}
