package io.mirrorwatch.reconciler.checks.offsets;

import io.mirrorwatch.reconciler.finding.Finding;
import io.mirrorwatch.reconciler.finding.FindingKind;
import io.mirrorwatch.reconciler.finding.RecordRef;
import io.mirrorwatch.reconciler.source.Event;
import io.mirrorwatch.reconciler.source.Origin;
import io.mirrorwatch.reconciler.source.Role;
import io.mirrorwatch.reconciler.source.offsets.GroupRecord;
import io.mirrorwatch.reconciler.source.offsets.LogPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pure: a {@link OffsetComparison.Compared} that moved -> its {@code offset_regression} or {@code
 * offset_jump} finding. Identity (the {@code eventId} field): {@code <cutover>/<new cluster>/<new
 * topic>-<partition>/<group>}, the group last since a group ID may contain any character. Records:
 * the anchor, its copies on the new cluster, and the two commits ({@code __consumer_offsets}
 * records, role {@code commit}): the old end and the new start.
 */
public final class OffsetFindings {
  private OffsetFindings() {}

  public static Optional<Finding> of(OffsetComparison.Compared c) {
    long moved = c.moved();
    if (moved == 0) {
      return Optional.empty();
    }
    FindingKind kind = moved < 0 ? FindingKind.OFFSET_REGRESSION : FindingKind.OFFSET_JUMP;
    // Finding.count is an int; a skip of more than 2^31 records is reported as that many.
    int count = (int) Math.min(Integer.MAX_VALUE, Math.abs(moved));
    List<RecordRef> records = new ArrayList<>();
    records.add(RecordRef.of(c.anchor()));
    c.copies().forEach(e -> records.add(RecordRef.of(e)));
    records.add(commit(c.oldEnd()));
    records.add(commit(c.newStart()));
    return Optional.of(new Finding(kind, identity(c), count, detail(c, moved), records));
  }

  public static String identity(OffsetComparison.Compared c) {
    return c.cutover().kind().id()
        + "/"
        + c.cutover().newCluster()
        + "/"
        + c.newPartition()
        + "/"
        + c.group();
  }

  private static String detail(OffsetComparison.Compared c, long moved) {
    Event copy = c.copies().get(0);
    String what = moved < 0 ? -moved + " records re-read" : moved + " records skipped";
    String mm2 =
        c.mm2()
            .map(
                m ->
                    m.downstreamOffset() == c.actualStart()
                        ? "; MM2's last checkpoint translated "
                            + m.upstreamOffset()
                            + " to this start"
                        : "; MM2's last checkpoint translated "
                            + m.upstreamOffset()
                            + " to "
                            + m.downstreamOffset()
                            + ", so the start was set by something else")
            .orElse("; no MM2 checkpoint for it");
    return String.format(
        "%s: %s started on %s/%s at offset %d; the last record it consumed on %s/%s"
            + " (offset %d) is offset %d there%s, so it should have started at %d: %s%s",
        c.cutover().kind().id(),
        c.group(),
        c.cutover().newCluster(),
        c.newPartition(),
        c.actualStart(),
        c.cutover().oldCluster(),
        c.oldPartition(),
        c.anchor().offset(),
        copy.offset(),
        c.copies().size() > 1 ? " (first of " + c.copies().size() + " copies)" : "",
        c.expectedStart(),
        what,
        mm2);
  }

  static RecordRef commit(GroupRecord.Commit commit) {
    LogPosition at = commit.at();
    return new RecordRef(
        Role.COMMIT,
        at.cluster(),
        LogPosition.TOPIC,
        at.partition(),
        at.offset(),
        at.timestamp(),
        Origin.ORIGINAL);
  }
}
