package io.mirrorwatch.reconciler.checks;

import io.mirrorwatch.reconciler.source.OpaqueTypeInfo;
import java.io.IOException;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Tells Flink that a {@link SortKey} is a key of fixed length, 8 bytes: the sorter then compares
 * keys as bytes, big-endian, so keys sort by the event's bits first.
 */
public final class SortKeyTypeInfo extends OpaqueTypeInfo<SortKey> {
  private static final long serialVersionUID = 1L;
  public static final SortKeyTypeInfo INSTANCE = new SortKeyTypeInfo();

  private SortKeyTypeInfo() {
    super(SortKey.class, true);
  }

  @Override
  public TypeSerializer<SortKey> createSerializer(SerializerConfig config) {
    return Serializer.INSTANCE;
  }

  /** The key's 64 bits, big-endian. */
  public static final class Serializer extends TypeSerializerSingleton<SortKey> {
    private static final long serialVersionUID = 1L;
    static final Serializer INSTANCE = new Serializer();

    @Override
    public boolean isImmutableType() {
      return true;
    }

    @Override
    public SortKey createInstance() {
      return new SortKey(0);
    }

    @Override
    public SortKey copy(SortKey from) {
      return from;
    }

    @Override
    public SortKey copy(SortKey from, SortKey reuse) {
      return from;
    }

    @Override
    public int getLength() {
      return Long.BYTES;
    }

    @Override
    public void serialize(SortKey key, DataOutputView out) throws IOException {
      out.writeLong(key.value());
    }

    @Override
    public SortKey deserialize(DataInputView in) throws IOException {
      return new SortKey(in.readLong());
    }

    @Override
    public SortKey deserialize(SortKey reuse, DataInputView in) throws IOException {
      return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
      out.writeLong(in.readLong());
    }

    @Override
    public TypeSerializerSnapshot<SortKey> snapshotConfiguration() {
      return new Snapshot();
    }

    /** Stateless: nothing to configure. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<SortKey> {
      public Snapshot() {
        super(() -> INSTANCE);
      }
    }
  }
}
