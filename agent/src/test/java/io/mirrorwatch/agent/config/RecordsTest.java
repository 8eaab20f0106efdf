package io.mirrorwatch.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
