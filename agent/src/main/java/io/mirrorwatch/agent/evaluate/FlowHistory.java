package io.mirrorwatch.agent.evaluate;

import io.mirrorwatch.agent.model.PartitionKey;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What evaluation remembers between scrapes of one flow; evaluation returns the next history
 * instead of mutating anything.
 *
 * @param replicaLatest replica log end per source partition, at the previous evaluation
 * @param replicaAdvancedAt when each replica partition's log end last moved (or was first seen)
 * @param sourceLatest source log end per source partition, and {@code sourceLatestAt} when read
 * @param overWarningScrapes consecutive scrapes with replication lag at or over the warning
 *     threshold
 * @param unsyncedSince per group, since when the target's offsets have differed from the
 *     checkpoints
 * @param coverage last known event-ID coverage per source topic (kept while a topic is idle)
 * @param groupMoves per group, its committed source offsets when last seen and since when it has
 *     had moves that no checkpoint covers
 */
public record FlowHistory(
    Map<PartitionKey, Long> replicaLatest,
    Map<PartitionKey, Instant> replicaAdvancedAt,
    Map<PartitionKey, Long> sourceLatest,
    Optional<Instant> sourceLatestAt,
    int overWarningScrapes,
    Map<String, Instant> unsyncedSince,
    Map<String, Double> coverage,
    Map<String, GroupMove> groupMoves) {

  public static FlowHistory empty() {
    return new FlowHistory(
        Map.of(), Map.of(), Map.of(), Optional.empty(), 0, Map.of(), Map.of(), Map.of());
  }

  /**
   * A group's committed offsets on the source, and the time of its earliest observed move that no
   * newer MM2 checkpoint covers yet (empty when every observed move is checkpointed).
   */
  public record GroupMove(
      Map<PartitionKey, Long> committed, Optional<Instant> uncheckpointedSince) {}
}
