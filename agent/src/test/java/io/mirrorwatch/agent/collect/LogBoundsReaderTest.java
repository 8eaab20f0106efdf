package io.mirrorwatch.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.agent.collect.LogOffsets.Found;
import io.mirrorwatch.agent.collect.LogOffsets.Kind;
import io.mirrorwatch.agent.collect.LogOffsets.Query;
import io.mirrorwatch.agent.model.PartitionKey;
import io.mirrorwatch.agent.model.PartitionOffsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which offsets the collector asks in which cycle, against a recording fake of {@link LogOffsets}.
 * These tests fail if the requests the reuse rules skip come back: a source's max timestamp, a
 * replica's log start, or, in an idle estate, anything but log ends and one slice of log starts.
 */
class LogBoundsReaderTest {
  private static final int PARTITIONS = 60;
  private final Set<PartitionKey> sources = keys("orders");
  private final Set<PartitionKey> replicas = keys("primary.orders");
  private final FakeLog log = new FakeLog();
  private final LogBoundsReader reader = new LogBoundsReader(log);

  @Test
  void firstCycleAsksEverythingEvaluationReadsAndNothingElse() throws CollectException {
    LogBoundsReader.Bounds b = reader.read(sources, replicas, empty(), Set.of(), 0);

    assertThat(log.asked(Kind.LATEST)).isEqualTo(union(sources, replicas));
    assertThat(log.asked(Kind.EARLIEST)).isEqualTo(sources);
    assertThat(log.asked(Kind.MAX_TIMESTAMP)).isEqualTo(replicas);
    assertThat(log.requests).isEqualTo(2);
    PartitionKey s = new PartitionKey("orders", 3);
    PartitionKey r = new PartitionKey("primary.orders", 3);
    assertThat(b.sources().get(s))
        .isEqualTo(new PartitionOffsets.Source(log.start.get(s), log.end.get(s)));
    assertThat(b.replicas().get(r))
        .isEqualTo(
            new PartitionOffsets.Replica(log.end.get(r), OptionalLong.of(log.newest.get(r))));
  }

  @Test
  void idleCycleAsksOnlyLogEndsAndOneSliceOfLogStarts() throws CollectException {
    LogBoundsReader.Bounds first = reader.read(sources, replicas, empty(), Set.of(), 0);
    log.clear();
    log.start.replaceAll(
        (k, v) -> v + 1); // retention moved every log start; reused ones lag behind

    LogBoundsReader.Bounds second = reader.read(sources, replicas, first, Set.of(), 1);

    assertThat(log.asked(Kind.LATEST)).isEqualTo(union(sources, replicas));
    assertThat(log.asked(Kind.MAX_TIMESTAMP)).isEmpty();
    Set<PartitionKey> slice = new HashSet<>();
    sources.stream().filter(k -> OffsetReuse.refreshTurn(k, 1)).forEach(slice::add);
    assertThat(log.asked(Kind.EARLIEST))
        .isEqualTo(slice)
        .isNotEmpty()
        .hasSizeLessThan(sources.size() / 2);
    assertThat(second.replicas()).isEqualTo(first.replicas());
    for (PartitionKey k : sources) {
      long expected = slice.contains(k) ? log.start.get(k) : log.start.get(k) - 1;
      // Never above the true log start: a reused one only over-states the RPO.
      assertThat(second.sources().get(k).earliest())
          .as("%s", k)
          .isEqualTo(expected)
          .isLessThanOrEqualTo(log.start.get(k));
    }
  }

  @Test
  void overOneRefreshRoundEveryLogStartIsAskedOnce() throws CollectException {
    LogBoundsReader.Bounds b = reader.read(sources, replicas, empty(), Set.of(), 0);
    log.clear();
    for (int c = 1; c <= OffsetReuse.LOG_START_REFRESH_CYCLES; c++) {
      b = reader.read(sources, replicas, b, Set.of(), c);
    }
    assertThat(log.asked(Kind.EARLIEST)).isEqualTo(sources);
    assertThat(log.earliestAsks).isEqualTo(sources.size());
  }

