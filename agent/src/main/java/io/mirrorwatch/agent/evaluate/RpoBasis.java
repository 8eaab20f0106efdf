package io.mirrorwatch.agent.evaluate;

/** Where the replicated position behind an RPO figure came from. */
public enum RpoBasis {
  /**
   * MM2's committed Connect offsets on the target: exact once flushed, never ahead of the truth.
   */
  MM2_OFFSETS,
  /**
   * The source offset of the replica's newest timestamp ({@code offsetsForTimes}): a lower bound.
   */
  REPLICA_TAIL_TIMESTAMP,
  /** Nothing is known to be replicated: the whole source log is at risk. */
  NONE
}
