package io.mirrorwatch.reconciler.checks;

import io.mirrorwatch.reconciler.finding.Finding;
import io.mirrorwatch.reconciler.finding.FindingKind;
import io.mirrorwatch.reconciler.finding.RecordRef;
import java.util.List;

/**
 * {@code duplicate_produced}: the event was written more than once by producers. Rule: the sum of
 * {@link CopyGroup#writes()} over the event's source copy groups exceeds one. An MM2 copy (same
 * timestamp and payload, in a replica topic) is part of its source's group, so replication alone
 * never makes a duplicate here. The finding lists every source record of the event, copies
 * included.
 */
public final class DuplicateProduced implements EventIdCheck {
  private static final long serialVersionUID = 1L;

  @Override
  public List<Finding> check(EventRecords r) {
    int writes = EventRecords.writes(r.sourceGroups());
    if (writes <= 1) {
      return List.of();
    }
    String detail =
        "produced "
            + writes
            + " times ("
            + r.sourceGroups().size()
            + " distinct records, "
            + r.source().size()
            + " with MM2 copies)";
    return List.of(
        new Finding(
            FindingKind.DUPLICATE_PRODUCED,
            r.eventId(),
            writes,
            detail,
            r.source().stream().map(RecordRef::of).toList()));
  }
}
