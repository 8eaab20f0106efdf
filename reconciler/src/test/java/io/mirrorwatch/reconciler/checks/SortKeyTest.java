package io.mirrorwatch.reconciler.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.reconciler.source.Event;
import io.mirrorwatch.reconciler.source.Origin;
import io.mirrorwatch.reconciler.source.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.junit.jupiter.api.Test;

class SortKeyTest {
  /** One event as the bench window has it: written, copied by MM2, processed. */
  static List<Event> records(int i) {
    String id = String.format("evt-%010d", i);
    return List.of(
        new Event(
            id,
            "primary",
            "orders",
            i % 6,
            i / 6,
            1_000 + i,
            Role.SOURCE,
            Origin.ORIGINAL,
            i,
            null,
            null),
        new Event(
            id,
            "dr",
            "primary.orders",
            i % 6,
            i / 6,
            1_000 + i,
            Role.SOURCE,
            Origin.REPLICA,
            i,
            null,
            null),
        new Event(
            id,
            "primary",
            "orders-processed",
            i % 6,
            i / 6,
            1_500 + i,
            Role.DOWNSTREAM,
            Origin.ORIGINAL,
            -i,
            null,
            null));
  }

  static byte[] bytes(SortKey k) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(8);
    SortKeyTypeInfo.Serializer.INSTANCE.serialize(k, out);
    return out.getCopyOfBuffer();
  }

  /** Flink's keyBy picks the subtask from the key's hash code: an event's records must share it. */
  @Test
  void anEventsRecordsShareTheEventBitsAndTheSubtask() {
    for (int i = 0; i < 10_000; i++) {
      Set<Long> events = new HashSet<>();
      Set<Integer> subtasks = new HashSet<>();
      for (Event e : records(i)) {
        SortKey k = SortKey.of(e);
        events.add(k.event());
        subtasks.add(KeyGroupRangeAssignment.assignKeyToParallelOperator(k, 128, 7));
      }
      assertThat(events).as("event %d", i).hasSize(1);
      assertThat(subtasks).as("event %d", i).hasSize(1);
    }
  }

  /** The point of the low byte: an event's records rarely share a whole key (a tie in the sort). */
  @Test
  void anEventsRecordsRarelyShareTheWholeKey() {
    int ties = 0;
    for (int i = 0; i < 10_000; i++) {
      Set<SortKey> keys = new HashSet<>();
      records(i).forEach(e -> keys.add(SortKey.of(e)));
      ties += 3 - keys.size();
    }
    assertThat(ties).as("records sharing a key, of 30,000").isLessThan(300);
  }

  /**
   * Flink sorts keys by their serialized bytes: records with the same event bits end up together.
   */
  @Test
  void serializedKeysSortByTheEventBitsFirst() throws Exception {
    List<SortKey> keys = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      records(i).forEach(e -> keys.add(SortKey.of(e)));
    }
    List<byte[]> sorted = new ArrayList<>();
    for (SortKey k : keys) {
      sorted.add(bytes(k));
    }
    sorted.sort(Arrays::compareUnsigned);
    Set<Long> seen = new HashSet<>();
    long current = 0;
    for (byte[] b : sorted) {
      long event = java.nio.ByteBuffer.wrap(b).getLong() & ~0xffL;
      if (seen.isEmpty() || event != current) {
        assertThat(seen.add(event))
            .as("event bits %x come back after another event's", event)
            .isTrue();
        current = event;
      }
    }
    assertThat(seen).hasSize(2_000);
  }
}
