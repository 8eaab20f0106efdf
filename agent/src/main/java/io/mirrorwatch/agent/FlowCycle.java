package io.mirrorwatch.agent;

import io.mirrorwatch.agent.collect.ClusterSource;
import io.mirrorwatch.agent.collect.CollectException;
import io.mirrorwatch.agent.collect.CollectorHealthTracker;
import io.mirrorwatch.agent.collect.FlowTopology;
import io.mirrorwatch.agent.collect.Mm2StateSource;
import io.mirrorwatch.agent.collect.RecordSampler;
import io.mirrorwatch.agent.collect.TailStarts;
import io.mirrorwatch.agent.collect.jmx.JmxScrape;
import io.mirrorwatch.agent.collect.jmx.Mm2JmxSource;
import io.mirrorwatch.agent.config.FlowConfig;
import io.mirrorwatch.agent.evaluate.FlowAssessment;
import io.mirrorwatch.agent.evaluate.FlowEvaluator;
import io.mirrorwatch.agent.evaluate.FlowHistory;
import io.mirrorwatch.agent.evaluate.FlowInputs;
import io.mirrorwatch.agent.evaluate.RpoEstimate;
import io.mirrorwatch.agent.model.ClusterState;
import io.mirrorwatch.agent.model.LastGood;
import io.mirrorwatch.agent.model.Mm2JmxSnapshot;
import io.mirrorwatch.agent.model.Mm2State;
import io.mirrorwatch.agent.model.PartitionKey;
import io.mirrorwatch.agent.model.SourceSample;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One flow's collectors, their last good data and the flow's evaluation history; used by one cycle
 * at a time. Per cycle: MM2 state, then the tail starts, then the RPO estimate (computed here once
 * and handed to evaluation), then the source sample at the positions at risk, then JMX.
 */
final class FlowCycle implements AutoCloseable {
  private final FlowConfig config;
  private final Duration deadline;
  private final Mm2StateSource mm2;
  private final RecordSampler sampler;
  private final Optional<Mm2JmxSource> jmx;
  private final Clock clock;
  private volatile Map<String, String> replicaOf = Map.of();
  private LastGood<Mm2State> mm2Data = LastGood.none();
  private LastGood<SourceSample> sampleData = LastGood.none();
  private LastGood<Mm2JmxSnapshot> jmxData = LastGood.none();
  private volatile MetricSnapshots raw = MetricSnapshots.builder().build();
  private FlowHistory history = FlowHistory.empty();

  /** This cycle's estimate, once the tail starts are known; empty until then. */
  private Optional<RpoEstimate> rpo = Optional.empty();

  /**
   * Source partitions with records at risk in the last estimate; their log starts are asked every
   * cycle.
   */
  private volatile Set<PartitionKey> atRisk = Set.of();

  /** The offsetsForTimes answers of the previous cycle, reused where {@code OffsetReuse} allows. */
  private TailStarts tailStarts = TailStarts.none();

