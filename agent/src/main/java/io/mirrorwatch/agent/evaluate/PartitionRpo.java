package io.mirrorwatch.agent.evaluate;

import java.util.OptionalLong;

/**
 * Records at risk on one source partition.
 *
 * @param replicatedPosition lower bound of the next source offset not yet on the target
 * @param recordsAtRisk source records from {@code replicatedPosition} to the log end; an upper
 *     bound of the truth, exact once MM2 has flushed its offsets
 */
public record PartitionRpo(long replicatedPosition, long recordsAtRisk, RpoBasis basis) {

  /**
   * Rule: the replicated position is the greatest of the known lower bounds (MM2's flushed offset,
   * the replica tail's timestamp mapped to the source, the log start), capped at the log end. Every
   * bound is at or below the truth, so the greatest is too: the estimate never under-states.
   *
   * @param mm2Position MM2's committed position, if known
   * @param tailPosition first source offset at the replica's newest timestamp, if known; the record
   *     there (or a later one with the same timestamp) is on the target, so the position is at
   *     least one past it. (Assumes MM2 copies each partition in order and keeps timestamps, as it
   *     does.)
   */
  public static PartitionRpo estimate(
      long earliest, long latest, OptionalLong mm2Position, OptionalLong tailPosition) {
    long position = earliest;
    RpoBasis basis = RpoBasis.NONE;
    if (mm2Position.isPresent() && mm2Position.getAsLong() >= position) {
      position = mm2Position.getAsLong();
      basis = RpoBasis.MM2_OFFSETS;
    }
    if (tailPosition.isPresent() && tailPosition.getAsLong() + 1 > position) {
      position = tailPosition.getAsLong() + 1;
      basis = RpoBasis.REPLICA_TAIL_TIMESTAMP;
    }
    position = Math.min(position, latest);
    return new PartitionRpo(position, Math.max(0, latest - position), basis);
  }
}
