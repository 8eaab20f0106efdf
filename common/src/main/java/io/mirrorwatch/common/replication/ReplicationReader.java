package io.mirrorwatch.common.replication;

import io.mirrorwatch.common.config.ConfigNode;
import java.util.Collection;
import java.util.Optional;

/** Reads a replication policy: {@code policy: default|identity} and {@code separator}. */
public final class ReplicationReader {
  private ReplicationReader() {}

  /**
   * The policy named at {@code policy} (default when absent) with the separator at {@code
   * separator}. DefaultReplicationPolicy finds a remote topic's source as the text before the first
   * separator, so an alias in {@code aliases} containing the separator would be cut short ({@code
   * us-east.orders} would come from {@code us}): that is reported at the separator.
   */
  public static Replication read(
      ConfigNode policy, ConfigNode separator, Collection<String> aliases) {
    Optional<String> name = policy.text(PolicyKind.DEFAULT.configName());
    Optional<PolicyKind> kind = name.flatMap(PolicyKind::fromConfigName);
    if (name.isPresent() && kind.isEmpty()) {
      policy.problem("unknown policy '" + name.get() + "' (known: default, identity)");
    }
    if (kind.orElse(PolicyKind.DEFAULT) == PolicyKind.IDENTITY) {
      if (!separator.isAbsent()) {
        separator.problem("only applies to policy default (identity keeps topic names)");
      }
      return Replication.of(PolicyKind.IDENTITY);
    }
    String sep =
        separator.text(Replication.DEFAULT_SEPARATOR).orElse(Replication.DEFAULT_SEPARATOR);
    for (String alias : aliases) {
      if (alias.contains(sep)) {
        separator.problem(
            "'"
                + sep
                + "' occurs in cluster alias '"
                + alias
                + "': remote topics could not be traced back to their source; rename the cluster"
                + " or choose another separator");
      }
    }
    return new Replication(PolicyKind.DEFAULT, sep);
  }
}
