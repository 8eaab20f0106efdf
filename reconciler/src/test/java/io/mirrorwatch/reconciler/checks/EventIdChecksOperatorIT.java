package io.mirrorwatch.reconciler.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mirrorwatch.reconciler.ReconcileJob;
import io.mirrorwatch.reconciler.finding.Finding;
import io.mirrorwatch.reconciler.source.Event;
import io.mirrorwatch.reconciler.source.Origin;
import io.mirrorwatch.reconciler.source.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator in a real (mini) cluster: it sees each key's records together only because BATCH
 * mode sorts its input by key, and IDs whose hashes collide must still be judged apart (forced here
 * by keying every record by the same key).
 */
class EventIdChecksOperatorIT {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(1)
              .build());

  static Event event(
      String id,
      String cluster,
      String topic,
      Role role,
      Origin origin,
      long offset,
      long payload) {
    return new Event(
        id, cluster, topic, 0, offset, 1_000 + offset, role, origin, payload, null, null);
  }

  /**
   * a: produced twice; b: clean; c: never processed. Every record of the three IDs, interleaved:
   * the operator relies on Flink grouping each key's records, which the order given here does not
   * do.
   */
  static List<Event> events() {
    return List.of(
        event("a", "primary", "orders", Role.SOURCE, Origin.ORIGINAL, 0, 1),
        event("b", "primary", "orders", Role.SOURCE, Origin.ORIGINAL, 2, 4),
        event("c", "primary", "orders", Role.SOURCE, Origin.ORIGINAL, 3, 6),
        event("a", "primary", "orders", Role.SOURCE, Origin.ORIGINAL, 1, 2),
        event("b", "primary", "orders-processed", Role.DOWNSTREAM, Origin.ORIGINAL, 1, 5),
        event("a", "primary", "orders-processed", Role.DOWNSTREAM, Origin.ORIGINAL, 0, 3));
  }

  static List<String> findings(
      KeySelector<Event, SortKey> key, EventIdChecksOperator.EventBits bits) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    ReconcileJob.configure(env, Optional.of(1));
    return findings(env, key, bits);
  }

  static List<String> findings(
      StreamExecutionEnvironment env,
      KeySelector<Event, SortKey> key,
      EventIdChecksOperator.EventBits bits)
      throws Exception {
    List<String> out = new ArrayList<>();
    try (CloseableIterator<Finding> it =
        env.fromData(events(), TypeInformation.of(Event.class))
            .keyBy(key, SortKeyTypeInfo.INSTANCE)
            .transform(
                "checks",
                TypeInformation.of(Finding.class),
                new EventIdChecksOperator(ReconcileJob.CHECKS, bits))
            .executeAndCollect()) {
      it.forEachRemaining(f -> out.add(f.kind().id() + ":" + f.eventId()));
    }
    out.sort(null);
    return out;
  }

  @Test
  void idsSharingOneKeyAreJudgedAsIfKeyedApart() throws Exception {
    List<String> byHash = findings(SortKey::of, SortKey::eventOf);
    assertThat(byHash).containsExactly("duplicate_produced:a", "unprocessed:c");
    // Every ID with the same bits: their records come in one run, in no order of ID.
    assertThat(findings(e -> new SortKey(0L), id -> 0L)).isEqualTo(byHash);
  }

  /**
   * Without sorted input each record would be judged alone: b and a would be reported unprocessed.
   */
  @Test
  void refusesInputThatIsNotSortedByKey() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
    env.setParallelism(1);
    assertThatThrownBy(() -> findings(env, SortKey::of, SortKey::eventOf))
        .hasStackTraceContaining("the event-ID checks need their input sorted by key");
  }
}
