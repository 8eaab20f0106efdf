package io.mirrorwatch.agent;

import io.mirrorwatch.agent.collect.AliasResolver;
import io.mirrorwatch.agent.collect.ClusterCollector;
import io.mirrorwatch.agent.collect.ClusterSource;
import io.mirrorwatch.agent.collect.IndirectionResolver;
import io.mirrorwatch.agent.collect.Mm2StateCollector;
import io.mirrorwatch.agent.collect.Mm2StateSource;
import io.mirrorwatch.agent.collect.RecordSampler;
import io.mirrorwatch.agent.collect.SourceSampler;
import io.mirrorwatch.agent.collect.jmx.JmxCredentials;
import io.mirrorwatch.agent.collect.jmx.Mm2JmxCollector;
import io.mirrorwatch.agent.collect.jmx.Mm2JmxNodes;
import io.mirrorwatch.agent.collect.jmx.Mm2JmxSource;
import io.mirrorwatch.agent.config.AgentConfig;
import io.mirrorwatch.agent.config.FlowConfig;
import io.mirrorwatch.common.cluster.ClusterConfig;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real collectors: Kafka clients, the JMX exporter and DNS, every call under the config's
 * deadline.
 */
public final class KafkaCollectors implements CollectorFactory {
  private final AgentConfig config;
  private final Clock clock;

  public KafkaCollectors(AgentConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  @Override
  public ClusterSource cluster(ClusterConfig cluster) {
    return new ClusterCollector(cluster, config.deadline(), clock);
  }

  @Override
  public Mm2StateSource mm2State(FlowConfig flow) {
    return new Mm2StateCollector(flow, clientProperties(flow.target()), config.deadline(), clock);
  }

  @Override
  public RecordSampler sampler(FlowConfig flow) {
    return new SourceSampler(
        clientProperties(flow.source()),
        config.idempotency().eventId(),
        config.idempotency().sampleRecords(),
        config.deadline(),
        clock);
  }

  /** One JMX exporter collector per configured MM2 endpoint, pooled into one source. */
  @Override
  public Optional<Mm2JmxSource> jmx(FlowConfig flow) {
    if (flow.jmx().isEmpty()) {
      return Optional.empty();
    }
    List<Mm2JmxCollector> nodes =
        flow.jmx().stream()
            .map(
                ep ->
                    new Mm2JmxCollector(
                        ep.url(),
                        ep.username().map(u -> new JmxCredentials(u, ep.password().orElse(""))),
                        flow.source(),
                        flow.target()))
            .toList();
    return Optional.of(Mm2JmxNodes.of(nodes));
  }

  @Override
  public AliasResolver indirection() {
    return new IndirectionResolver(
        config.indirectionAliases(), config.clusters(), config.deadline());
  }

  private Map<String, Object> clientProperties(String alias) {
    return config.clusters().get(alias).clientProperties(config.deadline());
  }
}
