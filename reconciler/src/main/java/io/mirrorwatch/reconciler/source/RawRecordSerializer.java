package io.mirrorwatch.reconciler.source;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink's wire form of a {@link RawRecord}. The job decodes each record in the task that reads it,
 * so raw records are passed between chained operators, never serialized: what counts is that the
 * pass is no copy ({@link ImmutableSerializer}), where Flink's own serializer would copy every
 * record field by field, by reflection. The form is for the rare job graph that does ship them.
 *
 * <p>Layout: cluster and topic (modified UTF-8), partition (int), offset, timestamp (longs), then
 * key, value and event-ID header, each a byte count (-1 for null) and the bytes.
 */
public final class RawRecordSerializer extends ImmutableSerializer<RawRecord> {
  private static final long serialVersionUID = 1L;
  public static final RawRecordSerializer INSTANCE = new RawRecordSerializer();

  private RawRecordSerializer() {}

  @Override
  public void serialize(RawRecord r, DataOutputView out) throws IOException {
    out.writeUTF(r.cluster());
    out.writeUTF(r.topic());
    out.writeInt(r.partition());
    out.writeLong(r.offset());
    out.writeLong(r.timestamp());
    writeBytes(r.key(), out);
    writeBytes(r.value(), out);
    writeBytes(r.eventIdHeader(), out);
  }

  @Override
  public RawRecord deserialize(DataInputView in) throws IOException {
    return new RawRecord(
        in.readUTF(),
        in.readUTF(),
        in.readInt(),
        in.readLong(),
        in.readLong(),
        readBytes(in),
        readBytes(in),
        readBytes(in));
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
  }

  private static void writeBytes(byte[] bytes, DataOutputView out) throws IOException {
    if (bytes == null) {
      out.writeInt(-1);
    } else {
      out.writeInt(bytes.length);
      out.write(bytes);
    }
  }

  private static byte[] readBytes(DataInputView in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }

  @Override
  public RawRecordSerializer duplicate() {
    return this; // stateless
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawRecordSerializer;
  }

  @Override
  public int hashCode() {
    return RawRecordSerializer.class.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<RawRecord> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Stateless: nothing to configure. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<RawRecord> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
