package io.mirrorwatch.agent.collect;

import io.mirrorwatch.agent.model.ClusterState;
import io.mirrorwatch.agent.model.PartitionKey;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One Kafka cluster as the pipeline sees it; {@link ClusterCollector} puts the Admin API behind it.
 *
 * <p>Contract: every call returns within the configured deadline, either with a complete answer or
 * by throwing {@link CollectException} with a one-line message; never null, never partial data. One
 * cycle at a time calls {@link #collect}.
 */
public interface ClusterSource extends AutoCloseable {
  /** Names of all topics. */
  Set<String> topics() throws CollectException;

  /** Names of all consumer groups. */
  Set<String> groups() throws CollectException;

  /**
   * Log offsets of the flows' source and replica partitions on this cluster, and offsets and
   * activity of {@code groups}.
   *
   * @param groups groups whose committed offsets are read
   * @param activityOf groups whose membership is read
   * @param previous this cluster's last good collect, if any: answers that may be reused
   * @param atRisk source partitions with records at risk in the previous cycle
   */
  ClusterState collect(
      Set<String> sourceTopics,
      Set<String> replicaTopics,
      Set<String> groups,
      Set<String> activityOf,
      Optional<ClusterState> previous,
      Set<PartitionKey> atRisk)
      throws CollectException;

  /**
   * First offsets whose timestamp is at or after the given times; partitions without one are
   * absent.
   */
  Map<PartitionKey, Long> offsetsForTimes(Map<PartitionKey, Long> timestamps)
      throws CollectException;

  @Override
  void close();
}
