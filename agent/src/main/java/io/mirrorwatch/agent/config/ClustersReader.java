package io.mirrorwatch.agent.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code clusters:}: alias -> bootstrap servers and pass-through client properties. */
final class ClustersReader {
  /** Aliases become metric labels and MM2 topic prefixes, so only these characters. */
  static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9_-]+");

  private static final String BOOTSTRAP_SERVERS = "bootstrap.servers";

  private ClustersReader() {}

  /**
   * Every cluster under {@code clusters}, in file order, including those with problems (so that
   * flows naming them are not also reported as naming an unknown cluster).
   */
  static Map<String, ClusterConfig> read(ConfigNode clusters) {
    if (clusters.isAbsent()) {
      clusters.problem("required (at least 2 clusters: a flow mirrors one into another)");
      return Map.of();
    }
    Map<String, ClusterConfig> result = new LinkedHashMap<>();
    clusters.entries().forEach((alias, node) -> result.put(alias, cluster(alias, node)));
    // Not a map at all was reported by entries(); counting its zero entries would say it twice.
    if (clusters.isMap() && result.size() < 2) {
      clusters.problem(
          "at least 2 clusters are required (a flow mirrors one into another), got "
              + result.size());
    }
    return result;
  }

  private static ClusterConfig cluster(String alias, ConfigNode node) {
    if (!ALIAS.matcher(alias).matches()) {
      node.problem("invalid cluster alias: use only letters, digits, '_' and '-'");
    }
    node.expectMap(BOOTSTRAP_SERVERS, "properties");
    String servers = bootstrapServers(node.get(BOOTSTRAP_SERVERS)).orElse("");
    Map<String, String> properties = new LinkedHashMap<>();
    node.get("properties")
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
