package io.mirrorwatch.bench.reconcile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One child JVM, timed from spawn to exit, with its peak resident memory: the kernel's high-water
 * mark ({@code VmHWM} in {@code /proc/PID/status}), sampled every 50 ms while it runs (the value
 * only grows, so the last sample before exit is within 50 ms of the true peak).
 */
final class Measured {
  private static final Pattern RESULT = Pattern.compile("RESULT records=(\\d+)");
  private static final Pattern HWM = Pattern.compile("VmHWM:\\s+(\\d+) kB");

  /**
   * @param records what the child printed as {@code RESULT records=N}, if it did
   */
  record Run(
      String name,
      double seconds,
      int exitCode,
      long peakRssBytes,
      OptionalLong records,
      Path out,
      Path err) {
    String tails() {
      return tail(err) + tail(out);
    }
  }

  private Measured() {}

  static Run run(String name, List<String> command, Path dir) {
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    long start = System.nanoTime();
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      long peak = 0;
      long deadline = start + TimeUnit.MINUTES.toNanos(30);
      while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
        peak = Math.max(peak, hwm(p.pid()));
        if (System.nanoTime() > deadline) {
          p.destroyForcibly();
          throw new IllegalStateException(name + " did not finish within 30 minutes");
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Matcher m = RESULT.matcher(Files.readString(out));
      OptionalLong records =
          m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
      return new Run(name, seconds, p.exitValue(), peak, records, out, err);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + name, e);
    }
  }

  /** A java command: this JVM's binary, the options, then the rest. */
  static List<String> java(List<String> options, String... rest) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(options);
    cmd.addAll(List.of(rest));
    return cmd;
  }

  private static long hwm(long pid) {
    try {
      Matcher m = HWM.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
      return m.find() ? Long.parseLong(m.group(1)) * 1024 : 0;
    } catch (IOException e) {
      return 0; // exited between waitFor and the read
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
