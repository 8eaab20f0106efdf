package io.mirrorwatch.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  @ParameterizedTest
  @CsvSource({
    "500ms, PT0.5S",
    "10s, PT10S",
    "2m, PT2M",
    "1h, PT1H",
    "' 3s ', PT3S",
    "PT10S, PT10S",
    "pt1m30s, PT1M30S",
    "0s, PT0S"
  })
  void parsesUnitsAndIso8601(String text, Duration expected) {
    assertThat(Durations.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"10", "10x", "1.5s", "-5s", "s", "", "10 s", "P", "99999999999999999h"})
  void rejectsEverythingElseWithAHint(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a duration: '" + text + "' (use e.g. 500ms, 10s, 2m)");
  }

  @ParameterizedTest
  @CsvSource({"PT0.5S, 500ms", "PT90S, 90s", "PT2M, 2m", "PT2H, 2h", "PT0S, 0s", "PT1.5S, 1500ms"})
  void formatsInTheConfigSyntax(Duration duration, String expected) {
    assertThat(Durations.format(duration)).isEqualTo(expected);
  }
}
