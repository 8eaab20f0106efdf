package io.mirrorwatch.cutover.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrorwatch.lab.Lab;
import io.mirrorwatch.lab.workload.Orders;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real CLI, {@code java -jar mirrorwatch-cutover.jar}, as a child process stopped by PID. */
final class PlanCli {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Result(int exit, String out, String err, long millis) {
    JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (IOException e) {
        throw new AssertionError("not JSON (exit " + exit + "): " + out + "\nstderr: " + err, e);
      }
    }
  }

  private PlanCli() {}

  /** An agent config for the lab's primary -> dr flow, watching {@code order-processor}. */
  static Path config(Lab lab, Path dir, String policy) throws IOException {
    Path file = dir.resolve("agent-" + policy + ".yaml");
    Files.writeString(
        file,
        String.join(
            "\n",
            "scrape: {interval: 5s, deadline: 3s}",
            "clusters:",
            "  primary: {bootstrap.servers: \"" + lab.primary().bootstrapServers() + "\"}",
            "  dr: {bootstrap.servers: \"" + lab.dr().bootstrapServers() + "\"}",
            "flows:",
            "  - source: primary",
            "    target: dr",
            "    policy: " + policy,
            "    topics: {include: [\"orders\"]}",
            "    groups: {include: [\"" + Orders.GROUP + "\"]}",
            "    mm2: {jmx: [{url: \"" + lab.mirrorMaker().jmxUrl() + "\"}]}",
            "idempotency: {idempotentGroups: [\"" + Orders.GROUP + "\"]}",
            ""));
    return file;
  }

  static Result run(String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("mirrorwatch.cutover.jar", "target/mirrorwatch-cutover.jar")));
    cmd.addAll(List.of(args));
    File out = File.createTempFile("cutover-out", ".txt");
    File err = File.createTempFile("cutover-err", ".txt");
    long start = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectOutput(out).redirectError(err).start();
    try {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("cutover exited").isTrue();
      return new Result(
          p.exitValue(),
          Files.readString(out.toPath(), StandardCharsets.UTF_8),
          Files.readString(err.toPath(), StandardCharsets.UTF_8),
          (System.nanoTime() - start) / 1_000_000);
    } finally {
      p.destroyForcibly();
      out.delete();
      err.delete();
    }
  }
}
