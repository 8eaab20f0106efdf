package io.mirrorwatch.common.replication;

import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.connect.mirror.DefaultReplicationPolicy;
import org.apache.kafka.connect.mirror.IdentityReplicationPolicy;
import org.apache.kafka.connect.mirror.ReplicationPolicy;

/**
 * The two replication policies MM2 ships, as named in every config file ({@code default}, {@code
 * identity}) and as the lab runs them.
 */
public enum PolicyKind {
  /** Replicas are renamed {@code <source alias><separator><topic>}: {@code primary.orders}. */
  DEFAULT(DefaultReplicationPolicy.class),
  /** Replicas keep their name: {@code orders} on both clusters; MM2 cannot detect cycles. */
  IDENTITY(IdentityReplicationPolicy.class);

  private final Class<? extends ReplicationPolicy> policyClass;

  PolicyKind(Class<? extends ReplicationPolicy> policyClass) {
    this.policyClass = policyClass;
  }

  /** MM2's {@code replication.policy.class} for this kind. */
  public String className() {
    return policyClass.getName();
  }

  /** The name in config files and reports: {@code default}, {@code identity}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind named {@code name} in a config file (any case), if there is one. */
  public static Optional<PolicyKind> fromConfigName(String name) {
    for (PolicyKind kind : values()) {
      if (kind.configName().equalsIgnoreCase(name.trim())) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
