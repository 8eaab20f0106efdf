package io.mirrorwatch.reconciler.checks;

import io.mirrorwatch.reconciler.finding.BucketTotals;
import io.mirrorwatch.reconciler.finding.RecordRef;
import io.mirrorwatch.reconciler.finding.Tally;
import io.mirrorwatch.reconciler.source.Aggregation;
import io.mirrorwatch.reconciler.source.Event;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One event's share of the aggregate table: a {@link BucketTotals} of counts 0 and 1, summed per
 * bucket and group key afterwards. Pure. Computed per event first, then per bucket, because a
 * downstream record is written at processing time: its bucket is its event's, not its own.
 *
 * <p>The event's first write (earliest source copy group) gives the bucket, the group key and the
 * source amount; its first downstream record (earliest timestamp) gives the downstream amount, so a
 * duplicate processing counts once (it is a {@code duplicate_processed} finding already). Amounts
 * are compared with {@link BigDecimal#compareTo}, so {@code 12.3} equals {@code 12.30}.
 */
public final class EventContribution implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Aggregation aggregation;
  private final String primary;
  private final String dr;

  /** Null when the cutover is not configured: then no event counts as stranded. */
  private final Stranded stranded;

  public EventContribution(
      Aggregation aggregation, String primary, String dr, Optional<Stranded> stranded) {
    this.aggregation = aggregation;
    this.primary = primary;
    this.dr = dr;
    this.stranded = stranded.orElse(null);
  }

  /** Empty for an event outside the source of truth (downstream records only): not judged. */
  public Optional<BucketTotals> of(EventRecords r) {
    if (!r.isEvent()) {
      return Optional.empty();
    }
    Event first = r.sourceGroups().get(0).records().get(0);
    Optional<BigDecimal> amount = first.amountValue();
    Optional<Event> out = r.downstream().stream().min(Comparator.comparingLong(Event::timestamp));
    Optional<BigDecimal> outAmount = out.flatMap(Event::amountValue);
    boolean onPrimary = r.source().stream().anyMatch(e -> e.cluster().equals(primary));
    boolean onDr = r.source().stream().anyMatch(e -> e.cluster().equals(dr));
    boolean strandedOffDr = !onDr && stranded != null && !stranded.strandedWrites(r).isEmpty();
    boolean changed = out.isPresent() && !sameAmount(amount, outAmount);
    boolean withoutAmount = amount.isEmpty() || (out.isPresent() && outAmount.isEmpty());
    Tally one = Tally.one(amount);
    return Optional.of(
        new BucketTotals(
            aggregation.bucketStart(first.timestamp()),
            aggregation.groupBy().isPresent() ? first.groupKey() : null,
            one,
            out.isPresent() ? Tally.one(outAmount) : Tally.ZERO,
            out.isPresent() ? Tally.ZERO : one,
            onPrimary ? one : Tally.ZERO,
            onDr ? one : Tally.ZERO,
            strandedOffDr ? one : Tally.ZERO,
            withoutAmount ? 1 : 0,
            changed ? 1 : 0,
            changed ? List.of(RecordRef.of(first), RecordRef.of(out.get())) : List.of()));
  }

  private static boolean sameAmount(Optional<BigDecimal> a, Optional<BigDecimal> b) {
    if (a.isPresent() && b.isPresent()) {
      return a.get().compareTo(b.get()) == 0;
    }
    return Objects.equals(a, b);
  }
}
