package io.mirrorwatch.reconciler.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class RawRecordSerializerTest {
  @Test
  void flinkMovesRawRecordsWithTheOwnSerializerAndPassesThemWithoutACopy() {
    TypeInformation<RawRecord> type = TypeInformation.of(RawRecord.class);
    assertThat(type).isSameAs(RawRecordTypeInfo.INSTANCE);
    TypeSerializer<RawRecord> s = type.createSerializer(new SerializerConfigImpl());
    RawRecord r = record("k".getBytes(UTF_8), "v".getBytes(UTF_8), null);
    assertThat(s.isImmutableType()).isTrue();
    assertThat(s.copy(r)).isSameAs(r);
  }

  @Test
  void everyFieldSurvivesNullsIncluded() throws Exception {
    for (RawRecord r :
        new RawRecord[] {
          record("key".getBytes(UTF_8), "{\"a\":1}".getBytes(UTF_8), "e-1".getBytes(UTF_8)),
          record(null, null, null),
          record(new byte[0], new byte[70_000], new byte[0])
        }) {
      DataOutputSerializer out = new DataOutputSerializer(64);
      RawRecordSerializer.INSTANCE.serialize(r, out);
      RawRecordSerializer.INSTANCE.serialize(r, out);
      DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
      DataOutputSerializer copied = new DataOutputSerializer(64);
      RawRecordSerializer.INSTANCE.copy(in, copied);
      RawRecord back = RawRecordSerializer.INSTANCE.deserialize(in);
      assertThat(in.available()).isZero();
      for (RawRecord b :
          new RawRecord[] {
            back,
            RawRecordSerializer.INSTANCE.deserialize(
                new DataInputDeserializer(copied.getCopyOfBuffer()))
          }) {
        assertThat(b).usingRecursiveComparison().isEqualTo(r);
      }
    }
  }

  private static RawRecord record(byte[] key, byte[] value, byte[] header) {
    return new RawRecord(
        "primary", "orders-processed", 5, 1L << 40, 1_740_823_320_123L, key, value, header);
  }
}
