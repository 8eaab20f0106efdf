package io.mirrorwatch.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvSubstitutionTest {
  private final List<String> problems = new ArrayList<>();

  @Test
  void replacesEveryReferenceAndLeavesTheRest() {
    assertThat(apply("user=${U} pass=${P}$", Map.of("U", "alice", "P", "x")))
        .contains("user=alice pass=x$");
    assertThat(problems).isEmpty();
  }

  @Test
  void substitutedValuesAreNotScannedAgain() {
    assertThat(apply("${A}", Map.of("A", "${B}"))).contains("${B}");
  }

  @Test
  void reportsEveryUnsetVariable() {
    assertThat(apply("${A}:${B}", Map.of())).isEmpty();
    assertThat(problems)
        .containsExactly("environment variable A is not set", "environment variable B is not set");
  }

  @Test
  void reportsMalformedReferences() {
    assertThat(apply("${1X}", Map.of())).isEmpty();
    assertThat(apply("${OPEN", Map.of())).isEmpty();
    assertThat(problems)
        .containsExactly(
            "invalid environment variable reference '${1X}'", "unterminated '${' (write ${NAME})");
  }

  @Test
  void passesKafkaConfigProviderReferencesThroughForTheClients() {
    assertThat(
            apply(
                "${file:/etc/kafka/secrets.properties:password} ${dir:/etc/s:pw} ${env:X} ${U}",
                Map.of("U", "alice")))
        .contains("${file:/etc/kafka/secrets.properties:password} ${dir:/etc/s:pw} ${env:X} alice");
    assertThat(problems).isEmpty();
  }

  @Test
  void aColonAloneDoesNotMakeAProviderReference() {
    assertThat(apply("${:x}", Map.of())).isEmpty();
    assertThat(apply("${file:}", Map.of())).isEmpty();
    assertThat(problems)
        .containsExactly(
            "invalid environment variable reference '${:x}'",
            "invalid environment variable reference '${file:}'");
  }

  private Optional<String> apply(String text, Map<String, String> env) {
    return EnvSubstitution.apply(text, env, problems::add);
  }
}
