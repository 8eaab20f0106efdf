package io.mirrorwatch.reconciler.source;

/**
 * Whether the records of a physical topic were produced there or copied there by MirrorMaker 2, as
 * far as the replication policy can tell from the topic's name.
 */
public enum Origin {
  /** Written by producers on this cluster ({@code orders} under the default policy). */
  ORIGINAL,
  /**
   * Copied by MM2 from the other cluster ({@code primary.orders} on dr under the default policy).
   */
  REPLICA,
  /**
   * Both: under the identity policy a replica keeps its source's name, so {@code orders} holds the
   * cluster's own records and MM2's copies alike, and the name cannot tell them apart.
   */
  UNKNOWN
}
