package io.mirrorwatch.reconciler.finding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The totals of one time bucket and group key: one row of the aggregate table, and the unit that
 * Flink sums. One event's contribution is itself a {@code BucketTotals} of counts 0 and 1 (see
 * {@code checks/EventContribution}), so summing is {@link #plus} all the way.
 *
 * <p>Every event of the source of truth counts once per view, whatever its duplicates: {@code
 * source} with the amount of its first write, {@code downstream} with the amount of its first
 * downstream record (downstream is deduplicated by event ID), {@code primary}/{@code dr} if any
 * source record of it is on that cluster. The bucket is the one of the event's first write (event
 * time), also for its downstream record, which was written at processing time.
 *
 * <p>Invariant: {@code source.count == downstream.count + unprocessed.count}, since an event is
 * either processed or unprocessed; so the downstream view can only differ in its sum beyond what
 * {@code unprocessed} explains.
 *
 * @param bucketStartMs start of the bucket (ms since the epoch)
 * @param groupKey the group key; null when no {@code groupBy} is configured or the event has none
 * @param unprocessed events with no downstream record: they explain a downstream shortfall
 * @param strandedOffDr stranded events with no record on DR at all: they explain a DR shortfall
 * @param withoutAmount events whose first write or first downstream record has no amount
 * @param amountChanged processed events whose first downstream amount differs from the source's
 * @param changedRecords the source and first downstream record of up to {@link #SAMPLE_EVENTS} of
 *     those events
 */
public record BucketTotals(
    long bucketStartMs,
    String groupKey,
    Tally source,
    Tally downstream,
    Tally unprocessed,
    Tally primary,
    Tally dr,
    Tally strandedOffDr,
    long withoutAmount,
    long amountChanged,
    List<RecordRef> changedRecords) {

  public static final int SAMPLE_EVENTS = 10;

  public BucketTotals {
    changedRecords = List.copyOf(changedRecords);
  }

  public Optional<String> groupKeyValue() {
    return Optional.ofNullable(groupKey);
  }

  /**
   * Stable identity of the row and of its finding: the bucket start, then {@code /} and the group
   * key if there is one, e.g. {@code 2026-11-25T17:03:00Z/c-7}.
   */
  public String id() {
    String bucket = Instant.ofEpochMilli(bucketStartMs).toString();
    return groupKey == null ? bucket : bucket + "/" + groupKey;
  }

  /** Flink's key for summing: equal for rows of the same bucket and group key. */
  public String key() {
    return bucketStartMs + (groupKey == null ? "" : "/" + groupKey);
  }

  /** The difference source - downstream that {@code unprocessed} does not explain. */
  public Tally downstreamUnexplained() {
    return source.minus(downstream).minus(unprocessed);
  }

  /** The difference primary - dr that {@code strandedOffDr} does not explain. */
  public Tally drUnexplained() {
    return primary.minus(dr).minus(strandedOffDr);
  }

  /** Sums two rows of the same bucket and group key; the sample stays capped. */
  public BucketTotals plus(BucketTotals o) {
    List<RecordRef> sample = new ArrayList<>(changedRecords);
    for (RecordRef r : o.changedRecords) {
      if (sample.size() >= 2 * SAMPLE_EVENTS) {
        break;
      }
      sample.add(r);
    }
    return new BucketTotals(
        bucketStartMs,
        groupKey,
        source.plus(o.source),
        downstream.plus(o.downstream),
        unprocessed.plus(o.unprocessed),
        primary.plus(o.primary),
        dr.plus(o.dr),
        strandedOffDr.plus(o.strandedOffDr),
        withoutAmount + o.withoutAmount,
        amountChanged + o.amountChanged,
        sample);
  }
}
