package io.mirrorwatch.reconciler;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.common.eventid.EventIdLocation;
import io.mirrorwatch.common.mm2.Mm2OffsetRecord;
import io.mirrorwatch.reconciler.finding.BucketTotals;
import io.mirrorwatch.reconciler.finding.Finding;
import io.mirrorwatch.reconciler.finding.FindingKind;
import io.mirrorwatch.reconciler.finding.Tally;
import io.mirrorwatch.reconciler.report.JobOutcome;
import io.mirrorwatch.reconciler.source.Aggregation;
import io.mirrorwatch.reconciler.source.Anchor;
import io.mirrorwatch.reconciler.source.DecodePlan;
import io.mirrorwatch.reconciler.source.Event;
import io.mirrorwatch.reconciler.source.FailoverPositions;
import io.mirrorwatch.reconciler.source.Origin;
import io.mirrorwatch.reconciler.source.PhysicalTopic;
import io.mirrorwatch.reconciler.source.RawRecord;
import io.mirrorwatch.reconciler.source.ReadStats;
import io.mirrorwatch.reconciler.source.ReplicatedPositions;
import io.mirrorwatch.reconciler.source.Role;
import io.mirrorwatch.reconciler.source.Unreadable.Reason;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole job on a Flink MiniCluster, fed from a collection instead of Kafka. */
class ReconcileJobIT {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .setConfiguration(fastHeartbeats())
              .build());

  /** Accumulators, hence progress, travel with heartbeats. */
  private static Configuration fastHeartbeats() {
    Configuration conf = new Configuration();
    conf.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(200));
    return conf;
  }

  /** Set by the progress listener of {@link #reportsProgressWhileTheJobIsStillReading}. */
  static final AtomicLong PROGRESS_SEEN = new AtomicLong();

  static final EventIdLocation ID = new EventIdLocation.Header("event-id");
  static final List<PhysicalTopic> TOPICS =
      List.of(
          new PhysicalTopic("primary", "orders", Role.SOURCE, Origin.ORIGINAL, "orders", ID),
          new PhysicalTopic("primary", "dr.orders", Role.SOURCE, Origin.REPLICA, "orders", ID),
          new PhysicalTopic(
              "primary",
              "orders-processed",
              Role.DOWNSTREAM,
              Origin.ORIGINAL,
              "orders-processed",
              ID),
          new PhysicalTopic("dr", "orders", Role.SOURCE, Origin.ORIGINAL, "orders", ID),
          new PhysicalTopic("dr", "primary.orders", Role.SOURCE, Origin.REPLICA, "orders", ID),
          new PhysicalTopic(
              "dr", "orders-processed", Role.DOWNSTREAM, Origin.ORIGINAL, "orders-processed", ID));
  static final long FAILOVER_AT = 1_500;
  static final Aggregation AGGREGATION = new Aggregation(100, "/amount", "/customerId");
  private final List<RawRecord> records = new ArrayList<>();
  private long offset;

  private void add(String cluster, String topic, long ts, String id, String value) {
    records.add(
        new RawRecord(
            cluster,
            topic,
            0,
            offset++,
            ts,
            null,
            value == null ? null : value.getBytes(UTF_8),
            id == null ? null : id.getBytes(UTF_8)));
  }

  private static String order(String id, String customer, String amount) {
    return "{\"amount\":" + amount + ",\"customerId\":\"" + customer + "\",\"id\":\"" + id + "\"}";
  }

  /** Produced on primary at {@code ts}, copied once by MM2. */
  private void produce(String id, long ts) {
    add("primary", "orders", ts, id, order(id, "c-1", "1.5"));
    add("dr", "primary.orders", ts, id, order(id, "c-1", "1.5"));
  }

  private void process(String cluster, String id, long ts) {
    process(cluster, id, ts, "1.5");
  }

  /** The processor's output: the event ID and the amount, as the lab's orders-processed has. */
  private void process(String cluster, String id, long ts, String amount) {
    add(
        cluster,
        "orders-processed",
        ts,
        id,
        "{\"eventId\":\"" + id + "\",\"amount\":" + amount + ",\"on\":\"" + cluster + "\"}");
  }

  /**
   * Every fault of issue 4 but the offset ones, once, among events that are fine: the job must find
   * exactly these. Failover at 1.5 s: what primary wrote before it is replicated up to the offset
   * MM2 had flushed then, except two events written after MM2 stopped (one copied later, one
   * never).
   */
  @Test
  void findsExactlyTheInjectedProblemsFromInMemoryRecords() throws Exception {
    produce("ok", 1_100);
    process("primary", "ok", 1_200);
    produce("produced-twice", 1_100);
    produce("produced-twice", 1_150);
    process("primary", "produced-twice", 1_200);
    produce("copied-twice", 1_100);
    add("dr", "primary.orders", 1_100, "copied-twice", order("copied-twice", "c-1", "1.5"));
    process("primary", "copied-twice", 1_200);
    produce("processed-twice", 1_100);
    process("primary", "processed-twice", 1_200);
    process("dr", "processed-twice", 2_500);
    add("primary", "orders", 1_200, "altered", order("altered", "c-9", "1.5"));
    add("dr", "primary.orders", 1_200, "altered", order("altered", "c-9", "1.5"));
    process("primary", "altered", 1_300, "9.5");
    add("primary", "orders", 1_300, "k", null);
    add("primary", "orders", 1_300, "k", "not json");
    add("primary", "orders", 1_300, null, "{\"amount\":1}");
    // MM2 stops here, having flushed everything so far.
    ReplicatedPositions positions =
        ReplicatedPositions.atCutover(
            "mm2-offsets.primary.internal",
            "primary",
            List.of(
                Optional.of(
                    new Mm2OffsetRecord(
                        "primary", "orders", 0, OptionalLong.of(offset - 1), 1_310))),
            FAILOVER_AT);
    produce("stranded-copied-later", 1_400);
    process("primary", "stranded-copied-later", 1_450);
    add("primary", "orders", 1_450, "stranded-lost", order("stranded-lost", "c-1", "1.5"));
    process("primary", "stranded-lost", 1_460);
    add("dr", "orders", 1_500, "failed-over", "{\"amount\":2}");
    add("primary", "dr.orders", 1_500, "failed-over", "{\"amount\":2}");
    process("dr", "failed-over", 1_600, "2");
    produce("never-processed", 1_900);
    produce("after-the-window", 2_000);
    process("primary", "before-the-window", 1_050);
    DecodePlan plan =
        new DecodePlan(
            TOPICS,
            "primary",
            "dr",
            1_000,
            2_000,
            3_000,
            Optional.of(AGGREGATION),
            Optional.of(new FailoverPositions("primary", "dr", FAILOVER_AT, positions)));

    List<Finding> findings = new ArrayList<>();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    ReconcileJob.configure(env, Optional.of(2));
    JobOutcome outcome =
        new ReconcileJob(
                plan,
                e -> List.of(e.fromData(records, TypeInformation.of(RawRecord.class))),
                findings::add)
            .run(env);

    Map<FindingKind, Set<String>> byKind =
        findings.stream()
            .collect(
                Collectors.groupingBy(
                    Finding::kind,
                    Collectors.mapping(Finding::eventId, Collectors.toCollection(TreeSet::new))));
    assertThat(byKind)
        .isEqualTo(
            Map.of(
                FindingKind.DUPLICATE_PRODUCED, Set.of("produced-twice"),
                FindingKind.DUPLICATE_REPLICATED, Set.of("copied-twice"),
                FindingKind.DUPLICATE_PROCESSED, Set.of("processed-twice"),
                FindingKind.UNPROCESSED, Set.of("never-processed"),
                FindingKind.STRANDED, Set.of("stranded-copied-later", "stranded-lost"),
                FindingKind.AGGREGATE_MISMATCH, Set.of("1970-01-01T00:00:01.200Z/c-9")));
    assertThat(findings)
        .filteredOn(f -> f.kind() == FindingKind.DUPLICATE_PRODUCED)
        .singleElement()
        .satisfies(f -> assertThat(f.records()).hasSize(4));

    assertThat(findings)
        .filteredOn(f -> f.kind() == FindingKind.AGGREGATE_MISMATCH)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.records()).hasSize(2);
              assertThat(f.aggregateTotals().orElseThrow().downstreamUnexplained())
                  .isEqualTo(new Tally(0, new BigDecimal("-8.0")));
            });

    assertThat(outcome.events()).isEqualTo(9);
    assertThat(outcome.processed()).isEqualTo(8);
    assertThat(outcome.buckets())
        .extracting(BucketTotals::id)
        .containsExactly(
            "1970-01-01T00:00:01.100Z/c-1",
            "1970-01-01T00:00:01.200Z/c-9",
            "1970-01-01T00:00:01.400Z/c-1",
            "1970-01-01T00:00:01.500Z",
            "1970-01-01T00:00:01.900Z/c-1");
    assertThat(outcome.buckets().get(2))
        .satisfies(
            b -> {
              assertThat(b.primary().count()).isEqualTo(2);
              assertThat(b.dr().count()).isEqualTo(1);
              assertThat(b.strandedOffDr().count()).isEqualTo(1);
            });
    assertThat(outcome.buckets().stream().mapToLong(b -> b.source().count()).sum()).isEqualTo(9);
    assertThat(outcome.downstreamOnly()).isEqualTo(1);
    var primaryOrders = outcome.read().of("primary", "orders");
    assertThat(primaryOrders.unreadable())
        .isEqualTo(Map.of(Reason.TOMBSTONE, 1L, Reason.NOT_JSON, 1L, Reason.NO_EVENT_ID, 1L));
    assertThat(primaryOrders.outsideWindow()).isEqualTo(1);
    assertThat(primaryOrders.events()).isEqualTo(9);
    assertThat(outcome.read().of("dr", "primary.orders").events()).isEqualTo(9);
  }

  /**
   * The source holds back its last record until the progress listener has reported the records
   * before it: the job can only finish if progress arrives while it is still reading.
   */
  @Test
  void reportsProgressWhileTheJobIsStillReading() throws Exception {
    for (int i = 0; i < 50; i++) {
      produce("e" + i, 1_100 + i);
    }
    int last = records.size() - 1;
    PROGRESS_SEEN.set(0);
    List<ReadStats> seen = new CopyOnWriteArrayList<>();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    ReconcileJob.configure(env, Optional.of(1));
    DecodePlan plan =
        new DecodePlan(
            TOPICS, "primary", "dr", 1_000, 2_000, 3_000, Optional.empty(), Optional.empty());
    JobOutcome outcome =
        new ReconcileJob(
                plan,
                e ->
                    List.of(
                        e.fromData(records, TypeInformation.of(RawRecord.class))
                            .setParallelism(1)
                            .map(new HoldLast(records.get(last)))
                            .setParallelism(1)),
                f -> {})
            .withProgress(
                Duration.ofMillis(100),
                snapshot -> {
                  ReadStats stats = snapshot.read();
                  seen.add(stats);
                  // The first non-zero snapshot, taken while the last record was held back.
                  PROGRESS_SEEN.compareAndSet(
                      0,
                      stats.of("primary", "orders").records()
                          + stats.of("dr", "primary.orders").records());
                })
            .run(env);

    assertThat(seen).isNotEmpty();
    assertThat(PROGRESS_SEEN.get()).isBetween(1L, (long) last);
    assertThat(outcome.read().of("dr", "primary.orders").events()).isEqualTo(50);
  }

  /** Passes records through; before the given one, waits (bounded) for progress to be reported. */
  static final class HoldLast implements MapFunction<RawRecord, RawRecord> {
    private static final long serialVersionUID = 1L;
    private final String cluster;
    private final String topic;
    private final long offset;

    HoldLast(RawRecord last) {
      this.cluster = last.cluster();
      this.topic = last.topic();
      this.offset = last.offset();
    }

    @Override
    public RawRecord map(RawRecord r) throws Exception {
      if (r.cluster().equals(cluster) && r.topic().equals(topic) && r.offset() == offset) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (PROGRESS_SEEN.get() == 0 && System.nanoTime() < deadline) {
          Thread.sleep(20); // polling a condition with a deadline
        }
      }
      return r;
    }
  }

  @Test
  void reportsEveryRecordOfTheEventsThatHoldAnAnchorAndNothingElse() throws Exception {
    produce("anchored", 1_100);
    add("dr", "primary.orders", 1_100, "anchored", "{\"amount\":1.5,\"id\":\"anchored\"}");
    produce("plain", 1_100);
    Anchor anchor = new Anchor("primary", "orders", 0, 0);
    DecodePlan plan =
        new DecodePlan(
            TOPICS,
            "primary",
            "dr",
            1_000,
            2_000,
            3_000,
            Optional.empty(),
            Optional.empty(),
            Set.of(anchor));

    List<Event> anchored = new ArrayList<>();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    ReconcileJob.configure(env, Optional.of(2));
    new ReconcileJob(
            plan,
            e -> List.of(e.fromData(records, TypeInformation.of(RawRecord.class))),
            f -> {},
            anchored::add)
        .run(env);

    assertThat(anchored).extracting(Event::eventId).containsOnly("anchored");
    assertThat(anchored)
        .extracting(e -> e.cluster() + "/" + e.topic() + "@" + e.offset())
        .containsExactlyInAnyOrder(
            "primary/orders@0", "dr/primary.orders@1", "dr/primary.orders@2");
  }
}
