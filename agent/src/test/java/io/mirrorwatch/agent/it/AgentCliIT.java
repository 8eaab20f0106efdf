package io.mirrorwatch.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's command line, run as a real process: bad configuration is one clear message, exit 2.
 */
class AgentCliIT {

  @Test
  void configWithSeveralMistakesListsEveryOneAndExitsTwoWithoutAStackTrace(@TempDir Path dir)
      throws Exception {
    Path config = dir.resolve("agent.yaml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "scrape: {interval: 10x}",
            "http: {port: 70000}",
            "clusters:",
            "  primary: {bootstrap.servers: \"127.0.0.1:9092\"}",
            "  dr: {}",
            "flows:",
            "  - source: primry",
            "    target: dr",
            "    policy: mirror",
            "    topics: {include: [\"(\"]}",
            "thresholds: {latency: {healthy: 5s, warning: 1s}}",
            ""));
    Result r = run("--config", config.toString());
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err)
        .contains("scrape.interval")
        .contains("http.port")
        .contains("clusters.dr.bootstrap.servers")
        .contains("flows[0].source")
        .contains("flows[0].policy")
        .contains("flows[0].topics.include[0]")
        .contains("thresholds.latency.warning")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void missingFileIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
    Result r = run("--config", dir.resolve("nope.yaml").toString());
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("nope.yaml").doesNotContain("\tat ");
  }

  @Test
  void portAlreadyInUseIsOneLineAndExitOne(@TempDir Path dir) throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      Path config = dir.resolve("agent.yaml");
      Files.writeString(
          config,
          String.join(
              "\n",
              "http: {bind: 127.0.0.1, port: " + taken.getLocalPort() + "}",
              "clusters:",
              "  primary: {bootstrap.servers: \"127.0.0.1:1\"}",
              "  dr: {bootstrap.servers: \"127.0.0.1:2\"}",
              "flows:",
              "  - {source: primary, target: dr}",
              ""));
      Result r = run("--config", config.toString());
      assertThat(r.exit).isEqualTo(1);
      assertThat(r.err)
          .contains("mirrorwatch-agent:")
          .contains("BindException")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void helpDocumentsEveryFlag() throws Exception {
    Result r = run("--help");
    assertThat(r.exit).isZero();
    assertThat(r.out).contains("--config").contains("--check-config").contains("--help");
  }

  private record Result(int exit, String out, String err) {}

  private static Result run(String... args) throws Exception {
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.mirrorwatch.agent.AgentMain"));
    cmd.addAll(List.of(args));
    File out = File.createTempFile("agent-out", ".txt");
    File err = File.createTempFile("agent-err", ".txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out).redirectError(err).start();
    try {
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("agent exited").isTrue();
      return new Result(
          p.exitValue(),
          Files.readString(out.toPath(), StandardCharsets.UTF_8),
          Files.readString(err.toPath(), StandardCharsets.UTF_8));
    } finally {
      p.destroyForcibly();
      out.delete();
      err.delete();
    }
  }
}
