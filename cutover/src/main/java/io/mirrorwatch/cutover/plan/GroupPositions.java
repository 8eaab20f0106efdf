package io.mirrorwatch.cutover.plan;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One group's positions on the flow's source partitions, and its commits on the target's own
 * topics.
 *
 * @param committedTopicsOnTarget topics of the target cluster (not replicas) where the group has
 *     committed offsets, e.g. {@code orders} on dr under the default policy
 * @param error why some positions could not be read (the source unreachable, a deadline), if so
 */
public record GroupPositions(
    String group,
    List<PartitionPosition> partitions,
    Set<String> committedTopicsOnTarget,
    Optional<String> error) {
  public GroupPositions {
    partitions = List.copyOf(partitions);
    committedTopicsOnTarget = Set.copyOf(committedTopicsOnTarget);
  }
}
