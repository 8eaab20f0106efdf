package io.mirrorwatch.lab.mm2;

import org.apache.kafka.connect.mirror.DefaultReplicationPolicy;
import org.apache.kafka.connect.mirror.IdentityReplicationPolicy;
import org.apache.kafka.connect.mirror.ReplicationPolicy;

/** The two replication policies MM2 ships; the lab switches between them. */
public enum PolicyKind {
  /** Replicas are renamed {@code <source alias>.<topic>}: {@code primary.orders} on dr. */
  DEFAULT(DefaultReplicationPolicy.class),
  /** Replicas keep their name: {@code orders} on both clusters; MM2 cannot detect cycles. */
  IDENTITY(IdentityReplicationPolicy.class);

  private final Class<? extends ReplicationPolicy> policyClass;

  PolicyKind(Class<? extends ReplicationPolicy> policyClass) {
    this.policyClass = policyClass;
  }

  public String className() {
    return policyClass.getName();
  }

  /** An instance of Kafka's own policy (default separator): topic naming is never re-implemented. */
  public ReplicationPolicy newPolicy() {
    return this == DEFAULT ? new DefaultReplicationPolicy() : new IdentityReplicationPolicy();
  }
}
