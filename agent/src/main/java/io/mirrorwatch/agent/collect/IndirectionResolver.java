package io.mirrorwatch.agent.collect;

import io.mirrorwatch.common.cluster.ClusterConfig;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Resolves each client-facing bootstrap alias ({@code host:port}) and says which clusters it points
 * at: a cluster matches when one of its bootstrap servers has the same port and shares an address.
 * DNS has no timeout of its own, so every lookup runs under the deadline.
 */
public final class IndirectionResolver implements AliasResolver {
  private final List<String> aliases;
  private final Map<String, ClusterConfig> clusters;
  private final Duration deadline;

  public IndirectionResolver(
      List<String> aliases, Map<String, ClusterConfig> clusters, Duration deadline) {
    this.aliases = List.copyOf(aliases);
    this.clusters = clusters;
    this.deadline = deadline;
  }

  /** Alias -> aliases of the clusters it resolves to (possibly none). */
  @Override
  public Map<String, Set<String>> resolve() throws CollectException {
    Map<String, Set<String>> result = new TreeMap<>();
    for (String alias : aliases) {
      Set<String> addresses = addresses(alias);
      Set<String> matched = new TreeSet<>();
      for (ClusterConfig cluster : clusters.values()) {
        for (String server : cluster.bootstrapServers().split(",")) {
          Set<String> serverAddresses = addresses(server.trim());
          serverAddresses.retainAll(addresses);
          if (!serverAddresses.isEmpty()) {
            matched.add(cluster.alias());
          }
        }
      }
      result.put(alias, matched);
    }
    return result;
  }

  /** {@code ip:port} strings for a {@code host:port}. */
  private Set<String> addresses(String hostPort) throws CollectException {
    int colon = hostPort.lastIndexOf(':');
    String host = colon > 0 ? hostPort.substring(0, colon) : hostPort;
    String port = colon > 0 ? hostPort.substring(colon + 1) : "";
    InetAddress[] all =
        Deadlines.call("resolving " + host, deadline, () -> InetAddress.getAllByName(host));
    Set<String> result = new HashSet<>();
    Arrays.stream(all).forEach(a -> result.add(a.getHostAddress() + ":" + port));
    return result;
  }
}
