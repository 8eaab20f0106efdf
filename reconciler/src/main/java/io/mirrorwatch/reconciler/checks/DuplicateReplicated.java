package io.mirrorwatch.reconciler.checks;

import io.mirrorwatch.reconciler.finding.Finding;
import io.mirrorwatch.reconciler.finding.FindingKind;
import io.mirrorwatch.reconciler.finding.RecordRef;
import io.mirrorwatch.reconciler.source.Event;
import io.mirrorwatch.reconciler.source.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code duplicate_replicated}: one written record has more copies in a replica topic than it was
 * written ({@link CopyGroup#writes()}), which is what an MM2 task does when it restarts from its
 * last flushed offset. One finding per record and replica topic.
 *
 * <p>Replica topics are those of origin {@link Origin#REPLICA}; under the identity policy (origin
 * {@link Origin#UNKNOWN}) a topic counts as a replica only if the record is also on the other
 * cluster (otherwise extra copies are a producer's, counted by {@link DuplicateProduced}). The
 * finding lists the copies in that topic and the originals they were copied from.
 */
public final class DuplicateReplicated implements EventIdCheck {
  private static final long serialVersionUID = 1L;

  @Override
  public List<Finding> check(EventRecords r) {
    List<Finding> findings = new ArrayList<>();
    for (CopyGroup g : r.sourceGroups()) {
      int writes = g.writes();
      if (g.records().size() - g.originals() <= writes) {
        continue; // the copies outside original topics, all together, are no more than the writes
      }
      for (Map.Entry<String, List<Event>> t : g.byTopic().entrySet()) {
        List<Event> copies = t.getValue();
        Origin origin = copies.get(0).origin();
        boolean replicaTopic =
            origin == Origin.REPLICA || (origin == Origin.UNKNOWN && g.onSeveralClusters());
        if (replicaTopic && copies.size() > writes) {
          List<RecordRef> refs = new ArrayList<>(copies.stream().map(RecordRef::of).toList());
          g.records().stream()
              .filter(e -> e.origin() == Origin.ORIGINAL)
              .map(RecordRef::of)
              .forEach(refs::add);
          String detail =
              "copied "
                  + copies.size()
                  + " times into "
                  + t.getKey()
                  + " (written "
                  + writes
                  + (writes == 1 ? " time)" : " times)");
          findings.add(
              new Finding(
                  FindingKind.DUPLICATE_REPLICATED, r.eventId(), copies.size(), detail, refs));
        }
      }
    }
    return findings;
  }
}
