package io.mirrorwatch.reconciler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A directory of one run's own under java.io.tmpdir for the embedded cluster's files (spilled sort
 * runs, the RPC system's extracted jar). Flink removes them only when its cluster closes cleanly,
 * so the run removes the whole directory itself: on close, and from a shutdown hook when the JVM is
 * stopped (Ctrl-C) before that.
 */
public final class Scratch implements AutoCloseable {
  static final String PREFIX = "mirrorwatch-reconciler-";

  private final Path dir;
  private final Thread hook;

  private Scratch(Path dir) {
    this.dir = dir;
    this.hook = new Thread(this::delete, "mirrorwatch-scratch-cleanup");
  }

  public static Scratch create() throws IOException {
    Scratch scratch = new Scratch(Files.createTempDirectory(PREFIX));
    Runtime.getRuntime().addShutdownHook(scratch.hook);
    return scratch;
  }

  public Path dir() {
    return dir;
  }

  @Override
  public void close() {
    delete();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or has run: nothing left to undo.
    }
  }

  private void delete() {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Best effort: what cannot be removed stays under java.io.tmpdir.
    }
  }
}
