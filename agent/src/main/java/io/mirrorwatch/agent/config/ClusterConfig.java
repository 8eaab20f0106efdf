package io.mirrorwatch.agent.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * One Kafka cluster the agent talks to.
 *
 * @param alias the cluster's name in the config, in metrics and in MM2's remote topic names
 * @param bootstrapServers comma-separated {@code host:port} list, syntax already checked
 * @param clientProperties Kafka client properties passed through unchanged (security settings,
 *     mostly); never contains {@code bootstrap.servers}
 */
public record ClusterConfig(
    String alias, String bootstrapServers, Map<String, String> clientProperties) {

  static final String REQUEST_TIMEOUT_MS = "request.timeout.ms";
  static final String DEFAULT_API_TIMEOUT_MS = "default.api.timeout.ms";

  public ClusterConfig {
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    clientProperties = Collections.unmodifiableMap(new LinkedHashMap<>(clientProperties));
  }

  /**
   * The properties to build a Kafka Admin or consumer for this cluster with.
   *
   * <p>Both client timeouts default to {@code deadline} so that no Kafka call outlives a scrape's
   * deadline; a value the user set wins (the Admin client raises {@code default.api.timeout.ms} to
   * {@code request.timeout.ms} if it is lower, with a warning).
   */
  public Map<String, Object> clientProperties(Duration deadline) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.putAll(clientProperties);
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
        clientProperties.entrySet().stream()
            .map(e -> e.getKey() + "=" + (isSecret(e.getKey()) ? "[hidden]" : e.getValue()))
            .collect(Collectors.joining(", ", "{", "}"));
    return "ClusterConfig[alias="
        + alias
        + ", bootstrapServers="
        + bootstrapServers
        + ", clientProperties="
        + props
        + "]";
  }

  /**
   * Kafka's own PASSWORD-typed configs, plus any key that looks secret: plugins (OAuth, custom
   * login modules) add keys Kafka does not know, and hiding too much is the safe error.
   */
  static boolean isSecret(String key) {
    if (isPasswordType(AdminClientConfig.configDef(), key)
        || isPasswordType(ConsumerConfig.configDef(), key)) {
      return true;
    }
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password")
        || k.contains("secret")
        || k.contains("jaas")
        || k.contains("credential")
        || k.contains("token")
        || k.endsWith(".key");
  }

  private static boolean isPasswordType(ConfigDef def, String key) {
    ConfigDef.ConfigKey configKey = def.configKeys().get(key);
    return configKey != null && configKey.type == ConfigDef.Type.PASSWORD;
  }
}
