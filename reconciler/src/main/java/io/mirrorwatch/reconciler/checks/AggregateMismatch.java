package io.mirrorwatch.reconciler.checks;

import io.mirrorwatch.reconciler.finding.BucketTotals;
import io.mirrorwatch.reconciler.finding.Finding;
import io.mirrorwatch.reconciler.finding.FindingKind;
import io.mirrorwatch.reconciler.finding.Tally;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code aggregate_mismatch}: a bucket (and group key) whose totals differ beyond what event-level
 * findings explain. Pure: bucket totals in, at most one finding out. Rules:
 *
 * <ol>
 *   <li>source of truth vs. downstream: the difference minus the {@code unprocessed} events' share
 *       is not zero (in count or sum). Duplicate processings do not count, since downstream is
 *       taken once per event ID; so only altered or missing downstream amounts remain;
 *   <li>primary's view vs. DR's view: the difference minus the share of stranded events that never
 *       reached DR is not zero, e.g. events written on DR after failover that never came back.
 * </ol>
 *
 * One finding per bucket and group key even if both rules hold, so an altered amount is reported
 * exactly once; its identity is {@link BucketTotals#id()}, and it lists the source and first
 * downstream record of (up to {@link BucketTotals#SAMPLE_EVENTS}) events whose amounts differ.
 */
public final class AggregateMismatch {
  private AggregateMismatch() {}

  public static Optional<Finding> evaluate(BucketTotals t) {
    List<String> problems = new ArrayList<>();
    Tally downstream = t.downstreamUnexplained();
    if (!downstream.isZero()) {
      problems.add(
          "source "
              + t.source()
              + " vs downstream "
              + t.downstream()
              + ", unprocessed "
              + t.unprocessed()
              + ", unexplained "
              + downstream);
    }
    Tally dr = t.drUnexplained();
    if (!dr.isZero()) {
      problems.add(
          "primary "
              + t.primary()
              + " vs dr "
              + t.dr()
              + ", stranded off dr "
              + t.strandedOffDr()
              + ", unexplained "
              + dr);
    }
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    String detail =
        t.id()
            + " (count / sum): "
            + String.join("; ", problems)
            + (t.amountChanged() > 0
                ? "; " + t.amountChanged() + " events with another amount downstream"
                : "");
    return Optional.of(
        new Finding(
            FindingKind.AGGREGATE_MISMATCH,
            t.id(),
            (int) Math.min(Integer.MAX_VALUE, t.amountChanged()),
            detail,
            t.changedRecords(),
            t));
  }
}
