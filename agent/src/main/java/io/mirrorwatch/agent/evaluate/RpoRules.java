package io.mirrorwatch.agent.evaluate;

import io.mirrorwatch.agent.model.ClusterState;
import io.mirrorwatch.agent.model.PartitionKey;
import io.mirrorwatch.agent.model.PartitionOffsets;
import io.mirrorwatch.agent.model.SourceSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * RPO from offsets and timestamps on both clusters, never from MM2's JMX: when MM2 is dead its
 * latency metrics freeze or vanish, which is exactly when the figure matters.
 */
final class RpoRules {
  private RpoRules() {}

  /** Aggregates partitions into one figure per topic and advances the stall history. */
  static Result topics(
      FlowInputs in, Map<PartitionKey, PartitionRpo> rpo, FlowHistory history, Instant now) {
    Map<PartitionKey, PartitionOffsets.Replica> replica =
        in.targetCluster().value().map(ClusterState::replicas).orElse(Map.of());
    Map<PartitionKey, SourceSample.OffsetTimestamp> stamps =
        in.sample().value().map(SourceSample::timestampAt).orElse(Map.of());
    Map<PartitionKey, Long> replicaLatest = new HashMap<>(history.replicaLatest());
    Map<PartitionKey, Instant> advancedAt = new HashMap<>(history.replicaAdvancedAt());
    Map<String, TopicRpo> byTopic = new TreeMap<>();

    for (Map.Entry<PartitionKey, PartitionRpo> e : rpo.entrySet()) {
      PartitionKey key = e.getKey();
      PartitionRpo r = e.getValue();
      String replicaTopic = in.replicaOf().get(key.topic());
      PartitionOffsets.Replica rep = replica.get(new PartitionKey(replicaTopic, key.partition()));
      if (rep != null && !Long.valueOf(rep.latest()).equals(replicaLatest.get(key))) {
        replicaLatest.put(key, rep.latest());
        advancedAt.put(key, now);
      }
      advancedAt.putIfAbsent(key, now);
      double stalled =
          r.recordsAtRisk() > 0 ? seconds(Duration.between(advancedAt.get(key), now)) : 0;
      OptionalDouble age =
          r.recordsAtRisk() == 0 ? OptionalDouble.of(0) : oldestAge(r, stamps.get(key), rep, now);
      byTopic.merge(
          key.topic(),
          new TopicRpo(
              key.topic(), replicaTopic, r.recordsAtRisk(), age, Double.NaN, stalled, r.basis()),
          RpoRules::combine);
    }
    Rate rate = rate(in, history, now);
    List<TopicRpo> topics = new ArrayList<>();
    byTopic
        .values()
        .forEach(
            t ->
                topics.add(
                    new TopicRpo(
                        t.topic(),
                        t.replica(),
                        t.records(),
                        t.seconds(),
                        rate.perTopic().getOrDefault(t.topic(), Double.NaN),
                        t.stalledSeconds(),
                        t.basis())));
    return new Result(topics, replicaLatest, advancedAt, rate.latest(), rate.at());
  }

  /**
   * Rule: the age of the oldest record not yet on the target is read from that very record when the
   * sampler fetched it; otherwise the replica's newest timestamp bounds it from above (records are
   * copied in order, so the oldest missing one is no older than the newest copied one); otherwise
   * it is unknown.
   */
  static OptionalDouble oldestAge(
      PartitionRpo r,
      SourceSample.OffsetTimestamp stamp,
      PartitionOffsets.Replica replica,
      Instant now) {
    if (stamp != null && stamp.offset() <= r.replicatedPosition()) {
      return OptionalDouble.of(Math.max(0, (now.toEpochMilli() - stamp.timestamp()) / 1000.0));
    }
    if (replica != null && replica.newestTimestamp().isPresent()) {
      return OptionalDouble.of(
          Math.max(0, (now.toEpochMilli() - replica.newestTimestamp().getAsLong()) / 1000.0));
    }
    return OptionalDouble.empty();
  }

  private static Rate rate(FlowInputs in, FlowHistory history, Instant now) {
    Optional<ClusterState> source = in.sourceCluster().value();
    if (source.isEmpty()) {
      return new Rate(Map.of(), history.sourceLatest(), history.sourceLatestAt());
    }
    Map<PartitionKey, Long> latest = new HashMap<>();
    source
        .get()
        .sources()
        .forEach(
            (k, o) -> {
              if (in.replicaOf().containsKey(k.topic())) {
                latest.put(k, o.latest());
              }
            });
    Instant at = source.get().collectedAt();
    Map<String, Double> perTopic = new HashMap<>();
    if (history.sourceLatestAt().isPresent() && at.isAfter(history.sourceLatestAt().get())) {
      double secs = seconds(Duration.between(history.sourceLatestAt().get(), at));
      Map<String, Long> delta = new HashMap<>();
      latest.forEach(
          (k, v) ->
              delta.merge(
                  k.topic(),
                  Math.max(0, v - history.sourceLatest().getOrDefault(k, v)),
                  Long::sum));
      delta.forEach((topic, d) -> perTopic.put(topic, d / secs));
    } else if (history.sourceLatestAt().isPresent()) {
      return new Rate(Map.of(), history.sourceLatest(), history.sourceLatestAt());
    }
    return new Rate(perTopic, latest, Optional.of(at));
  }

  private static TopicRpo combine(TopicRpo a, TopicRpo b) {
    return new TopicRpo(
        a.topic(),
        a.replica(),
        a.records() + b.records(),
        unknownWins(a.seconds(), b.seconds()),
        Double.NaN,
        Math.max(a.stalledSeconds(), b.stalledSeconds()),
        a.basis().ordinal() >= b.basis().ordinal() ? a.basis() : b.basis());
  }

  /** The larger age, but unknown wins: an unknown age must not hide behind a known smaller one. */
  private static OptionalDouble unknownWins(OptionalDouble a, OptionalDouble b) {
    return a.isEmpty() || b.isEmpty()
        ? OptionalDouble.empty()
        : OptionalDouble.of(Math.max(a.getAsDouble(), b.getAsDouble()));
  }

  static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }

  private record Rate(
      Map<String, Double> perTopic, Map<PartitionKey, Long> latest, Optional<Instant> at) {}

  record Result(
      List<TopicRpo> topics,
      Map<PartitionKey, Long> replicaLatest,
      Map<PartitionKey, Instant> replicaAdvancedAt,
      Map<PartitionKey, Long> sourceLatest,
      Optional<Instant> sourceLatestAt) {}
}
