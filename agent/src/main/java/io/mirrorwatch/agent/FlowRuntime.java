package io.mirrorwatch.agent;

import io.mirrorwatch.agent.collect.CollectException;
import io.mirrorwatch.agent.collect.FlowTopology;
import io.mirrorwatch.agent.collect.JmxProbe;
import io.mirrorwatch.agent.collect.Mm2StateCollector;
import io.mirrorwatch.agent.collect.SourceSampler;
import io.mirrorwatch.agent.collect.TailStarts;
import io.mirrorwatch.agent.config.FlowConfig;
import io.mirrorwatch.agent.evaluate.FlowAssessment;
import io.mirrorwatch.agent.evaluate.FlowEvaluator;
import io.mirrorwatch.agent.evaluate.FlowHistory;
import io.mirrorwatch.agent.evaluate.FlowInputs;
import io.mirrorwatch.agent.evaluate.PartitionRpo;
import io.mirrorwatch.agent.model.ClusterState;
import io.mirrorwatch.agent.model.Collected;
import io.mirrorwatch.agent.model.Mm2JmxSnapshot;
import io.mirrorwatch.agent.model.Mm2State;
import io.mirrorwatch.agent.model.PartitionKey;
import io.mirrorwatch.agent.model.SourceSample;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** One flow's collectors, last good data and evaluation history. Used by one cycle at a time. */
final class FlowRuntime implements AutoCloseable {
  private final FlowConfig config;
  private final Mm2StateCollector mm2;
  private final SourceSampler sampler;
  private final List<JmxProbe> jmx;
  private volatile Map<String, String> replicaOf = Map.of();
  private Collected<Mm2State> mm2Data = Collected.none();
  private Collected<SourceSample> sampleData = Collected.none();
  private Collected<Mm2JmxSnapshot> jmxData = Collected.none();
  private volatile List<MetricSnapshot> raw = List.of();
  private FlowHistory history = FlowHistory.empty();
  /** Source partitions with records at risk in the last sample; their log starts are asked every cycle. */
  private volatile Set<PartitionKey> atRisk = Set.of();
  /** The offsetsForTimes answers of the previous cycle, reused where {@code OffsetReuse} allows. */
  private TailStarts tailStarts = TailStarts.none();

  FlowRuntime(FlowConfig config, Mm2StateCollector mm2, SourceSampler sampler, List<JmxProbe> jmx) {
    this.config = config;
    this.mm2 = mm2;
    this.sampler = sampler;
    this.jmx = List.copyOf(jmx);
  }

  FlowConfig config() {
    return config;
  }

  Map<String, String> replicaOf() {
    return replicaOf;
  }

  Set<PartitionKey> atRisk() {
    return atRisk;
  }

  List<MetricSnapshot> raw() {
    return raw;
  }

  /** The flow's collectors, after the cluster collectors of this cycle have run. */
  void collect(Pipeline p) {
    Set<String> sourceTopics = p.sourceTopics(config.source());
    if (!sourceTopics.isEmpty()) {
      replicaOf = FlowTopology.replicaOf(config, sourceTopics);
    }
    p.timed("mm2_state", config.target(), () -> {
      Mm2State s = mm2.collect();
      mm2Data = mm2Data.succeeded(s, s.collectedAt());
    }, e -> mm2Data = mm2Data.failed(e));
    p.timed("source_sample", config.source(), () -> sample(p), e -> sampleData = sampleData.failed(e));
    if (!jmx.isEmpty()) {
      p.timed("jmx", config.target(), this::scrapeJmx, e -> {
        jmxData = jmxData.failed(e);
        raw = List.of();
      });
    }
  }

  /**
   * Maps each replica's newest timestamp back to a source offset, estimates the replicated position
   * per partition, and reads the source record there (its timestamp is the RPO age).
   */
  private void sample(Pipeline p) throws CollectException {
    Optional<ClusterState> source = fresh(p.clusterData(config.source()));
    if (source.isEmpty()) {
      throw new CollectException(config.source() + " offsets unavailable this cycle");
    }
    Optional<ClusterState> target = p.clusterData(config.target()).value();
    Map<PartitionKey, Long> replicaNewest = new HashMap<>();
    Map<PartitionKey, Long> latest = new HashMap<>();
    source.get().sources().forEach((k, o) -> {
      String replica = replicaOf.get(k.topic());
      if (replica == null) {
        return;
      }
      latest.put(k, o.latest());
      target.map(t -> t.replicas().get(new PartitionKey(replica, k.partition())))
          .filter(r -> r.newestTimestamp().isPresent())
          .ifPresent(r -> replicaNewest.put(k, r.newestTimestamp().getAsLong()));
    });
    Map<PartitionKey, Long> ask = tailStarts.toAsk(replicaNewest, latest);
    Map<PartitionKey, Long> answers = p.cluster(config.source()).offsetsForTimes(ask);
    tailStarts = tailStarts.next(replicaNewest, latest, ask, answers);
    Map<PartitionKey, Long> tailStart = tailStarts.offsets();
    Map<PartitionKey, Long> replicated = mm2Data.value().map(Mm2State::replicatedUpTo).orElse(Map.of());
    Map<PartitionKey, Long> atRisk = new HashMap<>();
    source.get().sources().forEach((k, o) -> {
      if (!latest.containsKey(k)) {
        return;
      }
      PartitionRpo r = PartitionRpo.estimate(o.earliest(), o.latest(), opt(replicated.get(k)), opt(tailStart.get(k)));
      if (r.recordsAtRisk() > 0) {
        atRisk.put(k, r.replicatedPosition());
      }
    });
    this.atRisk = Set.copyOf(atRisk.keySet());
    SourceSample s = sampler.sample(atRisk, latest, tailStart);
    sampleData = sampleData.succeeded(s, s.collectedAt());
  }

