package io.mirrorwatch.agent.collect.jmx;

/**
 * A scrape of MirrorMaker 2's JMX that produced no data: refused, timed out, rejected or not
 * started. The message is one line naming the JMX URL and the reason, meant to be logged as is; a
 * failed scrape never carries partial data.
 */
public final class JmxScrapeException extends Exception {
  private static final long serialVersionUID = 1L;

  public JmxScrapeException(String message) {
    super(message);
  }
}
