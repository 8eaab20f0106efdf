package io.mirrorwatch.lab.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Log4j 2 settings shared by all child JVMs: everything to standard output, which {@link ChildJvm}
 * appends to the child's own log file. WARN by default, INFO for the few loggers that say what a
 * broker or MirrorMaker is doing, so the files stay readable in a failure report.
 */
public final class ChildLogging {
  private ChildLogging() {}

  /** Writes the configuration into {@code dir} and returns the JVM option that selects it. */
  public static String jvmOption(Path dir) {
    Path file = dir.resolve("log4j2-children.properties");
    if (!Files.exists(file)) {
      List<String> lines =
          List.of(
              "status = warn",
              "appender.out.type = Console",
              "appender.out.name = OUT",
              "appender.out.layout.type = PatternLayout",
              "appender.out.layout.pattern = [%d{HH:mm:ss.SSS}] %p %m (%c{1})%n",
              "rootLogger.level = WARN",
              "rootLogger.appenderRef.out.ref = OUT",
              "logger.server.name = kafka.server.KafkaRaftServer",
              "logger.server.level = INFO",
              "logger.mirror.name = org.apache.kafka.connect.mirror.MirrorMaker",
              "logger.mirror.level = INFO",
              "logger.herder.name = org.apache.kafka.connect.runtime.distributed.DistributedHerder",
              "logger.herder.level = INFO");
      try {
        Files.write(file, lines);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return "-Dlog4j2.configurationFile=" + file.toAbsolutePath();
  }
}
