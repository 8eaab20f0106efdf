package io.mirrorwatch.agent.model;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One successful collect of a cluster through the Admin API.
 *
 * @param partitions log bounds of every partition of interest (source topics and replicas)
 * @param committed committed offsets per watched group (absent partitions: nothing committed)
 * @param activeGroups watched groups that have members on this cluster now
 */
public record ClusterState(
    String cluster,
    Instant collectedAt,
    Map<PartitionKey, PartitionOffsets> partitions,
    Map<String, Map<PartitionKey, Long>> committed,
    Set<String> activeGroups) {
  public ClusterState {
    partitions = Map.copyOf(partitions);
    committed = Map.copyOf(committed);
    activeGroups = Set.copyOf(activeGroups);
  }
}
