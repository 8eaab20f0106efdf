package io.mirrorwatch.reconciler.source;

import io.mirrorwatch.common.cluster.ClusterConfig;
import java.time.Duration;
import java.util.Set;

/**
 * Which topics exist on a cluster. The one Kafka Admin call the CLI makes before the job, so that a
 * missing topic is reported by name rather than silently read as empty.
 */
public interface TopicCatalog {
  /**
   * The names of all topics on {@code cluster}, within {@code deadline}.
   *
   * @throws IllegalStateException if the cluster does not answer in time or refuses the request
   */
  Set<String> topics(ClusterConfig cluster, Duration deadline);
}
