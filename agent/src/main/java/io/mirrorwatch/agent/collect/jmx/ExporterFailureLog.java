package io.mirrorwatch.agent.collect.jmx;

import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovers why a scrape failed, which {@code JmxCollector} 1.5.0 does not surface: its {@code
 * collect()} catches every exception of the scrape, sets its {@code jmx_scrape_error} gauge to 1,
 * returns no samples, and logs {@code "JMX scrape failed: <stack trace>"} as SEVERE on the
 * java.util.logging logger {@code io.prometheus.jmx.JmxCollector}. That log record is the only
 * place the cause survives, so this class listens to it.
 *
 * <p>Invariants: the handler is installed once per JVM, on first use of this class. The failure is
 * kept per thread, and the exporter logs on the thread that calls {@code collect()}, so concurrent
 * collectors never see each other's failures. The exporter's logger no longer forwards to the
 * console: its multi-line stack trace goes to DEBUG, and the caller reports one line instead.
 */
final class ExporterFailureLog {
  private static final String EXPORTER_LOGGER = "io.prometheus.jmx.JmxCollector";
  private static final String PREFIX = "JMX scrape failed: ";
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(ExporterFailureLog.class);
  private static final ThreadLocal<String> LAST_FAILURE = new ThreadLocal<>();

  // A strong reference: java.util.logging holds loggers weakly, and a collected logger would come
  // back without this handler.
  private static final Logger EXPORTER = Logger.getLogger(EXPORTER_LOGGER);

  static {
    EXPORTER.addHandler(new Capture());
    EXPORTER.setUseParentHandlers(false);
  }

  private ExporterFailureLog() {}

  /** Forgets the current thread's last failure; call before each {@code collect()}. */
  static void clear() {
    LAST_FAILURE.remove();
  }

  /** The one-line reason of the current thread's last failed scrape since {@link #clear()}. */
  static Optional<String> lastFailure() {
    return Optional.ofNullable(LAST_FAILURE.get());
  }

  /**
   * The root cause of a printed stack trace, on one line: the header of the last {@code Caused by:}
   * (or of the exception itself), with the line breaks that RMI puts into its messages removed. For
   * a refused connection that is {@code java.net.ConnectException: Connection refused}.
   */
  static String rootCause(String stackTrace) {
    String header = "";
    StringBuilder current = new StringBuilder();
    boolean inHeader = true;
    for (String line : stackTrace.split("\\R")) {
      String trimmed = line.strip();
      if (line.startsWith("Caused by: ")) {
        current = new StringBuilder(line.substring("Caused by: ".length()));
        inHeader = true;
      } else if (trimmed.startsWith("at ")
          || trimmed.startsWith("Suppressed: ")
          || trimmed.matches("\\.\\.\\. \\d+ more")) {
        if (inHeader) {
          header = current.toString();
        }
        inHeader = false;
      } else if (inHeader) {
        current.append(' ').append(trimmed);
      }
    }
    if (inHeader) {
      header = current.toString();
    }
    return header.replaceAll("\\s+", " ").strip();
  }

  private static final class Capture extends Handler {
    @Override
    public void publish(LogRecord record) {
      String message = record.getMessage();
      if (record.getLevel().intValue() < Level.SEVERE.intValue() || message == null) {
        return;
      }
      LOG.debug("{}", message);
      String reason = message.startsWith(PREFIX) ? message.substring(PREFIX.length()) : message;
      LAST_FAILURE.set(rootCause(reason));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
