package io.mirrorwatch.agent.evaluate;

import io.mirrorwatch.agent.model.ClusterState;
import io.mirrorwatch.agent.model.PartitionKey;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A flow's per-partition RPO estimates at one cycle. Computed once per cycle, as soon as the tail
 * starts are known: the sampler then reads the source record at each partition's replicated
 * position (its timestamp is the RPO's age), and evaluation reuses these very estimates, so the
 * sampled record and the reported figure can never disagree about the position.
 *
 * @param partitions every source partition of the flow's replicated topics
 */
public record RpoEstimate(Map<PartitionKey, PartitionRpo> partitions) {
  public RpoEstimate {
    partitions = Map.copyOf(partitions);
  }

  /**
   * Rule: one {@link PartitionRpo#estimate} per source partition of a replicated topic, from its
   * log bounds, MM2's committed position and the replica tail's position mapped to the source.
   *
   * @param source the source cluster's log bounds; no estimate without them
   * @param replicaOf source topic -> replica topic; other topics are not the flow's
   * @param mm2Positions MM2's committed next offset per source partition, where known
   * @param tailStarts first source offset at the replica's newest timestamp, where known
   */
  public static RpoEstimate of(
      Optional<ClusterState> source,
      Map<String, String> replicaOf,
      Map<PartitionKey, Long> mm2Positions,
      Map<PartitionKey, Long> tailStarts) {
    Map<PartitionKey, PartitionRpo> result = new TreeMap<>();
    source.ifPresent(
        s ->
            s.sources()
                .forEach(
                    (key, offsets) -> {
                      if (replicaOf.containsKey(key.topic())) {
                        result.put(
                            key,
                            PartitionRpo.estimate(
                                offsets.earliest(),
                                offsets.latest(),
                                optional(mm2Positions.get(key)),
                                optional(tailStarts.get(key))));
                      }
                    }));
    return new RpoEstimate(result);
  }

  /** Partitions with records at risk -> their replicated position: the records to sample. */
  public Map<PartitionKey, Long> atRisk() {
    Map<PartitionKey, Long> result = new TreeMap<>();
    partitions.forEach(
        (k, r) -> {
          if (r.recordsAtRisk() > 0) {
            result.put(k, r.replicatedPosition());
          }
        });
    return result;
  }

  private static OptionalLong optional(Long value) {
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }
}
