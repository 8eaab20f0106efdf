package io.mirrorwatch.agent;

import io.mirrorwatch.agent.collect.ClusterCollector;
import io.mirrorwatch.agent.collect.CollectException;
import io.mirrorwatch.agent.collect.FlowTopology;
import io.mirrorwatch.agent.collect.HealthBook;
import io.mirrorwatch.agent.collect.IndirectionResolver;
import io.mirrorwatch.agent.collect.JmxProbe;
import io.mirrorwatch.agent.collect.Mm2StateCollector;
import io.mirrorwatch.agent.collect.SourceSampler;
import io.mirrorwatch.agent.config.AgentConfig;
import io.mirrorwatch.agent.config.ClusterConfig;
import io.mirrorwatch.agent.config.FlowConfig;
import io.mirrorwatch.agent.evaluate.FlowAssessment;
import io.mirrorwatch.agent.evaluate.FlowEvaluator;
import io.mirrorwatch.agent.export.AgentSnapshot;
import io.mirrorwatch.agent.model.ClusterState;
import io.mirrorwatch.agent.model.Collected;
import io.mirrorwatch.agent.model.PartitionKey;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Clock;
import java.time.Duration;
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
import java.util.function.Function;

/**
 * One collect-and-evaluate cycle over every cluster and flow. Collectors run in parallel (one task
 * per cluster, then one per flow), each call under the configured deadline; a failure marks that
 * collector's data stale and keeps its last good value. Evaluation is pure and runs last.
 */
public final class Pipeline implements AutoCloseable {
  private final AgentConfig config;
  private final Clock clock;
  private final ExecutorService pool;
  private final Map<String, ClusterCollector> clusters = new LinkedHashMap<>();
  private final Map<String, Collected<ClusterState>> clusterData = new ConcurrentHashMap<>();
  private final Map<String, Listing> listings = new ConcurrentHashMap<>();
  private final Map<String, FlowRuntime> flows = new LinkedHashMap<>();
  private final IndirectionResolver indirection;
  private final FlowEvaluator evaluator;
  private final HealthBook health = new HealthBook();
  private volatile Map<String, Set<String>> indirectionTargets = Map.of();

  /** Topic and group names of one cluster, from its last successful listing. */
  private record Listing(Set<String> topics, Set<String> groups) {}

  public Pipeline(AgentConfig config, Clock clock, Function<FlowConfig, List<JmxProbe>> jmxProbes) {
    this.config = config;
    this.clock = clock;
    this.pool = Executors.newFixedThreadPool(Math.max(2, config.clusters().size() + 2 * config.flows().size()), r -> {
      Thread t = new Thread(r, "mirrorwatch-collect");
      t.setDaemon(true);
      return t;
    });
    for (ClusterConfig c : config.clusters().values()) {
      clusters.put(c.alias(), new ClusterCollector(c, config.deadline(), clock));
      clusterData.put(c.alias(), Collected.none());
    }
    for (FlowConfig f : config.flows()) {
      Map<String, Object> target = config.clusters().get(f.target()).clientProperties(config.deadline());
      Map<String, Object> source = config.clusters().get(f.source()).clientProperties(config.deadline());
      flows.put(f.name(), new FlowRuntime(f,
          new Mm2StateCollector(f, target, config.deadline(), clock),
          new SourceSampler(source, config.idempotency().eventIdHeader(), config.idempotency().sampleRecords(),
              config.deadline(), clock),
          jmxProbes.apply(f)));
    }
    this.indirection = new IndirectionResolver(config.indirectionAliases(), config.clusters(), config.deadline());
    this.evaluator = new FlowEvaluator(config.thresholds(), config.idempotency().eventIdHeader());
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
    for (FlowRuntime f : flows.values()) {
      flowTasks.add(CompletableFuture.runAsync(() -> f.collect(this), pool));
    }
    CompletableFuture.allOf(flowTasks.toArray(CompletableFuture[]::new)).join();

    Instant now = clock.instant();
    List<FlowAssessment> assessments = new ArrayList<>();
    for (FlowRuntime f : flows.values()) {
      assessments.add(f.evaluate(evaluator, this, now));
    }
    Map<String, Boolean> up = new LinkedHashMap<>();
    clusterData.forEach((alias, data) -> up.put(alias, data.lastError().isEmpty() && data.value().isPresent()));
    return new AgentSnapshot(now, assessments, up, health.all());
  }

  /** The raw MM2 JMX series of every flow's last good scrape, for re-exposition. */
  public MetricSnapshots rawJmx() {
    MetricSnapshots.Builder b = MetricSnapshots.builder();
    Map<String, MetricSnapshot> byName = new LinkedHashMap<>();
    for (FlowRuntime f : flows.values()) {
      for (MetricSnapshot s : f.raw()) {
        byName.merge(s.getMetadata().getPrometheusName(), s, FlowRuntime::mergeSnapshots);
      }
    }
    byName.values().forEach(b::metricSnapshot);
    return b.build();
  }

