package io.mirrorwatch.reconciler.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class EventSerializerTest {
  static final List<EventSerializer.Slot> SLOTS =
      List.of(
          new EventSerializer.Slot("primary", "orders", Role.SOURCE, Origin.ORIGINAL),
          new EventSerializer.Slot("dr", "primary.orders", Role.SOURCE, Origin.REPLICA),
          new EventSerializer.Slot("dr", "orders-processed", Role.DOWNSTREAM, Origin.ORIGINAL));
  static final EventSerializer SERIALIZER = new EventSerializer(SLOTS);

  static Event roundTrip(TypeSerializer<Event> s, Event e) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    s.serialize(e, out);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    Event back = s.deserialize(in);
    assertThat(in.available()).as("bytes left after one event").isZero();
    return back;
  }

  @Test
  void everyFieldSurvivesWithAndWithoutTheOptionalOnes() throws Exception {
    List<Event> events =
        List.of(
            new Event(
                "e-1",
                "primary",
                "orders",
                3,
                1L << 40,
                1_740_823_320_123L,
                Role.SOURCE,
                Origin.ORIGINAL,
                -7L,
                new BigDecimal("-12.345"),
                "customer-9"),
            new Event(
                "é-ü-∑",
                "dr",
                "primary.orders",
                0,
                0,
                0,
                Role.SOURCE,
                Origin.REPLICA,
                Long.MAX_VALUE,
                null,
                null),
            new Event(
                "e-3",
                "dr",
                "orders-processed",
                5,
                9,
                1,
                Role.DOWNSTREAM,
                Origin.ORIGINAL,
                1L,
                null,
                "g"),
            new Event(
                "e-4",
                "dr",
                "orders-processed",
                5,
                9,
                1,
                Role.DOWNSTREAM,
                Origin.ORIGINAL,
                1L,
                new BigDecimal("1E+3"),
                null),
            // An ID longer than 127 bytes and a group key longer than 16,383: counts of two and
            // three bytes.
            new Event(
                "x".repeat(300),
                "primary",
                "orders",
                1,
                2,
                3,
                Role.SOURCE,
                Origin.ORIGINAL,
                4L,
                null,
                "g".repeat(20_000)),
            // Kafka never gives these; the varints still carry them exactly.
            new Event(
                "e-6",
                "primary",
                "orders",
                -1,
                Long.MIN_VALUE,
                -1,
                Role.SOURCE,
                Origin.ORIGINAL,
                0L,
                null,
                null),
            new Event(
                "e-7",
                "primary",
                "orders",
                Integer.MAX_VALUE,
                Long.MAX_VALUE,
                Long.MAX_VALUE,
                Role.SOURCE,
                Origin.ORIGINAL,
                0L,
                null,
                null));
    for (Event e : events) {
      assertThat(roundTrip(SERIALIZER, e)).isEqualTo(e);
      assertThat(copied(e)).as("byte copy of %s", e).isEqualTo(bytes(e));
    }
  }

  static byte[] bytes(Event e) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    SERIALIZER.serialize(e, out);
    return out.getCopyOfBuffer();
  }

  /** What Flink's sorter does: copies one serialized event from a stream holding it and another. */
  static byte[] copied(Event e) throws Exception {
    DataOutputSerializer two = new DataOutputSerializer(128);
    SERIALIZER.serialize(e, two);
    SERIALIZER.serialize(e, two);
    DataInputDeserializer in = new DataInputDeserializer(two.getCopyOfBuffer());
    // A block copy does not grow its target (like Flink's own, e.g. BytePrimitiveArraySerializer);
    // the sorter's paged views have room.
    DataOutputSerializer out = new DataOutputSerializer(bytes(e).length);
    SERIALIZER.copy(in, out);
    assertThat(in.available()).as("the copy reads exactly one event").isEqualTo(bytes(e).length);
    return out.getCopyOfBuffer();
  }

  @Test
  void topicNamesComeBackAsTheTablesOwnStrings() throws Exception {
    Event e =
        new Event(
            "e-1",
            new String("dr"),
            new String("primary.orders"),
            0,
            1,
            2,
            Role.SOURCE,
            Origin.REPLICA,
            3,
            null,
            null);
    Event back = roundTrip(SERIALIZER, e);
    assertThat(back.topic()).isSameAs(SLOTS.get(1).topic());
    assertThat(back.cluster()).isSameAs(SLOTS.get(1).cluster());
  }

  @Test
  void anEventOfATopicOutsideTheTableIsAnError() {
    Event e =
        new Event(
            "e-1", "primary", "payments", 0, 1, 2, Role.SOURCE, Origin.ORIGINAL, 3, null, null);
    assertThatThrownBy(() -> SERIALIZER.serialize(e, new DataOutputSerializer(16)))
        .hasMessageContaining("primary/payments");
  }

  @Test
  void theSnapshotRestoresTheSameTableAndRejectsAnother() throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, SERIALIZER.snapshotConfiguration());
    TypeSerializerSnapshot<Event> read =
        TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
    assertThat(read.restoreSerializer()).isEqualTo(SERIALIZER);
    assertThat(
            read.resolveSchemaCompatibility(SERIALIZER.snapshotConfiguration()).isCompatibleAsIs())
        .isTrue();
    assertThat(
            new EventSerializer(SLOTS.subList(0, 2))
                .snapshotConfiguration()
                .resolveSchemaCompatibility(read)
                .isIncompatible())
        .isTrue();
  }
}
