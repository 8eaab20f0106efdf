package io.mirrorwatch.agent.model;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One successful collect of a cluster through the Admin API.
 *
 * @param sources log bounds of the partitions of flows' source topics on this cluster
 * @param replicas log end and newest timestamp of the partitions of flows' replicas on this cluster
 * @param committed committed offsets per watched group (absent partitions: nothing committed)
 * @param activeGroups watched groups that have members on this cluster now (read only on clusters
 *     that are a flow's target; empty elsewhere)
 */
public record ClusterState(
    String cluster,
    Instant collectedAt,
    Map<PartitionKey, PartitionOffsets.Source> sources,
    Map<PartitionKey, PartitionOffsets.Replica> replicas,
    Map<String, Map<PartitionKey, Long>> committed,
    Set<String> activeGroups) {
  public ClusterState {
    sources = Map.copyOf(sources);
    replicas = Map.copyOf(replicas);
    committed = Map.copyOf(committed);
    activeGroups = Set.copyOf(activeGroups);
  }
}
