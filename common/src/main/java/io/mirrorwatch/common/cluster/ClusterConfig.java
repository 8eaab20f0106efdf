package io.mirrorwatch.common.cluster;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * One Kafka cluster a deployable talks to; read by {@link ClusterReader}.
 *
 * @param alias the cluster's name in the config, in metrics and in MM2's remote topic names
 * @param bootstrapServers comma-separated {@code host:port} list, syntax already checked
 * @param properties Kafka client properties passed through unchanged (security settings, config
 *     providers, mostly); never contains {@code bootstrap.servers}
 */
public record ClusterConfig(String alias, String bootstrapServers, Map<String, String> properties) {

  static final String REQUEST_TIMEOUT_MS = CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG;
  static final String DEFAULT_API_TIMEOUT_MS = CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG;

  public ClusterConfig {
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    // Map.copyOf would lose the file's order, which logs keep.
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** The pass-through properties plus {@code bootstrap.servers}: for clients with no deadline. */
  public Map<String, String> clientProperties() {
    Map<String, String> props = new LinkedHashMap<>();
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.putAll(properties);
    return props;
  }

  /**
   * The properties to build a Kafka Admin or consumer with whose every call ends within {@code
   * deadline}.
   *
   * <p>Both client timeouts default to {@code deadline} so that no Kafka call outlives it; a value
   * the user set wins (the Admin client raises {@code default.api.timeout.ms} to {@code
   * request.timeout.ms} if it is lower, with a warning).
   */
  public Map<String, Object> clientProperties(Duration deadline) {
    Map<String, Object> props = new LinkedHashMap<>(clientProperties());
    // Both are INT configs in Kafka: a deadline above ~24 days is clamped, not overflowed.
    int deadlineMs = (int) Math.min(deadline.toMillis(), Integer.MAX_VALUE);
    props.putIfAbsent(REQUEST_TIMEOUT_MS, deadlineMs);
    props.putIfAbsent(DEFAULT_API_TIMEOUT_MS, deadlineMs);
    return props;
  }

  /** Prints secrets (passwords, JAAS configs, keys) as {@code [hidden]}: configs end up in logs. */
  @Override
  public String toString() {
    String props =
        properties.entrySet().stream()
            .map(e -> e.getKey() + "=" + Secrets.printable(e.getKey(), e.getValue()))
            .collect(Collectors.joining(", ", "{", "}"));
    return "ClusterConfig[alias="
        + alias
        + ", bootstrapServers="
        + bootstrapServers
        + ", properties="
        + props
        + "]";
  }
}
