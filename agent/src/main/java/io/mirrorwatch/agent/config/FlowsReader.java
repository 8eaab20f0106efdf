package io.mirrorwatch.agent.config;

import io.mirrorwatch.common.config.ConfigNode;
import io.mirrorwatch.common.replication.PolicyKind;
import io.mirrorwatch.common.replication.Replication;
import io.mirrorwatch.common.replication.ReplicationReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
    List<ConfigNode> nodes = flows.elements();
    for (ConfigNode node : nodes) {
      FlowConfig flow = flow(node, clusterAliases);
      result.add(flow);
      String earlier = pathByName.putIfAbsent(flow.name(), node.path());
      // Flows with an unreadable source or target are named "->..." and were already reported.
      if (earlier != null && !flow.source().isEmpty() && !flow.target().isEmpty()) {
        node.problem("duplicate flow " + flow.name() + " (also " + earlier + ")");
      }
    }
    samePolicyBothWays(result, nodes);
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
    Replication replication =
        ReplicationReader.read(node.get("policy"), node.get("separator"), source.stream().toList());
    node.get("mm2").expectMap("jmx");
    return new FlowConfig(
        source.orElse(""),
        target.orElse(""),
        replication,
        FilterReader.read(node.get("topics")),
        FilterReader.read(node.get("groups")),
        JmxReader.read(node.get("mm2").get("jmx")));
  }

  /**
   * The two directions between one pair of clusters run one policy (runbook 4.2): under identity in
   * one direction and default in the other, each flow's replicas are the other's originals under
   * another name, and records ping-pong or are missed at failback.
   */
  private static void samePolicyBothWays(List<FlowConfig> flows, List<ConfigNode> nodes) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < flows.size(); i++) {
      FlowConfig a = flows.get(i);
      // A duplicate was reported as such; an unreadable end names no cluster.
      if (!seen.add(a.name()) || a.source().isEmpty() || a.target().isEmpty()) {
        continue;
      }
      for (int j = 0; j < i; j++) {
        FlowConfig b = flows.get(j);
        if (a.source().equals(b.target()) && a.target().equals(b.source())) {
          if (!a.replication().equals(b.replication())) {
            nodes
                .get(i)
                .get("policy")
                .problem(
                    "must be the policy of the reverse flow "
                        + nodes.get(j).path()
                        + " ("
                        + describe(b.replication())
                        + "), got "
                        + describe(a.replication())
                        + ": one policy in both directions (runbook 4.2)");
          }
          break;
        }
      }
    }
  }

  private static String describe(Replication r) {
    return r.kind() == PolicyKind.IDENTITY
        ? "identity"
        : "default, separator '" + r.separator() + "'";
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
}
