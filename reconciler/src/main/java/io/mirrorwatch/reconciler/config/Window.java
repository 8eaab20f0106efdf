package io.mirrorwatch.reconciler.config;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The time range reconciled, by record timestamp: events of the source streams in {@code [from,
 * to)}; downstream records in {@code [from, downstreamTo)}, which extends past {@code to} because
 * an event is recorded downstream some time after it was produced.
 *
 * @param failoverAt the failover cutover, if configured
 * @param failbackAt the failback cutover, if configured
 */
public record Window(
    Instant from,
    Instant to,
    Instant downstreamTo,
    Optional<Instant> failoverAt,
    Optional<Instant> failbackAt) {

  public static final Duration DEFAULT_MARGIN = Duration.ofMinutes(5);
  public static final Duration DEFAULT_DOWNSTREAM_GRACE = Duration.ofMinutes(15);

  public boolean isEmpty() {
    return !from.isBefore(to);
  }
}
