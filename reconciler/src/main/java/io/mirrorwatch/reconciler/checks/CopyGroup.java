package io.mirrorwatch.reconciler.checks;

import io.mirrorwatch.reconciler.source.Event;
import io.mirrorwatch.reconciler.source.Origin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records of one event ID that are byte-for-byte the same record: equal timestamp and payload hash.
 * MirrorMaker 2 keeps both when it copies, so a group is one write and all its MM2 copies; a
 * producer re-send has a new timestamp (or a new payload) and starts a group of its own.
 *
 * <p>How many times the record was written, {@link #writes()}: the number of copies in topics known
 * to hold originals, if the group has any; otherwise (identity policy, where the name cannot tell,
 * or the original is missing) the smallest number of copies found in any one topic, since every
 * topic holding the record received each write at least once. Copies in a topic beyond that number
 * were copied more than once.
 */
public record CopyGroup(long timestamp, long payloadHash, List<Event> records) {
  public CopyGroup {
    records = List.copyOf(records);
  }

  public int writes() {
    int originals = originals();
    if (originals > 0) {
      return originals;
    }
    return byTopic().values().stream().mapToInt(List::size).min().orElse(0);
  }

  /** The records in topics known to hold originals ({@link Origin#ORIGINAL}). */
  public int originals() {
    int originals = 0;
    for (Event e : records) {
      if (e.origin() == Origin.ORIGINAL) {
        originals++;
      }
    }
    return originals;
  }

  /** The records per physical topic ({@code cluster/topic}), in first-seen order. */
  public Map<String, List<Event>> byTopic() {
    Map<String, List<Event>> byTopic = new LinkedHashMap<>();
    for (Event e : records) {
      byTopic
          .computeIfAbsent(e.cluster() + "/" + e.topic(), k -> new java.util.ArrayList<>())
          .add(e);
    }
    return byTopic;
  }

  /** Whether the record was found on more than one cluster, i.e. it was replicated. */
  public boolean onSeveralClusters() {
    return records.stream().map(Event::cluster).distinct().count() > 1;
  }
}
