package io.mirrorwatch.agent;

import io.mirrorwatch.agent.collect.AliasResolver;
import io.mirrorwatch.agent.collect.ClusterSource;
import io.mirrorwatch.agent.collect.CollectorHealthTracker;
import io.mirrorwatch.agent.collect.FlowTopology;
import io.mirrorwatch.agent.collect.jmx.RawSeries;
import io.mirrorwatch.agent.config.AgentConfig;
import io.mirrorwatch.agent.config.FlowConfig;
import io.mirrorwatch.agent.evaluate.FlowAssessment;
import io.mirrorwatch.agent.evaluate.FlowEvaluator;
import io.mirrorwatch.agent.export.AgentSnapshot;
import io.mirrorwatch.agent.model.ClusterState;
import io.mirrorwatch.agent.model.LastGood;
import io.mirrorwatch.agent.model.PartitionKey;
import io.mirrorwatch.common.cluster.ClusterConfig;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One collect-and-evaluate cycle over every cluster and flow. Collectors run in parallel (one task
 * per cluster, then one per flow), each call under the configured deadline; a failure marks that
 * collector's data stale and keeps its last good value. Evaluation is pure and runs last. Every
 * collector comes from the {@link CollectorFactory} and all time from the clock, so the whole cycle
 * runs on fakes in unit tests.
 */
public final class Pipeline implements AutoCloseable {
  private final AgentConfig config;
  private final Clock clock;
  private final ExecutorService pool;
  private final Map<String, ClusterSource> clusters = new LinkedHashMap<>();
  private final Map<String, LastGood<ClusterState>> clusterData = new ConcurrentHashMap<>();
  private final Map<String, Listing> listings = new ConcurrentHashMap<>();
  private final Map<String, FlowCycle> flows = new LinkedHashMap<>();
  private final AliasResolver indirection;
  private final FlowEvaluator evaluator;
  private final CollectorHealthTracker health;
  private volatile Map<String, Set<String>> indirectionTargets = Map.of();

  /** Topic and group names of one cluster, from its last successful listing. */
  private record Listing(Set<String> topics, Set<String> groups) {}

  public Pipeline(AgentConfig config, Clock clock, CollectorFactory collectors) {
    this.config = config;
    this.clock = clock;
    this.health = new CollectorHealthTracker(clock);
    this.pool =
        Executors.newFixedThreadPool(
            Math.max(2, config.clusters().size() + 2 * config.flows().size()),
            r -> {
              Thread t = new Thread(r, "mirrorwatch-collect");
              t.setDaemon(true);
              return t;
            });
    for (ClusterConfig c : config.clusters().values()) {
      clusters.put(c.alias(), collectors.cluster(c));
      clusterData.put(c.alias(), LastGood.none());
    }
    for (FlowConfig f : config.flows()) {
      flows.put(
          f.name(),
          new FlowCycle(
              f,
              config.deadline(),
              collectors.mm2State(f),
              collectors.sampler(f),
              collectors.jmx(f),
              clock));
    }
    this.indirection = collectors.indirection();
    this.evaluator =
        new FlowEvaluator(config.thresholds(), config.idempotency().eventId().describe());
  }

  /** Runs one full cycle and returns what the endpoints should now serve. */
  public AgentSnapshot runOnce() {
    List<CompletableFuture<Void>> tasks = new ArrayList<>();
    for (String alias : clusters.keySet()) {
      tasks.add(CompletableFuture.runAsync(() -> collectCluster(alias), pool));
    }
    tasks.add(CompletableFuture.runAsync(this::resolveIndirection, pool));
    CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).join();

    List<CompletableFuture<Void>> flowTasks = new ArrayList<>();
    for (FlowCycle f : flows.values()) {
      String source = f.config().source();
      flowTasks.add(
          CompletableFuture.runAsync(
              () ->
                  f.collect(
                      sourceTopics(source),
                      clusterData.get(source),
                      clusterData.get(f.config().target()),
                      clusters.get(source),
                      health),
              pool));
    }
    CompletableFuture.allOf(flowTasks.toArray(CompletableFuture[]::new)).join();

