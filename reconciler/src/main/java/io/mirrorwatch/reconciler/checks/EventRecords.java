package io.mirrorwatch.reconciler.checks;

import io.mirrorwatch.reconciler.source.Event;
import io.mirrorwatch.reconciler.source.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every record of one event ID in the window, from both clusters: the source records (the event's
 * writes and their MM2 copies) and the downstream records, each split into {@link CopyGroup}s.
 */
public final class EventRecords {
  private final String eventId;
  private final List<Event> source;
  private final List<Event> downstream;
  private final List<CopyGroup> sourceGroups;
  private final List<CopyGroup> downstreamGroups;

  public EventRecords(String eventId, List<Event> records) {
    this.eventId = eventId;
    List<Event> sorted = new ArrayList<>(records);
    // Input order depends on Flink's shuffle; sorting makes every result independent of it.
    sorted.sort(Comparator.comparing(Event::cluster).thenComparing(Event::topic)
        .thenComparingInt(Event::partition).thenComparingLong(Event::offset));
    this.source = sorted.stream().filter(e -> e.role() == Role.SOURCE).toList();
    this.downstream = sorted.stream().filter(e -> e.role() == Role.DOWNSTREAM).toList();
    this.sourceGroups = group(source);
    this.downstreamGroups = group(downstream);
  }

  private static List<CopyGroup> group(List<Event> events) {
    Map<List<Long>, List<Event>> groups = new LinkedHashMap<>();
    for (Event e : events) {
      groups.computeIfAbsent(List.of(e.timestamp(), e.payloadHash()), k -> new ArrayList<>()).add(e);
    }
    return groups.entrySet().stream()
        .map(g -> new CopyGroup(g.getKey().get(0), g.getKey().get(1), g.getValue()))
        .sorted(Comparator.comparingLong(CopyGroup::timestamp))
        .toList();
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
}
