package io.mirrorwatch.agent;

import io.mirrorwatch.agent.collect.AliasResolver;
import io.mirrorwatch.agent.collect.ClusterSource;
import io.mirrorwatch.agent.collect.Mm2StateSource;
import io.mirrorwatch.agent.collect.RecordSampler;
import io.mirrorwatch.agent.collect.jmx.Mm2JmxSource;
import io.mirrorwatch.agent.config.FlowConfig;
import io.mirrorwatch.common.cluster.ClusterConfig;
import java.util.Optional;

/**
 * Builds the collectors the {@link Pipeline} runs, each behind its narrow interface: {@link
 * KafkaCollectors} in production, fakes in tests. Building opens no connection.
 */
public interface CollectorFactory {
  ClusterSource cluster(ClusterConfig cluster);

  Mm2StateSource mm2State(FlowConfig flow);

  RecordSampler sampler(FlowConfig flow);

  /** The flow's MM2 JMX, one source over all its nodes; empty when none is configured. */
  Optional<Mm2JmxSource> jmx(FlowConfig flow);

  AliasResolver indirection();
}
