package io.mirrorwatch.agent.collect.jmx;

import java.util.Optional;

/**
 * The JMX exporter configuration for scraping one MirrorMaker 2: connection settings plus the rules
 * of Strimzi's {@code kafka-mirror-maker-2-metrics} config that mirrorwatch relies on, so the raw
 * series keep Strimzi's names and existing dashboards keep working.
 *
 * <p>Names: the exporter replaces every character outside {@code [a-zA-Z0-9:_]} in a rule's name
 * with {@code _} (collapsing runs), so the attribute {@code replication-latency-ms} captured by
 * {@code $5} becomes {@code kafka_connect_mirror_mirrorsourceconnector_replication_latency_ms}.
 *
 * <p>Cost: {@code includeObjectNames} limits the MBean query to the MM2 and connector/task status
 * beans; without it the exporter would fetch every attribute of every MBean (all producer, consumer
 * and JVM beans) on every scrape. Rules have no catch-all, so unmatched attributes are dropped.
 */
final class Mm2ExporterConfig {
  // Order matters only for readability: the patterns are disjoint.
  private static final String RULES =
      """
      lowercaseOutputName: true
      lowercaseOutputLabelNames: true
      includeObjectNames:
        - "kafka.connect.mirror:*"
        - "kafka.connect:type=connector-metrics,*"
        - "kafka.connect:type=connector-task-metrics,*"
      rules:
        - pattern: 'kafka.connect<type=connector-metrics, connector=(.+)><>status: ([a-z-]+)'
          name: kafka_connect_connector_status
          value: 1
          labels:
            connector: "$1"
            status: "$2"
          help: "Kafka Connect connector status"
          type: GAUGE
        - pattern: 'kafka.connect<type=connector-task-metrics, connector=(.+), task=(.+)><>status: ([a-z-]+)'
          name: kafka_connect_connector_task_status
          value: 1
          labels:
            connector: "$1"
            task: "$2"
            status: "$3"
          help: "Kafka Connect connector task status"
          type: GAUGE
        - pattern: 'kafka.connect.mirror<type=MirrorSourceConnector, source=(.+), target=(.+), topic=(.+), partition=([0-9]+)><>([a-z-]+)'
          name: kafka_connect_mirror_mirrorsourceconnector_$5
          labels:
            source: "$1"
            target: "$2"
            topic: "$3"
            partition: "$4"
          help: "Kafka Connect MM2 Source Connector Information"
          type: GAUGE
        - pattern: 'kafka.connect.mirror<type=MirrorCheckpointConnector, source=(.+), target=(.+), group=(.+), topic=(.+), partition=([0-9]+)><>([a-z-]+)'
          name: kafka_connect_mirror_mirrorcheckpointconnector_$6
          labels:
            source: "$1"
            target: "$2"
            group: "$3"
            topic: "$4"
            partition: "$5"
          help: "Kafka Connect MM2 Checkpoint Connector Information"
          type: GAUGE
      """;

  private Mm2ExporterConfig() {}

  /** The complete YAML for {@code new JmxCollector(String)}. */
  static String yaml(String jmxUrl, Optional<JmxCredentials> credentials) {
    StringBuilder yaml = new StringBuilder("jmxUrl: ").append(quoted(jmxUrl)).append('\n');
    credentials.ifPresent(
        c ->
            yaml.append("username: ")
                .append(quoted(c.username()))
                .append("\npassword: ")
                .append(quoted(c.password()))
                .append('\n'));
    return yaml.append(RULES).toString();
  }

  /**
   * A YAML double-quoted scalar, so a URL or password can never be read as YAML structure. Control
   * characters are refused rather than escaped: none belongs in a URL or a JMX credential.
   */
  static String quoted(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (char c : value.toCharArray()) {
      if (Character.isISOControl(c)) {
        throw new IllegalArgumentException("control character in JMX setting");
      }
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('"').toString();
  }
}
