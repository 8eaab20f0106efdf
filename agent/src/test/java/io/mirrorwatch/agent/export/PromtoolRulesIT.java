package io.mirrorwatch.agent.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The alert rules are valid Prometheus rules and pass their promtool unit tests (alerts/tests/),
 * exactly as {@code alerts/check.sh} runs them. Needs promtool: on the PATH, or named by the system
 * property {@code promtool} or the environment variable {@code PROMTOOL}. Starts nothing else.
 */
class PromtoolRulesIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  @Test
  void rulesFileIsValidForPrometheus() throws Exception {
    assertSucceeds(List.of("check", "rules", "alerts/mirrorwatch-rules.yaml"));
  }

  @Test
  void everyAlertPassesItsPromtoolUnitTests() throws Exception {
    List<String> args = new ArrayList<>(List.of("test", "rules"));
    try (Stream<Path> files = Files.list(ROOT.resolve("alerts/tests"))) {
      files
          .filter(f -> f.toString().endsWith(".yaml"))
          .sorted()
          .forEach(f -> args.add(ROOT.relativize(f).toString()));
    }
    assertThat(args).as("promtool test files in alerts/tests").hasSizeGreaterThan(2);
    assertSucceeds(args);
  }

  private static void assertSucceeds(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(promtool());
    command.addAll(args);
    Path output = Files.createTempFile("promtool", ".out");
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(ROOT.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("%s did not finish within %s", String.join(" ", command), TIMEOUT);
      }
      assertThat(p.exitValue())
          .as(
              "exit code of `%s` in %s, output:%n%s",
              String.join(" ", command), ROOT, Files.readString(output))
          .isZero();
    } finally {
      Files.deleteIfExists(output);
    }
  }

  /** The configured promtool, else the first one on the PATH; fails with what to do if none. */
  private static String promtool() {
    Optional<String> configured =
        Optional.ofNullable(System.getProperty("promtool"))
            .or(() -> Optional.ofNullable(System.getenv("PROMTOOL")))
            .filter(s -> !s.isBlank());
    if (configured.isPresent()) {
      if (!Files.isExecutable(Path.of(configured.get()))) {
        fail(
            "promtool '%s' (from -Dpromtool or PROMTOOL) is not an executable file",
            configured.get());
      }
      return configured.get();
    }
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "promtool"))) {
        return Path.of(dir, "promtool").toString();
      }
    }
    return fail(
        "promtool not found on the PATH (%s). It validates and unit-tests alerts/mirrorwatch-rules.yaml. "
            + "Install it (Debian/Ubuntu: apt-get install prometheus; or the prometheus-*.tar.gz release from "
            + "https://prometheus.io/download/), or point -Dpromtool=/path/to/promtool or PROMTOOL at it.",
        path);
  }
}
