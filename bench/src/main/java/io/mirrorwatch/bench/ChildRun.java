package io.mirrorwatch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM on the bench's own classpath, timed from process start to exit; its standard output
 * and error go to files.
 */
final class ChildRun {
  /**
   * kafka-run-class.sh's defaults (KAFKA_HEAP_OPTS, KAFKA_JVM_PERFORMANCE_OPTS) for a Kafka tool.
   */
  static final List<String> KAFKA_TOOL_JVM =
      List.of(
          "-Xmx256M",
          "-server",
          "-XX:+UseG1GC",
          "-XX:MaxGCPauseMillis=20",
          "-XX:InitiatingHeapOccupancyPercent=35",
          "-XX:+ExplicitGCInvokesConcurrent",
          "-Djava.awt.headless=true");

  private ChildRun() {}

  /** Outcome of one run: wall time from spawn to exit, and where its output went. */
  record Result(double seconds, int exitCode, Path out, Path err) {
    /** The last lines of standard error and output, for a failure report. */
    String tails() {
      return tail(err) + tail(out);
    }

    String output() {
      try {
        return Files.readString(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Runs the child and requires exit code 0. */
  static Result run(List<String> jvmOptions, String mainClass, List<String> args, Path out) {
    Result r = runAllowingFailure(jvmOptions, mainClass, args, out);
    if (r.exitCode() != 0) {
      throw new IllegalStateException(mainClass + " exited " + r.exitCode() + ":\n" + r.tails());
    }
    return r;
  }

  static Result runAllowingFailure(
      List<String> jvmOptions, String mainClass, List<String> args, Path out) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.addAll(args);
    Path err = out.resolveSibling(out.getFileName() + ".err");
    long start = System.nanoTime();
    try {
      Process p =
          new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(15, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException(mainClass + " did not finish within 15 minutes");
      }
      return new Result(Stats.seconds(System.nanoTime() - start), p.exitValue(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + mainClass, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + mainClass, e);
    }
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())) + "\n";
    } catch (IOException e) {
      return "(cannot read " + file + ")\n";
    }
  }
}
