package io.mirrorwatch.lab.process;

import io.mirrorwatch.lab.poll.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM, tracked and signalled by its PID only.
 *
 * <p>Invariants: every started child is registered with {@link ChildRegistry} until it has exited,
 * so a shutdown hook can stop it; a frozen (SIGSTOP) child is resumed before a graceful stop, since
 * a stopped process cannot act on SIGTERM. Output goes to {@code <name>.out} in the lab directory.
 */
public final class ChildJvm {
  private final String name;
  private final List<String> command;
  private final Path logFile;
  private Process process;
  private boolean frozen;

  public ChildJvm(
      String name,
      String classpath,
      List<String> jvmOptions,
      String mainClass,
      List<String> args,
      Path logDir) {
    this.name = name;
    this.logFile = logDir.resolve(name + ".out");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(ChildMain.class.getName());
    cmd.add(mainClass);
    cmd.addAll(args);
    this.command = List.copyOf(cmd);
  }

  public String name() {
    return name;
  }

  public Path logFile() {
    return logFile;
  }

  public synchronized void start() {
    if (isAlive()) {
      throw new IllegalStateException(name + " is already running (pid " + pid() + ")");
    }
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
    frozen = false;
    ChildRegistry.register(this);
  }

  public synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  public synchronized long pid() {
    if (process == null) {
      throw new IllegalStateException(name + " was never started");
    }
    return process.pid();
  }

  /** SIGTERM, then SIGKILL if the child has not exited within {@code grace}. */
  public synchronized void stop(Duration grace) {
    if (!isAlive()) {
      return;
    }
    if (frozen) {
      thaw();
    }
    process.destroy();
    if (!waitFor(grace)) {
      kill();
    }
    ChildRegistry.unregister(this);
  }

  /** SIGKILL: the process is gone at once, as when its data centre is lost. */
  public synchronized void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    waitFor(Duration.ofSeconds(30));
    frozen = false;
    ChildRegistry.unregister(this);
  }

  /**
   * SIGSTOP: the process stays alive and holds its sockets, but answers nothing (the hung case).
   * Returns once the kernel reports it stopped: delivery is asynchronous, and on a loaded machine a
   * request sent right after {@code kill} can still be answered.
   */
  public synchronized void freeze() {
    signal("-STOP");
    frozen = true;
    awaitState(true);
  }

  /** SIGCONT: resumes a frozen process; returns once it runs again. */
  public synchronized void thaw() {
    signal("-CONT");
    frozen = false;
    awaitState(false);
  }

  /** Polls /proc/PID/stat until the process is (or is no longer) in the stopped state 'T'. */
  private void awaitState(boolean stopped) {
    Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
    Poll.until(
        name + (stopped ? " to stop" : " to resume"),
        Duration.ofSeconds(10),
        () -> {
          try {
            String line = Files.readString(stat);
            // Format: "pid (comm) S ...": the state follows the last ')'.
            char state = line.charAt(line.lastIndexOf(')') + 2);
            return (state == 'T' || state == 't') == stopped;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  public synchronized Optional<Integer> exitCode() {
    return process == null || process.isAlive()
        ? Optional.empty()
        : Optional.of(process.exitValue());
  }

  /** The last {@code lines} lines of the child's output, for failure messages. */
  public String tail(int lines) {
    try {
      if (!Files.exists(logFile)) {
        return "(no output yet)";
      }
      List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + logFile + ": " + e.getMessage() + ")";
    }
  }

  private boolean waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void signal(String signal) {
    if (!isAlive()) {
      throw new IllegalStateException(name + " is not running");
    }
    try {
      Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signalling " + name, e);
    }
  }

  @Override
  public String toString() {
    return name + (process == null ? " (not started)" : " (pid " + process.pid() + ")");
  }
}
