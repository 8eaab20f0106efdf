package io.mirrorwatch.reconciler.config;

import java.time.Duration;
import java.util.Optional;

/**
 * How to aggregate events per time bucket (by event time).
 *
 * @param amountPointer JSON pointer to the amount summed per bucket, e.g. {@code /amount}
 * @param groupByPointer JSON pointer to a grouping key, e.g. {@code /customerId}
 */
public record AggregatesSpec(
    Duration bucket, String amountPointer, Optional<String> groupByPointer) {
  public static final Duration DEFAULT_BUCKET = Duration.ofMinutes(1);
}
