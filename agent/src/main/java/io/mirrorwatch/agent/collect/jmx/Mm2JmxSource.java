package io.mirrorwatch.agent.collect.jmx;

import io.mirrorwatch.agent.collect.CollectException;
import java.time.Duration;

/**
 * MirrorMaker 2's JMX as the agent sees it: the one narrow interface in front of JMX. {@link
 * Mm2JmxCollector} implements it for one MM2 JVM, {@link Mm2JmxNodes} for the several JVMs that run
 * one flow.
 *
 * <p>Contract: {@link #scrape} returns within about {@code deadline} per JVM whatever the remote
 * JVM does (refuses, hangs, is frozen), either with a complete {@link JmxScrape} or by throwing
 * {@link CollectException} with a one-line message naming the JMX URL and the reason; it never
 * returns partial or stale data and never returns null. Callers keep their own last good scrape if
 * they want to serve stale data.
 */
public interface Mm2JmxSource extends AutoCloseable {
  JmxScrape scrape(Duration deadline) throws CollectException;

  /** Releases the scrape thread; further scrapes throw {@link CollectException}. */
  @Override
  void close();
}
