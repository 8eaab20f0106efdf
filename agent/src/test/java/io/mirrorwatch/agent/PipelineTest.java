package io.mirrorwatch.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.agent.collect.AliasResolver;
import io.mirrorwatch.agent.collect.ClusterSource;
import io.mirrorwatch.agent.collect.CollectException;
import io.mirrorwatch.agent.collect.Mm2StateSource;
import io.mirrorwatch.agent.collect.RecordSampler;
import io.mirrorwatch.agent.collect.jmx.JmxScrape;
import io.mirrorwatch.agent.collect.jmx.Mm2JmxSource;
import io.mirrorwatch.agent.config.AgentConfig;
import io.mirrorwatch.agent.config.ConfigLoader;
import io.mirrorwatch.agent.config.FlowConfig;
import io.mirrorwatch.agent.evaluate.Check;
import io.mirrorwatch.agent.evaluate.FlowAssessment;
import io.mirrorwatch.agent.evaluate.Level;
import io.mirrorwatch.agent.evaluate.RpoBasis;
import io.mirrorwatch.agent.evaluate.TopicRpo;
import io.mirrorwatch.agent.export.AgentSnapshot;
import io.mirrorwatch.agent.model.ClusterState;
import io.mirrorwatch.agent.model.CollectorHealth;
import io.mirrorwatch.agent.model.Mm2JmxSnapshot;
import io.mirrorwatch.agent.model.Mm2State;
import io.mirrorwatch.agent.model.PartitionKey;
import io.mirrorwatch.agent.model.PartitionOffsets;
import io.mirrorwatch.agent.model.SourceSample;
import io.mirrorwatch.common.cluster.ClusterConfig;
import io.mirrorwatch.common.time.MutableClock;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole cycle on fakes: one flow primary -> dr, orders-0 at 100 on the source, MM2 at 90. */
class PipelineTest {
  private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
  private static final PartitionKey ORDERS_0 = new PartitionKey("orders", 0);
  private static final AgentConfig CONFIG =
      ConfigLoader.parse(
          """
      clusters:
        primary:
          bootstrap.servers: 127.0.0.1:9092
        dr:
          bootstrap.servers: 127.0.0.1:9093
      flows:
        - source: primary
          target: dr
      """,
          Map.of());

  private final MutableClock clock = new MutableClock(T0);
  private final FakeCluster primary = new FakeCluster(Set.of("orders"));
  private final FakeCluster dr = new FakeCluster(Set.of("primary.orders"));
  private final FakeMm2 mm2 = new FakeMm2();
  private final FakeSampler sampler = new FakeSampler();
  private final FakeJmx jmx = new FakeJmx();
  private final Pipeline pipeline = new Pipeline(CONFIG, clock, new FakeCollectors());

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void aFailedClusterKeepsServingItsLastGoodDataMarkedStaleCountsTheErrorAndTheLoopGoesOn() {
    AgentSnapshot first = pipeline.runOnce();
    assertThat(first.clusterUp()).containsEntry("primary", true);
    assertThat(rpo(first).records()).isEqualTo(10);

    clock.advance(Duration.ofSeconds(10));
    primary.failing = true;
    AgentSnapshot failed = pipeline.runOnce();
    assertThat(failed.clusterUp()).containsEntry("primary", false).containsEntry("dr", true);
    CollectorHealth h = health(failed, "cluster", "primary");
    assertThat(h.errors()).isEqualTo(1);
    assertThat(h.lastError()).hasValueSatisfying(e -> assertThat(e).contains("primary is down"));
    assertThat(h.lastSuccess()).contains(T0);
    // The last good offsets still give the RPO; the oldest record sampled at T0 - 5 s is now 15 s
    // old.
    assertThat(rpo(failed).records()).isEqualTo(10);
    assertThat(rpo(failed).seconds()).hasValue(15.0);
    assertThat(flow(failed).checks().get(Check.REPLICATION).level()).isEqualTo(Level.DANGER);
    assertThat(flow(failed).checks().get(Check.REPLICATION).reasons())
        .anySatisfy(r -> assertThat(r).contains("cluster primary unreachable"));
    assertThat(failed.cycleEndedAt()).isEqualTo(T0.plusSeconds(10));

    clock.advance(Duration.ofSeconds(10));
    primary.failing = false;
    AgentSnapshot recovered = pipeline.runOnce();
    assertThat(recovered.clusterUp()).containsEntry("primary", true);
    assertThat(health(recovered, "cluster", "primary").errors()).isEqualTo(1);
    assertThat(health(recovered, "cluster", "primary").lastError()).isEmpty();
    assertThat(health(recovered, "cluster", "primary").lastSuccess()).contains(T0.plusSeconds(20));
  }

