package io.mirrorwatch.agent.collect.jmx;

import java.time.Duration;

/**
 * MirrorMaker 2's JMX as the agent sees it: one scrape at a time, each bounded by a deadline.
 *
 * <p>Contract: {@link #scrape} returns within about {@code deadline} whatever the remote JVM does
 * (refuses, hangs, is frozen), either with a complete {@link JmxScrape} or by throwing {@link
 * JmxScrapeException}; it never returns partial or stale data and never returns null. Callers keep
 * their own last good scrape if they want to serve stale data.
 */
public interface Mm2JmxSource extends AutoCloseable {
  JmxScrape scrape(Duration deadline) throws JmxScrapeException;

  /** Releases the scrape thread; further scrapes throw {@link JmxScrapeException}. */
  @Override
  void close();
}
