package io.mirrorwatch.agent.model;

import java.time.Instant;
import java.util.Map;

/**
 * Records read from a flow's source cluster.
 *
 * @param timestampAt timestamp of the source record at the given offset: the oldest record that may
 *     not be on the target yet (the RPO's age)
 * @param tailStartForTimestamp per source partition, the first source offset whose timestamp is at
 *     or after the replica's newest timestamp ({@code offsetsForTimes})
 * @param coverage per source topic, records sampled for the event-ID header in this collect and how
 *     many carried it
 */
public record SourceSample(
    Instant collectedAt,
    Map<PartitionKey, OffsetTimestamp> timestampAt,
    Map<PartitionKey, Long> tailStartForTimestamp,
    Map<String, Coverage> coverage) {
  public SourceSample {
    timestampAt = Map.copyOf(timestampAt);
    tailStartForTimestamp = Map.copyOf(tailStartForTimestamp);
    coverage = Map.copyOf(coverage);
  }

  /** Records sampled and, of those, records carrying the event-ID header. */
  public record Coverage(long sampled, long withEventId) {
    public Coverage plus(Coverage o) {
      return new Coverage(sampled + o.sampled, withEventId + o.withEventId);
    }
  }

  /** The timestamp of the record at {@code offset}. */
  public record OffsetTimestamp(long offset, long timestamp) {}
}
