package io.mirrorwatch.agent.collect;

import io.mirrorwatch.agent.model.PartitionKey;
import io.mirrorwatch.agent.model.PartitionOffsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The log offsets of one cluster's flow partitions, asking only what evaluation reads and what
 * cannot be reused ({@link OffsetReuse}): every cycle the log end of every partition (one request),
 * then in one more request the log starts of sources and the newest timestamps of replicas that the
 * rules want asked. The first cycle asks for everything; an idle estate asks only log ends and a
 * slice of log starts.
 */
final class LogBoundsReader {
  private final LogOffsets client;

  LogBoundsReader(LogOffsets client) {
    this.client = client;
  }

  /** Sources and replicas of one collect. */
  record Bounds(
      Map<PartitionKey, PartitionOffsets.Source> sources,
      Map<PartitionKey, PartitionOffsets.Replica> replicas) {}

  /**
   * @param previous the last good collect of this cluster (empty maps when there is none)
   * @param atRisk source partitions that had records at risk in the previous cycle
   * @param cycle the number of this collect, for the log start refresh slices
   */
  Bounds read(
      Set<PartitionKey> sources,
      Set<PartitionKey> replicas,
      Bounds previous,
      Set<PartitionKey> atRisk,
      long cycle)
      throws CollectException {
    Set<PartitionKey> all = new HashSet<>(sources);
    all.addAll(replicas);
    Map<PartitionKey, Long> latest = new HashMap<>();
    client
        .list("listOffsets latest", queries(all, LogOffsets.Kind.LATEST))
        .forEach((k, f) -> latest.put(k, f.offset()));

    Set<PartitionKey> askStart =
        OffsetReuse.logStartsToAsk(sources, latest, previous.sources(), atRisk, cycle);
    Set<PartitionKey> askNewest =
        OffsetReuse.newestTimestampsToAsk(replicas, latest, previous.replicas());
    // One request for both kinds; a partition that is a source in one flow and a replica in
    // another, wanting both, has its newest timestamp asked in a request of its own.
    Map<PartitionKey, LogOffsets.Query> second = queries(askStart, LogOffsets.Kind.EARLIEST);
    Set<PartitionKey> both = new HashSet<>();
    for (PartitionKey k : askNewest) {
      if (second.putIfAbsent(k, LogOffsets.Kind.MAX_TIMESTAMP) != null) {
        both.add(k);
      }
    }
    Map<PartitionKey, LogOffsets.Found> answers =
        second.isEmpty() ? Map.of() : client.list("listOffsets earliest/maxTimestamp", second);
    Map<PartitionKey, LogOffsets.Found> newestOfBoth =
        both.isEmpty()
            ? Map.of()
            : client.list("listOffsets maxTimestamp", queries(both, LogOffsets.Kind.MAX_TIMESTAMP));

    Map<PartitionKey, PartitionOffsets.Source> s = new HashMap<>();
    for (PartitionKey k : sources) {
      Long end = latest.get(k);
      if (end == null) {
        continue; // not answered: the call fails as a whole instead, so this does not happen
      }
      s.put(k, new PartitionOffsets.Source(logStart(k, askStart, answers, previous), end));
    }
    Map<PartitionKey, PartitionOffsets.Replica> r = new HashMap<>();
    for (PartitionKey k : replicas) {
      Long end = latest.get(k);
      if (end == null) {
        continue;
      }
      OptionalLong newest =
          !askNewest.contains(k)
              ? previous.replicas().get(k).newestTimestamp()
              : timestamp((both.contains(k) ? newestOfBoth : answers).get(k));
      r.put(k, new PartitionOffsets.Replica(end, newest));
    }
    return new Bounds(s, r);
  }

  /**
   * The fresh answer, else the remembered one. Kafka always answers a log start; were one missing,
   * 0 is at or below every log start, so the estimate would only over-state.
   */
  private static long logStart(
      PartitionKey k,
      Set<PartitionKey> asked,
      Map<PartitionKey, LogOffsets.Found> answers,
      Bounds previous) {
    LogOffsets.Found f = asked.contains(k) ? answers.get(k) : null;
    if (f != null) {
      return f.offset();
    }
    PartitionOffsets.Source known = previous.sources().get(k);
    return known == null ? 0 : known.earliest();
  }

  private static OptionalLong timestamp(LogOffsets.Found f) {
    return f == null ? OptionalLong.empty() : f.timestamp();
  }

  private static Map<PartitionKey, LogOffsets.Query> queries(
      Set<PartitionKey> keys, LogOffsets.Kind kind) {
    Map<PartitionKey, LogOffsets.Query> q = new HashMap<>();
    keys.forEach(k -> q.put(k, kind));
    return q;
  }
}