  @Test
  void aCollectorThatThrowsABugIsCountedLikeAFailureAndTheCycleCompletes() {
    pipeline.runOnce();
    mm2.bug = true;
    clock.advance(Duration.ofSeconds(10));
    AgentSnapshot s = pipeline.runOnce();
    CollectorHealth h = health(s, "mm2_state", "dr");
    assertThat(h.errors()).isEqualTo(1);
    assertThat(h.lastError()).contains("IllegalStateException: bug");
    assertThat(h.lastSuccess()).contains(T0);
    // MM2's last good position still counts: 10 records at risk, not the whole log.
    assertThat(rpo(s).records()).isEqualTo(10);
    assertThat(rpo(s).basis()).isEqualTo(RpoBasis.MM2_OFFSETS);
  }

  @Test
  void aFailedJmxScrapeMarksMirrorMakerDownAndStopsReExposingItsSeries() {
    pipeline.runOnce();
    assertThat(flow(pipeline.runOnce()).jmxUp()).contains(true);
    assertThat(pipeline.rawJmx().stream().map(m -> m.getMetadata().getPrometheusName()))
        .containsExactly("kafka_connect_worker_connector_count");

    jmx.failing = true;
    AgentSnapshot s = pipeline.runOnce();
    assertThat(flow(s).jmxUp()).contains(false);
    assertThat(health(s, "jmx", "dr").errors()).isEqualTo(1);
    assertThat(pipeline.rawJmx()).isEmpty();
    assertThat(flow(s).checks().get(Check.REPLICATION).level()).isEqualTo(Level.DANGER);
  }

  @Test
  void theSamplerReadsTheRecordAtTheReplicatedPositionThatEvaluationReports() {
    AgentSnapshot s = pipeline.runOnce();
    assertThat(sampler.asked).containsExactly(Map.of(ORDERS_0, 90L));
    assertThat(rpo(s).records()).isEqualTo(100 - 90);
    assertThat(rpo(s).seconds()).hasValue(5.0);
  }

  @Test
  void everyTimeComesFromTheInjectedClock() {
    clock.advance(Duration.ofDays(400));
    AgentSnapshot s = pipeline.runOnce();
    assertThat(s.cycleEndedAt()).isEqualTo(T0.plus(Duration.ofDays(400)));
    assertThat(s.collectors())
        .allSatisfy(h -> assertThat(h.lastSuccess()).contains(T0.plus(Duration.ofDays(400))));
  }

  private static FlowAssessment flow(AgentSnapshot s) {
    assertThat(s.flows()).hasSize(1);
    return s.flows().get(0);
  }

  private static TopicRpo rpo(AgentSnapshot s) {
    assertThat(flow(s).topics()).hasSize(1);
    return flow(s).topics().get(0);
  }

  private static CollectorHealth health(AgentSnapshot s, String collector, String cluster) {
    return s.collectors().stream()
        .filter(h -> h.collector().equals(collector) && h.cluster().equals(cluster))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no health of " + collector + "/" + cluster));
  }

  private final class FakeCollectors implements CollectorFactory {
    @Override
    public ClusterSource cluster(ClusterConfig cluster) {
      return cluster.alias().equals("primary") ? primary : dr;
    }

    @Override
    public Mm2StateSource mm2State(FlowConfig flow) {
      return mm2;
    }

