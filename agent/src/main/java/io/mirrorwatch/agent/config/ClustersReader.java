package io.mirrorwatch.agent.config;

import io.mirrorwatch.common.cluster.ClusterConfig;
import io.mirrorwatch.common.cluster.ClusterReader;
import io.mirrorwatch.common.config.ConfigNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads {@code clusters:}: alias -> bootstrap servers and pass-through client properties. */
final class ClustersReader {
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
    clusters
        .entries()
        .forEach((alias, node) -> result.put(alias, ClusterReader.read(alias, node, node)));
    // Not a map at all was reported by entries(); counting its zero entries would say it twice.
    if (clusters.isMap() && result.size() < 2) {
      clusters.problem(
          "at least 2 clusters are required (a flow mirrors one into another), got "
              + result.size());
    }
    return result;
  }
}
