package io.mirrorwatch.reconciler.config;

import java.util.Map;
import org.apache.kafka.connect.mirror.DefaultReplicationPolicy;
import org.apache.kafka.connect.mirror.IdentityReplicationPolicy;
import org.apache.kafka.connect.mirror.ReplicationPolicy;

/**
 * MirrorMaker 2's replication policy, as configured on the MM2 that connects the two clusters.
 * Topic names are always derived through Kafka's own {@link ReplicationPolicy}, never by hand.
 *
 * @param separator {@code replication.policy.separator}; only meaningful for {@link Kind#DEFAULT}
 */
public record Replication(Kind kind, String separator) {
  public static final String DEFAULT_SEPARATOR = ".";

  /** The two policies MM2 ships, as named in the config ({@code default}, {@code identity}). */
  public enum Kind {
    /** Replicas are renamed {@code <source alias><separator><topic>}: {@code primary.orders}. */
    DEFAULT,
    /** Replicas keep their name: {@code orders} on both clusters. */
    IDENTITY
  }

  /** A configured instance of Kafka's policy class. */
  public ReplicationPolicy newPolicy() {
    // Both are Configurable through DefaultReplicationPolicy; the interface itself is not.
    DefaultReplicationPolicy policy =
        kind == Kind.DEFAULT ? new DefaultReplicationPolicy() : new IdentityReplicationPolicy();
    policy.configure(Map.of(DefaultReplicationPolicy.SEPARATOR_CONFIG, separator));
    return policy;
  }
}
