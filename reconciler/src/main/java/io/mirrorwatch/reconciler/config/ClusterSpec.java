package io.mirrorwatch.reconciler.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One of the two clusters.
 *
 * @param role {@code primary} or {@code dr}: where producers normally write, and where they fail over to
 * @param alias the name MirrorMaker 2 knows the cluster by (the prefix of its remote topics under the
 *     default policy)
 * @param bootstrapServers comma-separated {@code host:port} list
 * @param properties Kafka client properties passed through unchanged (security settings, mostly);
 *     never contains {@code bootstrap.servers}
 */
public record ClusterSpec(
    String role, String alias, String bootstrapServers, Map<String, String> properties) {

  public ClusterSpec {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** Properties for a Kafka client of this cluster: the pass-through ones plus bootstrap.servers. */
  public Map<String, String> clientProperties() {
    Map<String, String> props = new LinkedHashMap<>(properties);
    props.put("bootstrap.servers", bootstrapServers);
    return props;
  }

  /** Hides values of keys that look secret: configs end up in logs and reports. */
  @Override
  public String toString() {
    String props =
        properties.entrySet().stream()
            .map(e -> e.getKey() + "=" + (isSecret(e.getKey()) ? "[hidden]" : e.getValue()))
            .collect(Collectors.joining(", ", "{", "}"));
    return "ClusterSpec[role=" + role + ", alias=" + alias + ", bootstrapServers="
        + bootstrapServers + ", properties=" + props + "]";
  }

  static boolean isSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password") || k.contains("secret") || k.contains("jaas")
        || k.contains("credential") || k.contains("token") || k.endsWith(".key");
  }
}
