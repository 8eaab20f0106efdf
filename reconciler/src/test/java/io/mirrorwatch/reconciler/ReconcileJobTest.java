package io.mirrorwatch.reconciler;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.reconciler.config.EventIdSpec;
import io.mirrorwatch.reconciler.report.Finding;
import io.mirrorwatch.reconciler.report.FindingKind;
import io.mirrorwatch.reconciler.report.JobOutcome;
import io.mirrorwatch.reconciler.source.DecodePlan;
import io.mirrorwatch.reconciler.source.Event;
import io.mirrorwatch.reconciler.source.Origin;
import io.mirrorwatch.reconciler.source.PhysicalTopic;
import io.mirrorwatch.reconciler.source.RawRecord;
import io.mirrorwatch.reconciler.source.Role;
import io.mirrorwatch.reconciler.source.Unreadable.Reason;
import io.mirrorwatch.reconciler.source.offsets.Anchor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole job on a Flink MiniCluster, fed from a collection instead of Kafka. */
class ReconcileJobTest {
  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

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

  @Test
  void reportsEveryRecordOfTheEventsThatHoldAnAnchorAndNothingElse() throws Exception {
    produce("anchored", 1_100);
    add("dr", "primary.orders", 1_100, "anchored", "{\"amount\":1.5,\"id\":\"anchored\"}");
    produce("plain", 1_100);
    Anchor anchor = new Anchor("primary", "orders", 0, 0);
    DecodePlan plan = new DecodePlan(TOPICS, 1_000, 2_000, 3_000, Optional.empty(), Set.of(anchor));

    List<Event> anchored = new ArrayList<>();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    ReconcileJob.configure(env, Optional.of(2));
    new ReconcileJob(plan, e -> e.fromData(records, TypeInformation.of(RawRecord.class)), f -> { },
        anchored::add).run(env);

    assertThat(anchored).extracting(Event::eventId).containsOnly("anchored");
    assertThat(anchored).extracting(e -> e.cluster() + "/" + e.topic() + "@" + e.offset())
        .containsExactlyInAnyOrder("primary/orders@0", "dr/primary.orders@1", "dr/primary.orders@2");
  }
}
