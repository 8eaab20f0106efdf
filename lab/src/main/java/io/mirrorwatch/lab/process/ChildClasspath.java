package io.mirrorwatch.lab.process;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The classpath handed to child JVMs: the lab's own (its jar's manifest names Kafka's broker,
 * Connect and MirrorMaker jars), or {@code -Dmirrorwatch.lab.classpath} when the caller's classpath
 * lacks the broker jars (other modules' tests point it at {@code lab/target/mirrorwatch-lab.jar}).
 */
public final class ChildClasspath {
  public static final String PROPERTY = "mirrorwatch.lab.classpath";

  private ChildClasspath() {}

  public static String resolve() {
    String raw = System.getProperty(PROPERTY, System.getProperty("java.class.path"));
    // Absolute paths: a relative "-jar lab/target/x.jar" must still work from the lab directory.
    return Arrays.stream(raw.split(File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }
}
