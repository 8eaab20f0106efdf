package io.mirrorwatch.common.cluster;

import io.mirrorwatch.common.config.ConfigNode;
import io.mirrorwatch.common.config.HostPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads one cluster: {@code bootstrap.servers} and pass-through client {@code properties}. */
public final class ClusterReader {
  /** Aliases become metric labels and MM2 topic prefixes, so only these characters. */
  public static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9_-]+");

  static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  static final String PROPERTIES = "properties";

  private ClusterReader() {}

  /**
   * The cluster at {@code node}, named {@code alias}; problems with the alias are reported at
   * {@code aliasNode} (the map key itself, or an {@code alias:} field). {@code otherKeys} are
   * further keys the caller reads from the same map. Always returns a value, so that references to
   * the alias are not also reported as unknown.
   */
  public static ClusterConfig read(
      String alias, ConfigNode aliasNode, ConfigNode node, String... otherKeys) {
    if (!ALIAS.matcher(alias).matches()) {
      aliasNode.problem(
          "invalid cluster alias '" + alias + "': use only letters, digits, '_' and '-'");
    }
    List<String> known = new ArrayList<>(List.of(BOOTSTRAP_SERVERS, PROPERTIES));
    known.addAll(List.of(otherKeys));
    node.expectMap(known.toArray(String[]::new));
    String servers = bootstrapServers(node.get(BOOTSTRAP_SERVERS)).orElse("");
    Map<String, String> properties = new LinkedHashMap<>();
    node.get(PROPERTIES)
        .entries()
        .forEach(
            (key, value) -> {
              if (key.equals(BOOTSTRAP_SERVERS)) {
                value.problem("set " + node.path() + "." + BOOTSTRAP_SERVERS + " instead");
              }
              value.scalarText().ifPresent(v -> properties.put(key, v));
            });
    return new ClusterConfig(alias, servers, properties);
  }

  /** The comma list with each entry's syntax checked and whitespace removed. */
  private static Optional<String> bootstrapServers(ConfigNode node) {
    Optional<String> text = node.requiredText();
    if (text.isEmpty()) {
      return text;
    }
    List<String> addresses = new ArrayList<>();
    boolean ok = true;
    for (String entry : text.get().split(",", -1)) {
      String address = entry.trim();
      Optional<String> problem =
          address.isEmpty()
              ? Optional.of("empty entry in the comma-separated list")
              : HostPort.addressProblem(address);
      problem.ifPresent(node::problem);
      ok &= problem.isEmpty();
      addresses.add(address);
    }
    return ok ? Optional.of(String.join(",", addresses)) : Optional.empty();
  }
}