  private void scrapeJmx() throws CollectException {
    List<JmxProbe.Result> results = new ArrayList<>();
    CollectException last = null;
    for (JmxProbe probe : jmx) {
      try {
        results.add(probe.scrape());
      } catch (CollectException e) {
        last = e;
      }
    }
    if (results.isEmpty()) {
      throw last;
    }
    jmxData = jmxData.succeeded(merge(results), Instant.now());
    List<MetricSnapshot> all = new ArrayList<>();
    results.forEach(r -> r.raw().forEach(all::add));
    raw = List.copyOf(all);
  }

  /**
   * Several MM2 nodes serve one flow: a connector runs on one node (its status wins if running),
   * task counts add up, latencies of all partitions are pooled.
   */
  static Mm2JmxSnapshot merge(List<JmxProbe.Result> results) {
    Map<String, String> status = new HashMap<>();
    Map<String, Map<String, Integer>> tasks = new HashMap<>();
    List<Double> latency = new ArrayList<>();
    for (JmxProbe.Result r : results) {
      r.snapshot().connectorStatus().forEach((c, s) -> status.merge(c, s, (a, b) -> "running".equals(a) ? a : b));
      r.snapshot().taskStates().forEach((c, states) -> states.forEach((s, n) ->
          tasks.computeIfAbsent(c, k -> new HashMap<>()).merge(s, n, Integer::sum)));
      latency.addAll(r.snapshot().replicationLatencyMs());
    }
    return new Mm2JmxSnapshot(status, tasks, latency);
  }

  FlowAssessment evaluate(FlowEvaluator evaluator, Pipeline p, Instant now) {
    Collected<ClusterState> source = p.clusterData(config.source());
    Set<String> watched = new HashSet<>();
    source.value().ifPresent(s -> s.committed().forEach((group, offsets) -> {
      if (config.groups().matches(group) && offsets.keySet().stream().anyMatch(k -> replicaOf.containsKey(k.topic()))) {
        watched.add(group);
      }
    }));
    FlowInputs in = new FlowInputs(config.name(), config.source(), config.target(), replicaOf, watched,
        p.config().idempotency().idempotentGroups(), source, p.clusterData(config.target()), mm2Data, sampleData,
        jmx.isEmpty() ? Optional.empty() : Optional.of(jmxData), p.indirectionTargets());
    FlowEvaluator.Outcome outcome = evaluator.evaluate(in, history, now);
    history = outcome.history();
    return outcome.assessment();
  }

  /** Merges same-named raw series from several endpoints into one snapshot. */
  static MetricSnapshot mergeSnapshots(MetricSnapshot a, MetricSnapshot b) {
    if (a instanceof io.prometheus.metrics.model.snapshots.GaugeSnapshot ga
        && b instanceof io.prometheus.metrics.model.snapshots.GaugeSnapshot gb) {
      var builder = io.prometheus.metrics.model.snapshots.GaugeSnapshot.builder()
          .name(ga.getMetadata().getName()).help(ga.getMetadata().getHelp());
      Set<io.prometheus.metrics.model.snapshots.Labels> seen = new HashSet<>();
      for (var d : ga.getDataPoints()) {
        seen.add(d.getLabels());
        builder.dataPoint(d);
      }
      for (var d : gb.getDataPoints()) {
        if (seen.add(d.getLabels())) {
          builder.dataPoint(d);
        }
      }
      return builder.build();
    }
    return a;
  }

  private static Optional<ClusterState> fresh(Collected<ClusterState> c) {
    return c.lastError().isEmpty() ? c.value() : Optional.empty();
  }

  private static OptionalLong opt(Long v) {
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }

  @Override
  public void close() {
    mm2.close();
    sampler.close();
    jmx.forEach(JmxProbe::close);
  }
}
