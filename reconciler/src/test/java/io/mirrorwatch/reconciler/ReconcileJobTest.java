package io.mirrorwatch.reconciler;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.reconciler.config.EventIdSpec;
import io.mirrorwatch.reconciler.report.Finding;
import io.mirrorwatch.reconciler.report.FindingKind;
import io.mirrorwatch.reconciler.report.JobOutcome;
import io.mirrorwatch.reconciler.source.DecodePlan;
import io.mirrorwatch.reconciler.source.Origin;
import io.mirrorwatch.reconciler.source.PhysicalTopic;
import io.mirrorwatch.reconciler.source.RawRecord;
import io.mirrorwatch.reconciler.source.ReadStats;
import io.mirrorwatch.reconciler.source.Role;
import io.mirrorwatch.reconciler.source.Unreadable.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
class ReconcileJobTest {
  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
          .setConfiguration(fastHeartbeats()).build());

  /** Accumulators, hence progress, travel with heartbeats. */
  private static Configuration fastHeartbeats() {
    Configuration conf = new Configuration();
    conf.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(200));
    return conf;
  }

  /** Set by the progress listener of {@link #reportsProgressWhileTheJobIsStillReading}. */
  static final AtomicLong PROGRESS_SEEN = new AtomicLong();

  static final EventIdSpec ID = new EventIdSpec.Header("event-id");
  static final List<PhysicalTopic> TOPICS = List.of(
      new PhysicalTopic("primary", "orders", Role.SOURCE, Origin.ORIGINAL, "orders", ID),
      new PhysicalTopic("primary", "dr.orders", Role.SOURCE, Origin.REPLICA, "orders", ID),
      new PhysicalTopic("primary", "orders-processed", Role.DOWNSTREAM, Origin.ORIGINAL, "orders-processed", ID),
      new PhysicalTopic("dr", "orders", Role.SOURCE, Origin.ORIGINAL, "orders", ID),
      new PhysicalTopic("dr", "primary.orders", Role.SOURCE, Origin.REPLICA, "orders", ID),
      new PhysicalTopic("dr", "orders-processed", Role.DOWNSTREAM, Origin.ORIGINAL, "orders-processed", ID));
  static final DecodePlan PLAN = new DecodePlan(TOPICS, 1_000, 2_000, 3_000, Optional.of("/amount"));

  private final List<RawRecord> records = new ArrayList<>();
  private long offset;

  private void add(String cluster, String topic, long ts, String id, String value) {
    records.add(new RawRecord(cluster, topic, 0, offset++, ts, null,
        value == null ? null : value.getBytes(UTF_8), id == null ? null : id.getBytes(UTF_8)));
  }

  /** Produced on primary at {@code ts}, copied once by MM2. */
  private void produce(String id, long ts) {
    String value = "{\"amount\":1.5,\"id\":\"" + id + "\"}";
    add("primary", "orders", ts, id, value);
    add("dr", "primary.orders", ts, id, value);
  }

  private void process(String cluster, String id, long ts) {
    add(cluster, "orders-processed", ts, id, "{\"eventId\":\"" + id + "\",\"on\":\"" + cluster + "\"}");
  }

  @Test
  void findsExactlyTheInjectedProblemsFromInMemoryRecords() throws Exception {
    produce("ok", 1_100);
    process("primary", "ok", 1_200);
    produce("produced-twice", 1_100);
    produce("produced-twice", 1_150);
    process("primary", "produced-twice", 1_200);
    produce("copied-twice", 1_100);
    add("dr", "primary.orders", 1_100, "copied-twice", "{\"amount\":1.5,\"id\":\"copied-twice\"}");
    process("primary", "copied-twice", 1_200);
    produce("processed-twice", 1_100);
    process("primary", "processed-twice", 1_200);
    process("dr", "processed-twice", 2_500);
    produce("never-processed", 1_900);
    add("dr", "orders", 1_500, "failed-over", "{\"amount\":2}");
    process("dr", "failed-over", 1_600);
    add("primary", "orders", 1_300, "k", null);
    add("primary", "orders", 1_300, "k", "not json");
    add("primary", "orders", 1_300, null, "{\"amount\":1}");
    produce("after-the-window", 2_000);
    process("primary", "before-the-window", 1_050);

    List<Finding> findings = new ArrayList<>();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    ReconcileJob.configure(env, Optional.of(2));
    JobOutcome outcome = new ReconcileJob(PLAN,
        e -> e.fromData(records, TypeInformation.of(RawRecord.class)), findings::add).run(env);

    Map<FindingKind, List<String>> byKind = findings.stream().collect(Collectors.groupingBy(
        Finding::kind, Collectors.mapping(Finding::eventId, Collectors.toList())));
    assertThat(byKind).isEqualTo(Map.of(
        FindingKind.DUPLICATE_PRODUCED, List.of("produced-twice"),
        FindingKind.DUPLICATE_REPLICATED, List.of("copied-twice"),
        FindingKind.DUPLICATE_PROCESSED, List.of("processed-twice"),
        FindingKind.UNPROCESSED, List.of("never-processed")));
    assertThat(findings).filteredOn(f -> f.kind() == FindingKind.DUPLICATE_PRODUCED).singleElement()
        .satisfies(f -> assertThat(f.records()).hasSize(4));

    assertThat(outcome.events()).isEqualTo(6);
    assertThat(outcome.processed()).isEqualTo(5);
    assertThat(outcome.downstreamOnly()).isEqualTo(1);
    var primaryOrders = outcome.read().of("primary", "orders");
    assertThat(primaryOrders.unreadable()).isEqualTo(
        Map.of(Reason.TOMBSTONE, 1L, Reason.NOT_JSON, 1L, Reason.NO_EVENT_ID, 1L));
    assertThat(primaryOrders.outsideWindow()).isEqualTo(1);
    assertThat(primaryOrders.events()).isEqualTo(6);
    assertThat(outcome.read().of("dr", "primary.orders").events()).isEqualTo(7);
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
    JobOutcome outcome = new ReconcileJob(PLAN, e -> e.fromData(records, TypeInformation.of(RawRecord.class))
            .setParallelism(1).map(new HoldLast(records.get(last))).setParallelism(1),
        f -> {})
        .withProgress(Duration.ofMillis(100), snapshot -> {
          ReadStats stats = snapshot.read();
          seen.add(stats);
          // The first non-zero snapshot, taken while the last record was held back.
          PROGRESS_SEEN.compareAndSet(0, stats.of("primary", "orders").records() + stats.of("dr", "primary.orders").records());
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
}
