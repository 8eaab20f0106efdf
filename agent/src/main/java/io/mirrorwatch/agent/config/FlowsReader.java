package io.mirrorwatch.agent.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code flows:}: which MM2 flows to watch, checked against the declared clusters. */
final class FlowsReader {
  private FlowsReader() {}

  static List<FlowConfig> read(ConfigNode flows, Set<String> clusterAliases) {
    if (flows.isAbsent()) {
      flows.problem("required (at least one flow: source, target)");
      return List.of();
    }
    List<FlowConfig> result = new ArrayList<>();
    Map<String, String> pathByName = new HashMap<>();
    for (ConfigNode node : flows.elements()) {
      FlowConfig flow = flow(node, clusterAliases);
      result.add(flow);
      String earlier = pathByName.putIfAbsent(flow.name(), node.path());
      // Flows with an unreadable source or target are named "->..." and were already reported.
      if (earlier != null && !flow.source().isEmpty() && !flow.target().isEmpty()) {
        node.problem("duplicate flow " + flow.name() + " (also " + earlier + ")");
      }
    }
    if (flows.isList() && result.isEmpty()) {
      flows.problem("must list at least one flow");
    }
    return result;
  }

  private static FlowConfig flow(ConfigNode node, Set<String> clusterAliases) {
    node.expectMap("source", "target", "policy", "separator", "topics", "groups", "mm2");
    Optional<String> source = cluster(node.get("source"), clusterAliases);
    Optional<String> target = cluster(node.get("target"), clusterAliases);
    if (source.isPresent() && source.equals(target)) {
      node.get("target")
          .problem("must be a different cluster than source ('" + source.get() + "')");
    }
    PolicyKind policy = policy(node.get("policy")).orElse(PolicyKind.DEFAULT);
    String separator = separator(node.get("separator"), policy, source).orElse(".");
    node.get("mm2").expectMap("jmx");
    return new FlowConfig(
        source.orElse(""),
        target.orElse(""),
        policy,
        separator,
        FilterReader.read(node.get("topics")),
        FilterReader.read(node.get("groups")),
        JmxReader.read(node.get("mm2").get("jmx")));
  }

  private static Optional<String> cluster(ConfigNode node, Set<String> clusterAliases) {
    Optional<String> alias = node.requiredText();
    if (alias.isPresent() && !clusterAliases.contains(alias.get())) {
      node.problem(
          "unknown cluster '"
              + alias.get()
              + "' (known: "
              + String.join(", ", clusterAliases)
              + ")");
      return Optional.empty();
    }
    return alias;
  }

  private static Optional<PolicyKind> policy(ConfigNode node) {
    Optional<String> name = node.text("default");
    for (PolicyKind kind : PolicyKind.values()) {
      if (name.isPresent() && kind.name().equalsIgnoreCase(name.get().trim())) {
        return Optional.of(kind);
      }
    }
    name.ifPresent(n -> node.problem("unknown policy '" + n + "' (known: default, identity)"));
    return Optional.empty();
  }

  /**
   * The separator, which only the default policy uses. DefaultReplicationPolicy finds a remote
   * topic's source as the text before the first separator, so a source alias containing the
   * separator would be cut short: {@code us-east-orders} would come from {@code us}.
   */
  private static Optional<String> separator(
      ConfigNode node, PolicyKind policy, Optional<String> source) {
    if (policy == PolicyKind.IDENTITY) {
      if (!node.isAbsent()) {
        node.problem("only applies to policy default (identity keeps topic names)");
      }
      return Optional.of(FlowConfig.DEFAULT_SEPARATOR);
    }
    Optional<String> separator = node.text(FlowConfig.DEFAULT_SEPARATOR);
    if (separator.isPresent() && source.isPresent() && source.get().contains(separator.get())) {
      node.problem(
          "'"
              + separator.get()
              + "' occurs in source alias '"
              + source.get()
              + "': remote topics could not be traced back to their source; rename the cluster or"
              + " choose another separator");
      return Optional.empty();
    }
    return separator;
  }
}