  private void collectCluster(String alias) {
    ClusterCollector c = clusters.get(alias);
    timed("cluster", alias, () -> {
      Listing listing = new Listing(c.topics(), c.groups());
      listings.put(alias, listing);
      Set<String> groups = groupsNeededOn(alias, listing);
      ClusterState state = c.collect(sourceTopicsOn(alias, listing), replicaTopicsOn(alias, listing), groups,
          isTarget(alias) ? groups : Set.of(), clusterData.get(alias).value(), atRiskOn(alias));
      clusterData.compute(alias, (k, old) -> old.succeeded(state, state.collectedAt()));
    }, error -> clusterData.compute(alias, (k, old) -> old.failed(error)));
  }

  private void resolveIndirection() {
    if (config.indirectionAliases().isEmpty()) {
      return;
    }
    timed("indirection", "", () -> indirectionTargets = indirection.resolve(), error -> {});
  }

  /** Source topics of the flows leaving this cluster. */
  private Set<String> sourceTopicsOn(String alias, Listing listing) {
    Set<String> topics = new java.util.TreeSet<>();
    for (FlowRuntime f : flows.values()) {
      if (f.config().source().equals(alias)) {
        topics.addAll(FlowTopology.replicaOf(f.config(), listing.topics()).keySet());
      }
    }
    return topics;
  }

  /** Replicas, on this cluster, of the flows arriving at it (known from the flows' last collect). */
  private Set<String> replicaTopicsOn(String alias, Listing listing) {
    Set<String> topics = new java.util.TreeSet<>();
    for (FlowRuntime f : flows.values()) {
      if (f.config().target().equals(alias)) {
        f.replicaOf().values().stream().filter(listing.topics()::contains).forEach(topics::add);
      }
    }
    return topics;
  }

  /** Group activity is read only where evaluation reads it: a group active on a flow's target blocks offset sync. */
  private boolean isTarget(String alias) {
    return flows.values().stream().anyMatch(f -> f.config().target().equals(alias));
  }

  /** Source partitions on this cluster that had records at risk in the previous cycle, over all flows. */
  private Set<PartitionKey> atRiskOn(String alias) {
    Set<PartitionKey> atRisk = new java.util.HashSet<>();
    for (FlowRuntime f : flows.values()) {
      if (f.config().source().equals(alias)) {
        atRisk.addAll(f.atRisk());
      }
    }
    return atRisk;
  }

  /** Groups matching a flow filter that exist on the flow's source (looked up on both clusters). */
  private Set<String> groupsNeededOn(String alias, Listing listing) {
    Set<String> groups = new java.util.TreeSet<>();
    for (FlowRuntime f : flows.values()) {
      if (f.config().source().equals(alias) || f.config().target().equals(alias)) {
        Listing sourceListing = listings.getOrDefault(f.config().source(), listing);
        sourceListing.groups().stream().filter(f.config().groups()::matches).forEach(groups::add);
      }
    }
    return groups;
  }

  Collected<ClusterState> clusterData(String alias) {
    return clusterData.get(alias);
  }

  Set<String> sourceTopics(String alias) {
    Listing l = listings.get(alias);
    return l == null ? Set.of() : l.topics();
  }

  ClusterCollector cluster(String alias) {
    return clusters.get(alias);
  }

  Map<String, Set<String>> indirectionTargets() {
    return indirectionTargets;
  }

  AgentConfig config() {
    return config;
  }

  /** Runs a collector step, records its duration and outcome; never throws. */
  void timed(String collector, String cluster, Step step, java.util.function.Consumer<String> onError) {
    Instant start = clock.instant();
    try {
      step.run();
      health.succeeded(collector, cluster, Duration.between(start, clock.instant()), clock.instant());
    } catch (CollectException e) {
      health.failed(collector, cluster, Duration.between(start, clock.instant()), e.getMessage());
      onError.accept(e.getMessage());
    } catch (RuntimeException e) {
      // A bug or an unexpected client error must not kill the loop: count it and keep serving.
      String message = io.mirrorwatch.agent.collect.Deadlines.message(e);
      health.failed(collector, cluster, Duration.between(start, clock.instant()), message);
      onError.accept(message);
    }
  }

  /** A collector step that may fail. */
  interface Step {
    void run() throws CollectException;
  }

  @Override
  public void close() {
    pool.shutdownNow();
    flows.values().forEach(FlowRuntime::close);
    clusters.values().forEach(ClusterCollector::close);
  }
}
