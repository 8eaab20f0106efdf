package io.mirrorwatch.reconciler.report;

import java.util.List;

/**
 * One problem found for one event ID. Also Flink's wire type from the checks to the client.
 *
 * @param count how many times: produces for {@code duplicate_produced}, copies in the replica topic
 *     for {@code duplicate_replicated}, downstream records for {@code duplicate_processed}, 0 for
 *     {@code unprocessed}
 * @param detail one line for people
 * @param records every record involved, in {@link RecordRef#ORDER}
 */
public record Finding(FindingKind kind, String eventId, int count, String detail, List<RecordRef> records) {
  public Finding {
    records = records.stream().sorted(RecordRef.ORDER).toList();
  }
}
