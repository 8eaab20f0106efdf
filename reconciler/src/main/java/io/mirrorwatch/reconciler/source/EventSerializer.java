package io.mirrorwatch.reconciler.source;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.BigDecSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink's wire form of an {@link Event}: every record is shuffled and sorted once, so its size and
 * the cost of writing it are the job's. A record's cluster, topic, role and origin are one byte,
 * the index of its topic in the job's table; reading it back hands out the table's own strings, so
 * only the event ID (and the group key) are new objects. No reflection, and no copy: events are
 * immutable ({@link ImmutableSerializer}).
 *
 * <p>Layout: topic index (byte), event ID (text: a varint count of UTF-8 bytes, then the bytes),
 * partition (int), offset, timestamp, payload hash (longs), then a flags byte saying which of
 * amount and group key (text) follow.
 */
public final class EventSerializer extends ImmutableSerializer<Event> {
  private static final long serialVersionUID = 1L;
  private static final int HAS_AMOUNT = 1;
  private static final int HAS_GROUP_KEY = 2;

  /** Partition, offset, timestamp and payload hash. */
  private static final int FIXED_BYTES = Integer.BYTES + 3 * Long.BYTES;

  /** The wire form holds the index in one byte. */
  static final int MAX_TOPICS = 256;

  /** One entry of the table: what a topic index stands for. */
  public record Slot(String cluster, String topic, Role role, Origin origin)
      implements Serializable {}

  private final List<Slot> slots;
  private transient Map<String, Map<String, Integer>> index;

  public EventSerializer(List<Slot> slots) {
    if (slots.size() > MAX_TOPICS) {
      throw new IllegalArgumentException("at most " + MAX_TOPICS + " topics, got " + slots.size());
    }
    this.slots = List.copyOf(slots);
  }

  public static EventSerializer of(List<PhysicalTopic> topics) {
    return new EventSerializer(
        topics.stream().map(t -> new Slot(t.cluster(), t.topic(), t.role(), t.origin())).toList());
  }

  List<Slot> slots() {
    return slots;
  }

  private int indexOf(Event e) {
    if (index == null) {
      Map<String, Map<String, Integer>> byCluster = new HashMap<>();
      for (int i = 0; i < slots.size(); i++) {
        byCluster
            .computeIfAbsent(slots.get(i).cluster(), c -> new HashMap<>())
            .put(slots.get(i).topic(), i);
      }
      index = byCluster;
    }
    Integer i = index.getOrDefault(e.cluster(), Map.of()).get(e.topic());
    if (i == null) {
      throw new IllegalStateException(
          "event of " + e.cluster() + "/" + e.topic() + ", which the job does not read");
    }
    return i;
  }

  @Override
  public void serialize(Event e, DataOutputView out) throws IOException {
    out.writeByte(indexOf(e));
    writeText(e.eventId(), out);
    out.writeInt(e.partition());
    out.writeLong(e.offset());
    out.writeLong(e.timestamp());
    out.writeLong(e.payloadHash());
    out.writeByte(
        (e.amount() == null ? 0 : HAS_AMOUNT) | (e.groupKey() == null ? 0 : HAS_GROUP_KEY));
    if (e.amount() != null) {
      BigDecSerializer.INSTANCE.serialize(e.amount(), out);
    }
    if (e.groupKey() != null) {
      writeText(e.groupKey(), out);
    }
  }

  @Override
  public Event deserialize(DataInputView in) throws IOException {
    Slot slot = slots.get(in.readUnsignedByte());
    String eventId = readText(in);
    int partition = in.readInt();
    long offset = in.readLong();
    long timestamp = in.readLong();
    long payloadHash = in.readLong();
    int flags = in.readUnsignedByte();
    java.math.BigDecimal amount =
        (flags & HAS_AMOUNT) == 0 ? null : BigDecSerializer.readBigDecimal(in);
    String groupKey = (flags & HAS_GROUP_KEY) == 0 ? null : readText(in);
    return new Event(
        eventId,
        slot.cluster(),
        slot.topic(),
        partition,
        offset,
        timestamp,
        slot.role(),
        slot.origin(),
        payloadHash,
        amount,
        groupKey);
  }

  /** Byte for byte, without building the event: Flink's sorter copies every record this way. */
  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    out.writeByte(in.readUnsignedByte());
    copyText(in, out);
    out.write(in, FIXED_BYTES);
    int flags = in.readUnsignedByte();
    out.writeByte(flags);
    if ((flags & HAS_AMOUNT) != 0) {
      BigDecSerializer.INSTANCE.copy(in, out);
    }
    if ((flags & HAS_GROUP_KEY) != 0) {
      copyText(in, out);
    }
  }

  /**
   * Text as its UTF-8 bytes after their count: read and copied in one block, where Flink's {@code
   * StringValue} goes char by char, on every record shuffled and sorted.
   */
  private static void writeText(String s, DataOutputView out) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    writeLength(bytes.length, out);
    out.write(bytes);
  }

  private static String readText(DataInputView in) throws IOException {
    byte[] bytes = new byte[readLength(in)];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void copyText(DataInputView in, DataOutputView out) throws IOException {
    int length = readLength(in);
    writeLength(length, out);
    out.write(in, length);
  }

  /**
   * Seven bits per byte, lowest first; the high bit says another byte follows. One byte below 128.
   */
  private static void writeLength(int length, DataOutputView out) throws IOException {
    while (length >= 0x80) {
      out.writeByte((length & 0x7f) | 0x80);
      length >>>= 7;
    }
    out.writeByte(length);
  }

  private static int readLength(DataInputView in) throws IOException {
    int length = 0;
    for (int shift = 0; ; shift += 7) {
      int b = in.readUnsignedByte();
      length |= (b & 0x7f) << shift;
      if (b < 0x80) {
        return length;
      }
    }
  }

  @Override
  public EventSerializer duplicate() {
    return this; // stateless but for the lazily built, never mutated index
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EventSerializer other && slots.equals(other.slots);
  }

  @Override
  public int hashCode() {
    return slots.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<Event> snapshotConfiguration() {
    return new Snapshot(slots);
  }

  /** The table is the serializer's whole configuration; a different table is incompatible. */
  public static final class Snapshot implements TypeSerializerSnapshot<Event> {
    private List<Slot> slots;

    public Snapshot() {
      this(List.of());
    }

    Snapshot(List<Slot> slots) {
      this.slots = slots;
    }

    @Override
    public int getCurrentVersion() {
      return 2; // 2: text as UTF-8 bytes
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      out.writeInt(slots.size());
      for (Slot s : slots) {
        out.writeUTF(s.cluster());
        out.writeUTF(s.topic());
        out.writeUTF(s.role().name());
        out.writeUTF(s.origin().name());
      }
    }

    @Override
    public void readSnapshot(int version, DataInputView in, ClassLoader loader) throws IOException {
      int n = in.readInt();
      List<Slot> read = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        read.add(
            new Slot(
                in.readUTF(),
                in.readUTF(),
                Role.valueOf(in.readUTF()),
                Origin.valueOf(in.readUTF())));
      }
      slots = List.copyOf(read);
    }

    @Override
    public TypeSerializer<Event> restoreSerializer() {
      return new EventSerializer(slots);
    }

    @Override
    public TypeSerializerSchemaCompatibility<Event> resolveSchemaCompatibility(
        TypeSerializerSnapshot<Event> old) {
      return old instanceof Snapshot s && Objects.equals(s.slots, slots)
          ? TypeSerializerSchemaCompatibility.compatibleAsIs()
          : TypeSerializerSchemaCompatibility.incompatible();
    }
  }
}
