package io.mirrorwatch.reconciler.checks;

import io.mirrorwatch.reconciler.finding.Finding;
import io.mirrorwatch.reconciler.finding.FindingKind;
import io.mirrorwatch.reconciler.finding.RecordRef;
import io.mirrorwatch.reconciler.source.Event;
import io.mirrorwatch.reconciler.source.FailoverPositions;
import io.mirrorwatch.reconciler.source.Origin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code stranded}: a write of the event at the primary before the failover cutover that DR did not
 * have at the cutover: the RPO actually realised.
 *
 * <p>A write ({@link CopyGroup}) is at the primary if it has a record on the primary in a topic
 * that holds originals ({@link Origin#ORIGINAL}, or {@link Origin#UNKNOWN} under the identity
 * policy: before failover only the primary has producers, so such a record is taken as written
 * there). Rules, for a write at the primary with timestamp before the cutover:
 *
 * <ol>
 *   <li>it has no copy on DR at all (in the window): stranded;
 *   <li>its offset is at or above MM2's replicated position of its partition at the cutover ({@link
 *       io.mirrorwatch.reconciler.source.ReplicatedPositions}): stranded, even if MM2 copied it
 *       after failback (replication resumes then, so "no copy now" alone would miss it);
 *   <li>otherwise it is not stranded; with no position for the partition, rule 1 alone decides.
 * </ol>
 *
 * One finding per event, listing its source records (the stranded write, its late copies, and any
 * other write).
 */
public final class Stranded implements EventIdCheck {
  private static final long serialVersionUID = 1L;

  private final FailoverPositions cutover;

  public Stranded(FailoverPositions cutover) {
    this.cutover = cutover;
  }

  /** Why a write is stranded. */
  public record Verdict(Event write, String reason) {}

  @Override
  public List<Finding> check(EventRecords r) {
    List<Verdict> stranded = strandedWrites(r);
    if (stranded.isEmpty()) {
      return List.of();
    }
    String detail = String.join("; ", stranded.stream().map(Verdict::reason).toList());
    return List.of(
        new Finding(
            FindingKind.STRANDED,
            r.eventId(),
            stranded.size(),
            detail,
            r.source().stream().map(RecordRef::of).toList()));
  }

  /** The event's writes at the primary before the cutover that were not on DR at the cutover. */
  public List<Verdict> strandedWrites(EventRecords r) {
    List<Verdict> stranded = new ArrayList<>();
    for (CopyGroup g : r.sourceGroups()) {
      writtenAtPrimary(g)
          .filter(w -> w.timestamp() < cutover.failoverAtMs())
          .flatMap(w -> verdict(g, w))
          .ifPresent(stranded::add);
    }
    return stranded;
  }

  private Optional<Event> writtenAtPrimary(CopyGroup g) {
    return g.records().stream()
        .filter(e -> e.cluster().equals(cutover.primary()) && e.origin() != Origin.REPLICA)
        .min(Comparator.comparingLong(Event::offset));
  }

  private Optional<Verdict> verdict(CopyGroup g, Event w) {
    String where = w.cluster() + "/" + w.topic() + "/" + w.partition() + "@" + w.offset();
    boolean onDr = g.records().stream().anyMatch(e -> e.cluster().equals(cutover.dr()));
    if (!onDr) {
      return Optional.of(new Verdict(w, where + " has no copy on " + cutover.dr()));
    }
    OptionalLong upTo = cutover.positions().upTo(w.topic(), w.partition());
    if (upTo.isPresent() && w.offset() >= upTo.getAsLong()) {
      return Optional.of(
          new Verdict(
              w,
              where
                  + " was not replicated at the cutover (MM2 had copied "
                  + w.topic()
                  + "/"
                  + w.partition()
                  + " below offset "
                  + upTo.getAsLong()
                  + "); copied later"));
    }
    return Optional.empty();
  }
}
