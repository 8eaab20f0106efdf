package io.mirrorwatch.common.replication;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.connect.mirror.DefaultReplicationPolicy;
import org.apache.kafka.connect.mirror.IdentityReplicationPolicy;
import org.apache.kafka.connect.mirror.ReplicationPolicy;

/**
 * MirrorMaker 2's replication policy as configured on an MM2 (one policy in both directions: the
 * runbook forbids mixing them). Topic names are always derived through Kafka's own {@link
 * ReplicationPolicy}, never by hand; this is the one factory of those policies.
 *
 * @param separator {@code replication.policy.separator}; for {@link PolicyKind#IDENTITY} always the
 *     default {@code "."} (it then only names heartbeat topics)
 */
public record Replication(PolicyKind kind, String separator) {
  public static final String DEFAULT_SEPARATOR = DefaultReplicationPolicy.SEPARATOR_DEFAULT;

  public Replication {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(separator, "separator");
  }

  /** The default policy with the default separator, or identity. */
  public static Replication of(PolicyKind kind) {
    return new Replication(kind, DEFAULT_SEPARATOR);
  }

  /**
   * The policy as MM2 configures it for the flow that copies from {@code sourceAlias}. Under
   * identity that matters: MM2 sets the source alias from the connector's source cluster, and
   * without it {@code IdentityReplicationPolicy.topicSource()} returns null for every topic. A new
   * instance per call: policies are cheap and a shared one would let one caller's {@code configure}
   * change another's.
   */
  public ReplicationPolicy forFlowFrom(String sourceAlias) {
    if (kind == PolicyKind.IDENTITY) {
      IdentityReplicationPolicy identity = new IdentityReplicationPolicy();
      identity.configure(
          Map.of(IdentityReplicationPolicy.SOURCE_CLUSTER_ALIAS_CONFIG, sourceAlias));
      return identity;
    }
    return byName();
  }

  /**
   * The policy as far as topic names alone tell, for code that looks at both clusters and no one
   * flow: {@code topicSource(t)} is non-null only for a name that shows its source (the default
   * policy's {@code primary.orders}; under identity, heartbeat topics only).
   */
  public ReplicationPolicy byName() {
    // Both are Configurable through DefaultReplicationPolicy; the interface itself is not.
    DefaultReplicationPolicy policy =
        kind == PolicyKind.DEFAULT
            ? new DefaultReplicationPolicy()
            : new IdentityReplicationPolicy();
    policy.configure(Map.of(DefaultReplicationPolicy.SEPARATOR_CONFIG, separator));
    return policy;
  }
}
