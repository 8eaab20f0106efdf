package io.mirrorwatch.agent.model;

import java.util.OptionalLong;

/**
 * What the agent knows of one partition's log, by the role the partition plays in a flow. Each role
 * holds only what evaluation reads for it, and only that is asked of the cluster: a source's log
 * start enters the RPO position, a replica's newest timestamp is mapped back to the source. (A
 * topic can play both roles in two different flows; it then has one entry of each kind.)
 */
public sealed interface PartitionOffsets {
  /** The log end offset: the offset the next record will get. */
  long latest();

  /**
   * A flow's source partition.
   *
   * @param earliest the log start, or an earlier one: it can only advance, and the agent may reuse
   *     an answer of an earlier cycle (see {@code collect.OffsetReuse}); a lower log start only
   *     lowers the replicated position, so it can only over-state the RPO, never under-state it
   */
  record Source(long earliest, long latest) implements PartitionOffsets {}

  /**
   * A flow's replica partition on the target.
   *
   * @param newestTimestamp timestamp of the record with the greatest timestamp, if the log has one
   */
  record Replica(long latest, OptionalLong newestTimestamp) implements PartitionOffsets {}
}
