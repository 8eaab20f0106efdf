package io.mirrorwatch.agent.config;

import io.mirrorwatch.common.cluster.ClusterConfig;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The agent's whole configuration, validated and with every default applied.
 *
 * <p>Only {@link ConfigLoader} builds one from a file; it guarantees the cross-field rules
 * documented in {@code docs/agent-config.md} (for example {@code deadline <= scrapeInterval}, every
 * flow names two different clusters). This record guarantees only that it is immutable and has no
 * nulls.
 *
 * @param scrapeInterval time between two scrapes of every flow
 * @param deadline the most any one remote call (Admin, JMX) may take during a scrape
 * @param clusters alias -> cluster, in the order of the file
 * @param indirectionAliases client-facing {@code host:port} aliases; empty when no indirection
 *     layer (DNS alias, load balancer) sits between clients and the clusters
 */
public record AgentConfig(
    Duration scrapeInterval,
    Duration deadline,
    String httpBind,
    int httpPort,
    Map<String, ClusterConfig> clusters,
    List<FlowConfig> flows,
    Thresholds thresholds,
    List<String> indirectionAliases,
    Idempotency idempotency) {

  public static final Duration DEFAULT_SCRAPE_INTERVAL = Duration.ofSeconds(10);
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(5);
  public static final String DEFAULT_HTTP_BIND = "0.0.0.0";
  public static final int DEFAULT_HTTP_PORT = 9464;

  public AgentConfig {
    Objects.requireNonNull(scrapeInterval, "scrapeInterval");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(httpBind, "httpBind");
    // Map.copyOf would lose the file's order, which the metrics and logs keep.
    clusters = Collections.unmodifiableMap(new LinkedHashMap<>(clusters));
    flows = List.copyOf(flows);
    Objects.requireNonNull(thresholds, "thresholds");
    indirectionAliases = List.copyOf(indirectionAliases);
    Objects.requireNonNull(idempotency, "idempotency");
  }
}
