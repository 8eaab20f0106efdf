package io.mirrorwatch.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class YamlConfigTest {
  private static final YamlConfig YAML = new YamlConfig("test", "a, b");

  /** A small reader: every problem of every key is reported, none stops the walk. */
  private static Map<String, Object> read(ConfigNode root) {
    root.expectMap("name", "every", "count", "servers");
    Optional<String> name = root.get("name").requiredText();
    Optional<Duration> every = root.get("every").positiveDuration(Duration.ofSeconds(1));
    Optional<Integer> count = root.get("count").integer(1, 1, 10);
    return Map.of(
        "name", name.orElse(""), "every", every.orElse(Duration.ZERO), "count", count.orElse(0));
  }

  private static List<String> problems(String yaml, Map<String, String> env) {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> YAML.parse(yaml, env, Optional.of("f.yaml"), YamlConfigTest::read));
    assertThat(e).as("expected a ConfigException").isNotNull();
    return e.problems();
  }

  @Test
  void readsATypedValueWithUnitsIsoDurationsAndEnvironmentSubstitution() {
    Map<String, Object> value =
        YAML.parse(
            "name: ${NAME}\nevery: PT1M30S\ncount: '${N}'\n",
            Map.of("NAME", "orders", "N", "3"),
            Optional.empty(),
            YamlConfigTest::read);

    assertThat(value)
        .containsEntry("name", "orders")
        .containsEntry("every", Duration.ofSeconds(90))
        .containsEntry("count", 3);
  }

  @Test
  void reportsEveryProblemAtOnceWithItsKeyPath() {
    assertThat(problems("colour: red\nevery: 10\ncount: 11\n", Map.of()))
        .containsExactly(
            "colour: unknown key (known: name, every, count, servers)",
            "name: required",
            "every: not a duration: '10' (use e.g. 500ms, 10s, 2m)",
            "count: must be between 1 and 10, got 11");
  }

  @Test
  void rejectsAKeyWrittenTwice() {
    assertThat(problems("name: a\nname: b\n", Map.of()))
        .singleElement()
        .asString()
        .startsWith("YAML syntax error at line 2")
        .contains("duplicate key 'name'");
  }

  @Test
  void rejectsASecondDocument() {
    assertThat(problems("name: a\n---\nname: b\n", Map.of()))
        .containsExactly(
            "YAML: more than one document (a second '---' near line 3); write a single one");
  }

  @Test
  void rejectsARootThatIsNotAMap() {
    assertThat(problems("- a\n- b\n", Map.of()))
        .containsExactly("(top level): expected a map of sections (a, b), got a list");
  }

  @Test
  void theMessageNamesTheFileOnEveryLine() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> YAML.parse("every: x\n", Map.of(), Optional.of("f.yaml"), YamlConfigTest::read));
    assertThat(e.getMessage())
        .isEqualTo(
            "invalid test configuration (2 problems):\n"
                + "f.yaml: name: required\n"
                + "f.yaml: every: not a duration: 'x' (use e.g. 500ms, 10s, 2m)");
  }
}
