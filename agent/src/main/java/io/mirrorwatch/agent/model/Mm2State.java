package io.mirrorwatch.agent.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What MM2 has written on a flow's target cluster, read with connect-mirror-client's record
 * classes.
 *
 * @param replicatedUpTo per source partition, the next upstream offset MM2 has not yet committed as
 *     copied (its Connect offset + 1). Flushed periodically, so it may lag what is on the target,
 *     never lead it.
 * @param checkpoints group -> replica partition (target name) -> newest checkpoint
 * @param newestHeartbeat creation time of the newest heartbeat from this flow's source
 */
public record Mm2State(
    Instant collectedAt,
    Map<PartitionKey, Long> replicatedUpTo,
    Map<String, Map<PartitionKey, CheckpointInfo>> checkpoints,
    Optional<Instant> newestHeartbeat) {
  public Mm2State {
    replicatedUpTo = Map.copyOf(replicatedUpTo);
    checkpoints = Map.copyOf(checkpoints);
  }
}
