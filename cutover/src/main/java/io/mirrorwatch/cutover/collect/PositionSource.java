package io.mirrorwatch.cutover.collect;

import io.mirrorwatch.cutover.plan.GroupPositions;
import java.util.Map;
import java.util.Set;

/**
 * The narrow interface in front of the Kafka clients that {@code failover plan} needs beyond the
 * agent's collectors. Read-only: nothing is committed or written. Every call ends within the
 * deadline given at construction; a failure is reported in the result, never thrown.
 */
public interface PositionSource extends AutoCloseable {
  /**
   * One group's positions on the flow's source partitions: its commit on the source, MM2's
   * translated offset on the target, and the exact position by event ID.
   *
   * @param replicaOf source topic -> its replica on the target
   */
  GroupPositions positions(String group, Map<String, String> replicaOf);

  /** Topic names on the target cluster; empty when they could not be listed. */
  Set<String> targetTopics();

  @Override
  void close();
}
