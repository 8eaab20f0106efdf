package io.mirrorwatch.reconciler.source;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Tells Flink to move {@link RawRecord}s with {@link RawRecordSerializer}; {@link RawRecord}'s
 * {@code @TypeInfo} annotation makes {@code TypeInformation.of(RawRecord.class)} this.
 */
public final class RawRecordTypeInfo extends OpaqueTypeInfo<RawRecord> {
  private static final long serialVersionUID = 1L;
  public static final RawRecordTypeInfo INSTANCE = new RawRecordTypeInfo();

  private RawRecordTypeInfo() {
    super(RawRecord.class, false);
  }

  @Override
  public TypeSerializer<RawRecord> createSerializer(SerializerConfig config) {
    return RawRecordSerializer.INSTANCE;
  }

  /** Named by {@link RawRecord}'s {@code @TypeInfo}. */
  public static final class Factory extends TypeInfoFactory<RawRecord> {
    @Override
    public TypeInformation<RawRecord> createTypeInfo(
        Type t, Map<String, TypeInformation<?>> generics) {
      return INSTANCE;
    }
  }
}