  FlowCycle(
      FlowConfig config,
      Duration deadline,
      Mm2StateSource mm2,
      RecordSampler sampler,
      Optional<Mm2JmxSource> jmx,
      Clock clock) {
    this.config = config;
    this.deadline = deadline;
    this.mm2 = mm2;
    this.sampler = sampler;
    this.jmx = jmx;
    this.clock = clock;
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

  /** The raw MM2 series of the last good JMX scrape; none while JMX fails. */
  MetricSnapshots raw() {
    return raw;
  }

  /**
   * The flow's collect steps, after this cycle's cluster collects.
   *
   * @param sourceTopics the source cluster's topics at its last good listing (empty: keep the
   *     flow's topics of the previous cycle)
   */
  void collect(
      Set<String> sourceTopics,
      LastGood<ClusterState> source,
      LastGood<ClusterState> target,
      ClusterSource sourceCluster,
      CollectorHealthTracker steps) {
    rpo = Optional.empty();
    if (!sourceTopics.isEmpty()) {
      replicaOf = FlowTopology.replicaOf(config, sourceTopics);
    }
    steps.run(
        "mm2_state",
        config.target(),
        () -> {
          Mm2State s = mm2.collect();
          mm2Data = mm2Data.succeeded(s, s.collectedAt());
        },
        e -> mm2Data = mm2Data.failed(e));
    steps.run(
        "source_sample",
        config.source(),
        () -> sample(source, target, sourceCluster),
        e -> sampleData = sampleData.failed(e));
    jmx.ifPresent(
        j ->
            steps.run(
                "jmx",
                config.target(),
                () -> {
                  JmxScrape s = j.scrape(deadline);
                  jmxData = jmxData.succeeded(s.snapshot(), clock.instant());
                  raw = s.raw();
                },
                e -> {
                  jmxData = jmxData.failed(e);
                  raw = MetricSnapshots.builder().build();
                }));
  }

  /**
   * Maps each replica's newest timestamp back to a source offset, estimates the replicated position
   * per partition, and reads the source record there (its timestamp is the RPO age).
   */
  private void sample(
      LastGood<ClusterState> sourceData, LastGood<ClusterState> target, ClusterSource sourceCluster)
      throws CollectException {
    if (sourceData.stale()) {
      throw new CollectException(config.source() + " offsets unavailable this cycle");
    }
    ClusterState source = sourceData.value().orElseThrow();
    Map<PartitionKey, Long> replicaNewest = new HashMap<>();
    Map<PartitionKey, Long> latest = new HashMap<>();
    source
        .sources()
        .forEach(
            (k, o) -> {
              String replica = replicaOf.get(k.topic());
              if (replica == null) {
                return;
              }
              latest.put(k, o.latest());
              target
                  .value()
                  .map(t -> t.replicas().get(new PartitionKey(replica, k.partition())))
                  .filter(r -> r.newestTimestamp().isPresent())
                  .ifPresent(r -> replicaNewest.put(k, r.newestTimestamp().getAsLong()));
            });
    Map<PartitionKey, Long> ask = tailStarts.toAsk(replicaNewest, latest);
    Map<PartitionKey, Long> answers = sourceCluster.offsetsForTimes(ask);
    tailStarts = tailStarts.next(replicaNewest, latest, ask, answers);
    RpoEstimate estimate = estimate(Optional.of(source), tailStarts.offsets());
    rpo = Optional.of(estimate);
    Map<PartitionKey, Long> positions = estimate.atRisk();
    atRisk = Set.copyOf(positions.keySet());
    SourceSample s = sampler.sample(positions, latest, tailStarts.offsets());
    sampleData = sampleData.succeeded(s, s.collectedAt());
  }

  private RpoEstimate estimate(Optional<ClusterState> source, Map<PartitionKey, Long> tail) {
    return RpoEstimate.of(
        source, replicaOf, mm2Data.value().map(Mm2State::replicatedUpTo).orElse(Map.of()), tail);
  }

  FlowAssessment evaluate(
      FlowEvaluator evaluator,
      LastGood<ClusterState> source,
      LastGood<ClusterState> target,
      Set<String> idempotentGroups,
      Map<String, Set<String>> indirectionTargets,
      Instant now) {
    Set<String> watched =
        source.value().map(s -> FlowTopology.watchedGroups(config, replicaOf, s)).orElse(Set.of());
    // The sample step did not get as far as the estimate: make it now, once, from the last good
    // data.
    RpoEstimate estimate =
        rpo.orElseGet(
            () ->
                estimate(
                    source.value(),
                    sampleData.value().map(SourceSample::tailStartForTimestamp).orElse(Map.of())));
    FlowInputs in =
        new FlowInputs(
            config.name(),
            config.source(),
            config.target(),
            replicaOf,
            watched,
            idempotentGroups,
            source,
            target,
            mm2Data,
            sampleData,
            estimate,
            jmx.isPresent() ? Optional.of(jmxData) : Optional.empty(),
            indirectionTargets);
    FlowEvaluator.Outcome outcome = evaluator.evaluate(in, history, now);
    history = outcome.history();
    return outcome.assessment();
  }

  @Override
  public void close() {
    mm2.close();
    sampler.close();
    jmx.ifPresent(Mm2JmxSource::close);
  }
}
