package io.mirrorwatch.reconciler;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.reconciler.report.Report;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's exits that come before anything runs: no Kafka, no Flink. */
class ReconcileMainTest {
  final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  int run(String... args) {
    return ReconcileMain.run(
        args, new PrintStream(stdout, true, UTF_8), new PrintStream(stderr, true, UTF_8));
  }

  @Test
  void anInvalidSpecExitsTwoWithItsProblemsAndNoStackTrace(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("reconcile.yaml");
    Files.writeString(spec, "clusters: {primary: {bootstrap.servers: \"a:1\"}}\n");

    assertThat(run("--config", spec.toString(), "--out", dir.resolve("out").toString()))
        .isEqualTo(Report.EXIT_ERROR);
    assertThat(stderr.toString(UTF_8))
        .isNotBlank()
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
    assertThat(stdout.toString(UTF_8)).isEmpty();
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aMissingSpecFileExitsTwoWithoutAStackTrace(@TempDir Path dir) {
    assertThat(run("--config", dir.resolve("nope.yaml").toString())).isEqualTo(Report.EXIT_ERROR);
    assertThat(stderr.toString(UTF_8)).contains("nope.yaml").doesNotContain("\tat ");
  }

  @Test
  void noSpecIsAUsageErrorExitingTwo() {
    assertThat(run()).isEqualTo(Report.EXIT_ERROR);
    assertThat(stderr.toString(UTF_8)).contains("--config");
  }
}
