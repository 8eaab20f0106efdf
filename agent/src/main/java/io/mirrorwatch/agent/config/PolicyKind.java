package io.mirrorwatch.agent.config;

/**
 * The two replication policies MM2 ships, as named in the config file ({@code default}, {@code
 * identity}).
 */
public enum PolicyKind {
  /** Replicas are renamed {@code <source alias><separator><topic>}: {@code primary.orders}. */
  DEFAULT,
  /** Replicas keep their name: {@code orders} on both clusters. */
  IDENTITY
}
