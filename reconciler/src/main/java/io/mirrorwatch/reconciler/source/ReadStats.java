package io.mirrorwatch.reconciler.source;

import io.mirrorwatch.reconciler.source.Unreadable.Reason;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was read from each physical topic: events, records outside the window, unreadable records
 * per reason with up to {@link #EXAMPLES} examples per topic and reason. Merged across Flink
 * subtasks (see {@link ReadStatsAccumulator}); plain JDK types only, as Flink ships it with Java
 * serialization.
 */
public final class ReadStats implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final int EXAMPLES = 5;

  /** Counts of one topic; mutable while accumulating, read-only once the job has finished. */
  public static final class TopicStats implements Serializable {
    private static final long serialVersionUID = 1L;
    long events;
    long outsideWindow;
    final EnumMap<Reason, Long> unreadable = new EnumMap<>(Reason.class);
    final List<Unreadable> examples = new ArrayList<>();

    public long events() {
      return events;
    }

    public long outsideWindow() {
      return outsideWindow;
    }

    public long unreadableTotal() {
      return unreadable.values().stream().mapToLong(Long::longValue).sum();
    }

    public long records() {
      return events + outsideWindow + unreadableTotal();
    }

    public Map<Reason, Long> unreadable() {
      return Map.copyOf(unreadable);
    }

    public List<Unreadable> examples() {
      return List.copyOf(examples);
    }

    void addExample(Unreadable u) {
      if (examples.stream().filter(e -> e.reason() == u.reason()).count() < EXAMPLES) {
        examples.add(u);
      }
    }
  }

  /**
   * cluster -> topic -> stats; two lookups with the record's own strings, no key built per record.
   */
  private final Map<String, Map<String, TopicStats>> byCluster = new LinkedHashMap<>();

  public void add(Decoded d) {
    TopicStats s = stats(d.cluster(), d.topic());
    if (d instanceof Event) {
      s.events++;
    } else if (d instanceof Unreadable u) {
      s.unreadable.merge(u.reason(), 1L, Long::sum);
      s.addExample(u);
    } else {
      s.outsideWindow++;
    }
  }

  public void merge(ReadStats other) {
    other.byCluster.forEach(
        (cluster, topics) ->
            topics.forEach(
                (topic, o) -> {
                  TopicStats s = stats(cluster, topic);
                  s.events += o.events;
                  s.outsideWindow += o.outsideWindow;
                  o.unreadable.forEach((r, n) -> s.unreadable.merge(r, n, Long::sum));
                  o.examples.forEach(s::addExample);
                }));
  }

  /** Stats of one topic; all zero if nothing was read from it. */
  public TopicStats of(String cluster, String topic) {
    return byCluster.getOrDefault(cluster, Map.of()).getOrDefault(topic, new TopicStats());
  }

  public ReadStats copy() {
    ReadStats c = new ReadStats();
    c.merge(this);
    return c;
  }

  private TopicStats stats(String cluster, String topic) {
    return byCluster
        .computeIfAbsent(cluster, k -> new LinkedHashMap<>())
        .computeIfAbsent(topic, k -> new TopicStats());
  }
}
