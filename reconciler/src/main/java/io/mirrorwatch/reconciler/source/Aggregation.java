package io.mirrorwatch.reconciler.source;

import java.io.Serializable;
import java.util.Optional;

/**
 * The aggregates part of the spec in the form that travels with the Flink job (Java-serialized, so
 * no {@code Optional} field): bucket size, the amount pointer, and the optional group-key pointer.
 *
 * @param bucketMs bucket size in ms, positive; buckets start at multiples of it since the epoch
 * @param groupByPointer JSON pointer to the grouping key; null when not configured, read through
 *     {@link #groupBy()}
 */
public record Aggregation(long bucketMs, String amountPointer, String groupByPointer)
    implements Serializable {
  public Aggregation {
    if (bucketMs <= 0) {
      throw new IllegalArgumentException("bucket must be positive: " + bucketMs + " ms");
    }
  }

  public Optional<String> groupBy() {
    return Optional.ofNullable(groupByPointer);
  }

  /** Start of the bucket holding {@code timestampMs}; floor division, so also right before 1970. */
  public long bucketStart(long timestampMs) {
    return Math.floorDiv(timestampMs, bucketMs) * bucketMs;
  }
}
