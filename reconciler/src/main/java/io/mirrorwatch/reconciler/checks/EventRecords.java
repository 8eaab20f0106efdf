package io.mirrorwatch.reconciler.checks;

import io.mirrorwatch.reconciler.source.Event;
import io.mirrorwatch.reconciler.source.Role;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every record of one event ID in the window, from both clusters: the source records (the event's
 * writes and their MM2 copies) and the downstream records, each split into {@link CopyGroup}s.
 * Built once per event of the window, so written with loops: most events are one write, one copy
 * and one processing.
 */
public final class EventRecords {
  /** Input order depends on Flink's shuffle; this order makes every result independent of it. */
  private static final Comparator<Event> ORDER =
      Comparator.comparing(Event::cluster)
          .thenComparing(Event::topic)
          .thenComparingInt(Event::partition)
          .thenComparingLong(Event::offset);

  private final String eventId;
  private final List<Event> source;
  private final List<Event> downstream;
  private final List<CopyGroup> sourceGroups;
  private final List<CopyGroup> downstreamGroups;

  public EventRecords(String eventId, List<Event> records) {
    this.eventId = eventId;
    List<Event> src = new ArrayList<>(records.size());
    List<Event> down = new ArrayList<>(2);
    for (Event e : records) {
      (e.role() == Role.SOURCE ? src : down).add(e);
    }
    src.sort(ORDER);
    down.sort(ORDER);
    this.source = Collections.unmodifiableList(src);
    this.downstream = Collections.unmodifiableList(down);
    this.sourceGroups = group(source);
    this.downstreamGroups = group(downstream);
  }

  /** Groups in order of timestamp; records within a group in {@link #ORDER}. */
  private static List<CopyGroup> group(List<Event> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    Event first = events.get(0);
    int same = 0;
    while (same < events.size() && sameRecord(events.get(same), first)) {
      same++;
    }
    if (same == events.size()) {
      return List.of(new CopyGroup(first.timestamp(), first.payloadHash(), events));
    }
    Map<List<Long>, List<Event>> groups = new LinkedHashMap<>();
    for (Event e : events) {
      groups
          .computeIfAbsent(List.of(e.timestamp(), e.payloadHash()), k -> new ArrayList<>())
          .add(e);
    }
    return groups.entrySet().stream()
        .map(g -> new CopyGroup(g.getKey().get(0), g.getKey().get(1), g.getValue()))
        .sorted(Comparator.comparingLong(CopyGroup::timestamp))
        .toList();
  }

  private static boolean sameRecord(Event a, Event b) {
    return a.timestamp() == b.timestamp() && a.payloadHash() == b.payloadHash();
  }

  public String eventId() {
    return eventId;
  }

  public List<Event> source() {
    return source;
  }

  public List<Event> downstream() {
    return downstream;
  }

  public List<CopyGroup> sourceGroups() {
    return sourceGroups;
  }

  public List<CopyGroup> downstreamGroups() {
    return downstreamGroups;
  }

  /** Whether the event belongs to the source of truth of this window. */
  public boolean isEvent() {
    return !source.isEmpty();
  }

  /** How many times the event was written, over the given groups ({@link CopyGroup#writes()}). */
  static int writes(List<CopyGroup> groups) {
    int writes = 0;
    for (CopyGroup g : groups) {
      writes += g.writes();
    }
    return writes;
  }
}
