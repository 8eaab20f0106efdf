package io.mirrorwatch.reconciler.source;

/** What a physical topic is to the reconciliation. */
public enum Role {
  /** A topic of a logical stream on either cluster: together they are the source of truth. */
  SOURCE,
  /** A topic where consumers record what they processed. */
  DOWNSTREAM,
  /**
   * A record of {@code __consumer_offsets}: a consumer group's offset commit, listed in offset
   * findings. Never a topic the job reads.
   */
  COMMIT
}