  @Test
  void busyCycleAsksNewestTimestampsOfMovedReplicasAndLogStartsOfPartitionsAtRisk()
      throws CollectException {
    LogBoundsReader.Bounds first = reader.read(sources, replicas, empty(), Set.of(), 0);
    log.clear();
    PartitionKey moved = new PartitionKey("primary.orders", 7);
    log.end.merge(moved, 1L, Long::sum);
    log.newest.merge(moved, 10L, Long::sum);
    PartitionKey atRisk = new PartitionKey("orders", 8);
    long cycle = OffsetReuse.refreshTurn(atRisk, 1) ? 2 : 1; // not its refresh turn

    LogBoundsReader.Bounds second = reader.read(sources, replicas, first, Set.of(atRisk), cycle);

    assertThat(log.asked(Kind.MAX_TIMESTAMP)).containsExactly(moved);
    assertThat(log.asked(Kind.EARLIEST)).contains(atRisk).doesNotContainAnyElementsOf(replicas);
    assertThat(second.replicas().get(moved).newestTimestamp()).hasValue(log.newest.get(moved));
    assertThat(second.replicas().get(moved).latest()).isEqualTo(log.end.get(moved));
  }

  @Test
  void aTopicThatIsSourceAndReplicaGetsBothAnswers() throws CollectException {
    Set<PartitionKey> both = keys("orders");
    LogBoundsReader.Bounds b = reader.read(both, both, empty(), Set.of(), 0);

    PartitionKey k = new PartitionKey("orders", 1);
    assertThat(b.sources().get(k).earliest()).isEqualTo(log.start.get(k));
    assertThat(b.replicas().get(k).newestTimestamp()).hasValue(log.newest.get(k));
    assertThat(log.asked(Kind.MAX_TIMESTAMP)).isEqualTo(both);
  }

  @Test
  void anEmptyReplicaHasNoNewestTimestamp() throws CollectException {
    PartitionKey empty = new PartitionKey("primary.orders", 0);
    log.newest.remove(empty);
    LogBoundsReader.Bounds b = reader.read(sources, replicas, empty(), Set.of(), 0);
    assertThat(b.replicas().get(empty).newestTimestamp()).isEmpty();
    log.clear();
    b = reader.read(sources, replicas, b, Set.of(), 1);
    assertThat(b.replicas().get(empty).newestTimestamp()).isEmpty();
    assertThat(log.asked(Kind.MAX_TIMESTAMP)).isEmpty();
  }

  private static LogBoundsReader.Bounds empty() {
    return new LogBoundsReader.Bounds(Map.of(), Map.of());
  }

  private static Set<PartitionKey> keys(String topic) {
    Set<PartitionKey> keys = new HashSet<>();
    for (int p = 0; p < PARTITIONS; p++) {
      keys.add(new PartitionKey(topic, p));
    }
    return keys;
  }

  private static Set<PartitionKey> union(Set<PartitionKey> a, Set<PartitionKey> b) {
    Set<PartitionKey> u = new HashSet<>(a);
    u.addAll(b);
    return u;
  }

  /** Logs with start 10 + p, end 100 + p, newest timestamp 1000 + p; records every query. */
  private static final class FakeLog implements LogOffsets {
    final Map<PartitionKey, Long> start = new HashMap<>();
    final Map<PartitionKey, Long> end = new HashMap<>();
    final Map<PartitionKey, Long> newest = new HashMap<>();
    final List<Map<PartitionKey, Query>> calls = new ArrayList<>();
    int requests;
    int earliestAsks;

    FakeLog() {
      for (String t : List.of("orders", "primary.orders")) {
        for (int p = 0; p < PARTITIONS; p++) {
          PartitionKey k = new PartitionKey(t, p);
          start.put(k, 10L + p);
          end.put(k, 100L + p);
          newest.put(k, 1000L + p);
        }
      }
    }

    void clear() {
      calls.clear();
      requests = 0;
      earliestAsks = 0;
    }

    Set<PartitionKey> asked(Query q) {
      Set<PartitionKey> keys = new HashSet<>();
      calls.forEach(
          c ->
              c.forEach(
                  (k, v) -> {
                    if (v.equals(q)) {
                      keys.add(k);
                    }
                  }));
      return keys;
    }

    @Override
    public Map<PartitionKey, Found> list(String what, Map<PartitionKey, Query> queries) {
      requests++;
      calls.add(Map.copyOf(queries));
      Map<PartitionKey, Found> found = new HashMap<>();
      queries.forEach(
          (k, q) -> {
            if (q == Kind.EARLIEST) {
              earliestAsks++;
              found.put(k, new Found(start.get(k), OptionalLong.empty()));
            } else if (q == Kind.LATEST) {
              found.put(k, new Found(end.get(k), OptionalLong.empty()));
            } else if (q == Kind.MAX_TIMESTAMP && newest.containsKey(k)) {
              found.put(k, new Found(end.get(k) - 1, OptionalLong.of(newest.get(k))));
            }
          });
      return found;
    }
  }
}
