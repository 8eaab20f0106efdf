package io.mirrorwatch.reconciler.checks;

import io.mirrorwatch.reconciler.finding.Finding;
import io.mirrorwatch.reconciler.finding.FindingKind;
import io.mirrorwatch.reconciler.finding.RecordRef;
import java.util.List;

/**
 * {@code unprocessed}: an event of the source of truth (any source record of it on either cluster
 * in the window) with no downstream record up to the window's extended end. Lists its source
 * records.
 */
public final class Unprocessed implements EventIdCheck {
  private static final long serialVersionUID = 1L;

  @Override
  public List<Finding> check(EventRecords r) {
    if (!r.isEvent() || !r.downstream().isEmpty()) {
      return List.of();
    }
    return List.of(
        new Finding(
            FindingKind.UNPROCESSED,
            r.eventId(),
            0,
            "never recorded downstream",
            r.source().stream().map(RecordRef::of).toList()));
  }
}
