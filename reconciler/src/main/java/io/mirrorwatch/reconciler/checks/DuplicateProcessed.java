package io.mirrorwatch.reconciler.checks;

import io.mirrorwatch.reconciler.finding.Finding;
import io.mirrorwatch.reconciler.finding.FindingKind;
import io.mirrorwatch.reconciler.finding.RecordRef;
import java.util.List;

/**
 * {@code duplicate_processed}: an event of the window recorded more than once downstream. Rule: the
 * sum of {@link CopyGroup#writes()} over its downstream copy groups exceeds one, so an MM2 copy of
 * a downstream record (a mirrored output topic) is not a second processing, while the same output
 * written twice is. Events outside the window's source of truth are not judged.
 */
public final class DuplicateProcessed implements EventIdCheck {
  private static final long serialVersionUID = 1L;

  @Override
  public List<Finding> check(EventRecords r) {
    if (!r.isEvent()) {
      return List.of();
    }
    int writes = EventRecords.writes(r.downstreamGroups());
    if (writes <= 1) {
      return List.of();
    }
    return List.of(
        new Finding(
            FindingKind.DUPLICATE_PROCESSED,
            r.eventId(),
            writes,
            "recorded " + writes + " times downstream",
            r.downstream().stream().map(RecordRef::of).toList()));
  }
}
