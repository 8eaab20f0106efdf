package io.mirrorwatch.reconciler.report;

import io.mirrorwatch.reconciler.finding.BucketTotals;
import io.mirrorwatch.reconciler.source.ReadStats;
import java.time.Duration;
import java.util.List;

/**
 * What the job counted besides its findings.
 *
 * @param events distinct event IDs in the window's source of truth
 * @param processed of those, how many appear downstream at least once
 * @param downstreamOnly event IDs found only downstream (their source records lie outside the
 *     window)
 * @param buckets the aggregate table, sorted by bucket and group key; empty without aggregates
 */
public record JobOutcome(
    ReadStats read,
    long events,
    long processed,
    long downstreamOnly,
    Duration elapsed,
    List<BucketTotals> buckets) {
  public JobOutcome {
    buckets = List.copyOf(buckets);
  }

  /** An outcome without aggregates. */
  public JobOutcome(
      ReadStats read, long events, long processed, long downstreamOnly, Duration elapsed) {
    this(read, events, processed, downstreamOnly, elapsed, List.of());
  }
}
