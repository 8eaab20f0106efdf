package io.mirrorwatch.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RecordsTest {
  @Test
  void jmxEndpointToStringHidesThePassword() {
    JmxEndpoint endpoint =
        new JmxEndpoint(
            "service:jmx:rmi:///jndi/rmi://h:9999/jmxrmi",
            Optional.of("admin"),
            Optional.of("s3cr3t"));

    assertThat(endpoint.toString()).doesNotContain("s3cr3t").contains("admin", "[hidden]");
  }

  @Test
  void clusterToStringHidesSecretProperties() {
    ClusterConfig cluster =
        new ClusterConfig(
            "primary",
            "h:1",
            Map.of(
                "sasl.jaas.config", "ScramLoginModule required password=\"pw1\";",
                "ssl.truststore.password", "pw2",
                "security.protocol", "SASL_SSL"));

    assertThat(cluster.toString()).doesNotContain("pw1", "pw2").contains("SASL_SSL");
  }

  @Test
  void clientPropertiesDefaultBothTimeoutsToTheDeadline() {
    ClusterConfig cluster =
        new ClusterConfig("primary", "h:1,h:2", Map.of("security.protocol", "SSL"));

    assertThat(cluster.clientProperties(Duration.ofSeconds(5)))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "bootstrap.servers",
                "h:1,h:2",
                "security.protocol",
                "SSL",
                "request.timeout.ms",
                5000,
                "default.api.timeout.ms",
                5000));
  }

  @Test
  void clientPropertiesKeepTimeoutsTheUserSet() {
    ClusterConfig cluster =
        new ClusterConfig("primary", "h:1", Map.of("request.timeout.ms", "30000"));

    assertThat(cluster.clientProperties(Duration.ofSeconds(5)))
        .containsEntry("request.timeout.ms", "30000")
        .containsEntry("default.api.timeout.ms", 5000);
  }

  @Test
  void topicFilterNeedsAFullIncludeMatchAndNoExcludeMatch() {
    TopicFilter filter =
        new TopicFilter(List.of(Pattern.compile("orders.*")), List.of(Pattern.compile(".*-tmp")));

    assertThat(filter.matches("orders")).isTrue();
    assertThat(filter.matches("orders-eu")).isTrue();
    assertThat(filter.matches("all-orders")).isFalse(); // include must match in full
    assertThat(filter.matches("orders-tmp")).isFalse();
    assertThat(TopicFilter.ALL.matches("anything")).isTrue();
  }

  @Test
  void topicFiltersWithTheSameRegexesAreEqual() {
    assertThat(new TopicFilter(List.of(Pattern.compile("a.*")), List.of()))
        .isEqualTo(new TopicFilter(List.of(Pattern.compile("a.*")), List.of()))
        .hasSameHashCodeAs(new TopicFilter(List.of(Pattern.compile("a.*")), List.of()))
        .isNotEqualTo(new TopicFilter(List.of(Pattern.compile("b.*")), List.of()));
  }
}