    Instant now = clock.instant();
    List<FlowAssessment> assessments = new ArrayList<>();
    for (FlowCycle f : flows.values()) {
      assessments.add(
          f.evaluate(
              evaluator,
              clusterData.get(f.config().source()),
              clusterData.get(f.config().target()),
              config.idempotency().idempotentGroups(),
              indirectionTargets,
              now));
    }
    Map<String, Boolean> up = new LinkedHashMap<>();
    clusterData.forEach(
        (alias, data) -> up.put(alias, data.lastError().isEmpty() && data.value().isPresent()));
    return new AgentSnapshot(now, assessments, up, health.all());
  }

  /** The raw MM2 JMX series of every flow's last good scrape, for re-exposition. */
  public MetricSnapshots rawJmx() {
    return RawSeries.merge(flows.values().stream().map(FlowCycle::raw).toList());
  }

  private void collectCluster(String alias) {
    ClusterSource c = clusters.get(alias);
    health.run(
        "cluster",
        alias,
        () -> {
          Listing listing = new Listing(c.topics(), c.groups());
          listings.put(alias, listing);
          Set<String> groups = groupsNeededOn(alias, listing);
          ClusterState state =
              c.collect(
                  sourceTopicsOn(alias, listing),
                  replicaTopicsOn(alias, listing),
                  groups,
                  isTarget(alias) ? groups : Set.of(),
                  clusterData.get(alias).value(),
                  atRiskOn(alias));
          clusterData.compute(alias, (k, old) -> old.succeeded(state, state.collectedAt()));
        },
        error -> clusterData.compute(alias, (k, old) -> old.failed(error)));
  }

  private void resolveIndirection() {
    if (config.indirectionAliases().isEmpty()) {
      return;
    }
    health.run("indirection", "", () -> indirectionTargets = indirection.resolve(), error -> {});
  }

  /** Source topics of the flows leaving this cluster. */
  private Set<String> sourceTopicsOn(String alias, Listing listing) {
    Set<String> topics = new java.util.TreeSet<>();
    for (FlowCycle f : flows.values()) {
      if (f.config().source().equals(alias)) {
        topics.addAll(FlowTopology.replicaOf(f.config(), listing.topics()).keySet());
      }
    }
    return topics;
  }

  /**
   * Replicas, on this cluster, of the flows arriving at it (known from the flows' last collect).
   */
  private Set<String> replicaTopicsOn(String alias, Listing listing) {
    Set<String> topics = new java.util.TreeSet<>();
    for (FlowCycle f : flows.values()) {
      if (f.config().target().equals(alias)) {
        f.replicaOf().values().stream().filter(listing.topics()::contains).forEach(topics::add);
      }
    }
    return topics;
  }

  /**
   * Group activity is read only where evaluation reads it: a group active on a flow's target blocks
   * offset sync.
   */
  private boolean isTarget(String alias) {
    return flows.values().stream().anyMatch(f -> f.config().target().equals(alias));
  }

  /**
   * Source partitions on this cluster that had records at risk in the previous cycle, over all
   * flows.
   */
  private Set<PartitionKey> atRiskOn(String alias) {
    Set<PartitionKey> atRisk = new java.util.HashSet<>();
    for (FlowCycle f : flows.values()) {
      if (f.config().source().equals(alias)) {
        atRisk.addAll(f.atRisk());
      }
    }
    return atRisk;
  }

  /** Groups matching a flow filter that exist on the flow's source (looked up on both clusters). */
  private Set<String> groupsNeededOn(String alias, Listing listing) {
    Set<String> groups = new java.util.TreeSet<>();
    for (FlowCycle f : flows.values()) {
      if (f.config().source().equals(alias) || f.config().target().equals(alias)) {
        Listing sourceListing = listings.getOrDefault(f.config().source(), listing);
        sourceListing.groups().stream().filter(f.config().groups()::matches).forEach(groups::add);
      }
    }
    return groups;
  }

  /** The cluster's topics at its last good listing; empty before the first. */
  private Set<String> sourceTopics(String alias) {
    Listing l = listings.get(alias);
    return l == null ? Set.of() : l.topics();
  }

  @Override
  public void close() {
    pool.shutdownNow();
    flows.values().forEach(FlowCycle::close);
    clusters.values().forEach(ClusterSource::close);
  }
}