    @Override
    public RecordSampler sampler(FlowConfig flow) {
      return sampler;
    }

    @Override
    public Optional<Mm2JmxSource> jmx(FlowConfig flow) {
      return Optional.of(jmx);
    }

    @Override
    public AliasResolver indirection() {
      return Map::of;
    }
  }

  /** Sources at 0..100, replicas at 90 without timestamps, no groups. */
  private final class FakeCluster implements ClusterSource {
    private final Set<String> topics;
    volatile boolean failing;

    FakeCluster(Set<String> topics) {
      this.topics = topics;
    }

    @Override
    public Set<String> topics() throws CollectException {
      check();
      return topics;
    }

    @Override
    public Set<String> groups() throws CollectException {
      check();
      return Set.of();
    }

    @Override
    public ClusterState collect(
        Set<String> sourceTopics,
        Set<String> replicaTopics,
        Set<String> groups,
        Set<String> activityOf,
        Optional<ClusterState> previous,
        Set<PartitionKey> atRisk)
        throws CollectException {
      check();
      Map<PartitionKey, PartitionOffsets.Source> sources = new HashMap<>();
      sourceTopics.forEach(
          t -> sources.put(new PartitionKey(t, 0), new PartitionOffsets.Source(0, 100)));
      Map<PartitionKey, PartitionOffsets.Replica> replicas = new HashMap<>();
      replicaTopics.forEach(
          t ->
              replicas.put(
                  new PartitionKey(t, 0), new PartitionOffsets.Replica(90, OptionalLong.empty())));
      return new ClusterState(
          topics.toString(), clock.instant(), sources, replicas, Map.of(), Set.of());
    }

    @Override
    public Map<PartitionKey, Long> offsetsForTimes(Map<PartitionKey, Long> timestamps)
        throws CollectException {
      check();
      return Map.of();
    }

    private void check() throws CollectException {
      if (failing) {
        throw new CollectException(topics + " on primary is down");
      }
    }

    @Override
    public void close() {}
  }

  private final class FakeMm2 implements Mm2StateSource {
    volatile boolean bug;

    @Override
    public Mm2State collect() {
      if (bug) {
        throw new IllegalStateException("bug");
      }
      return new Mm2State(
          clock.instant(), Map.of(ORDERS_0, 90L), Map.of(), Optional.of(clock.instant()));
    }

    @Override
    public void close() {}
  }

  /** Every asked record is 5 s old. */
  private final class FakeSampler implements RecordSampler {
    final List<Map<PartitionKey, Long>> asked = new ArrayList<>();

    @Override
    public SourceSample sample(
        Map<PartitionKey, Long> timestampAt,
        Map<PartitionKey, Long> latest,
        Map<PartitionKey, Long> tailStart) {
      asked.add(Map.copyOf(timestampAt));
      Map<PartitionKey, SourceSample.OffsetTimestamp> stamps = new HashMap<>();
      long ts = clock.instant().minusSeconds(5).toEpochMilli();
      timestampAt.forEach(
          (k, offset) -> stamps.put(k, new SourceSample.OffsetTimestamp(offset, ts)));
      return new SourceSample(clock.instant(), stamps, tailStart, Map.of());
    }

    @Override
    public void close() {}
  }

  private static final class FakeJmx implements Mm2JmxSource {
    volatile boolean failing;

    @Override
    public JmxScrape scrape(Duration deadline) throws CollectException {
      if (failing) {
        throw new CollectException("JMX scrape of fake failed: refused");
      }
      MetricSnapshots raw =
          MetricSnapshots.of(
              GaugeSnapshot.builder()
                  .name("kafka_connect_worker_connector_count")
                  .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(2).build())
                  .build());
      return new JmxScrape(
          new Mm2JmxSnapshot(
              Map.of("MirrorSourceConnector", "running"),
              Map.of("MirrorSourceConnector", Map.of("running", 1)),
              List.of(10.0)),
          raw);
    }

    @Override
    public void close() {}
  }
}
