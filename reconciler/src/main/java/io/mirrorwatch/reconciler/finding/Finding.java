package io.mirrorwatch.reconciler.finding;

import java.util.List;
import java.util.Optional;

/**
 * One problem found for one event ID (or, for {@code aggregate_mismatch}, one bucket and group
 * key). Also Flink's wire type from the checks to the client, hence the nullable field behind
 * {@link #aggregateTotals()}.
 *
 * @param eventId the event ID; for {@code aggregate_mismatch} the bucket id ({@link
 *     BucketTotals#id()})
 * @param count how many times: produces for {@code duplicate_produced}, copies in the replica topic
 *     for {@code duplicate_replicated}, downstream records for {@code duplicate_processed}, 0 for
 *     {@code unprocessed}, stranded writes for {@code stranded}, events whose downstream amount
 *     differs from the source amount for {@code aggregate_mismatch}
 * @param detail one line for people
 * @param records every record involved, in {@link RecordRef#ORDER}
 * @param aggregate the bucket's totals, for {@code aggregate_mismatch} only; null otherwise
 */
public record Finding(
    FindingKind kind,
    String eventId,
    int count,
    String detail,
    List<RecordRef> records,
    BucketTotals aggregate) {
  public Finding {
    records = records.stream().sorted(RecordRef.ORDER).toList();
  }

  /** A finding about one event ID. */
  public Finding(
      FindingKind kind, String eventId, int count, String detail, List<RecordRef> records) {
    this(kind, eventId, count, detail, records, null);
  }

  public Optional<BucketTotals> aggregateTotals() {
    return Optional.ofNullable(aggregate);
  }
}
