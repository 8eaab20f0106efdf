package io.mirrorwatch.common.mm2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class Mm2OffsetRecordTest {
  private static final String KEY =
      "[\"MirrorSourceConnector\",{\"cluster\":\"primary\",\"partition\":2,\"topic\":\"orders\"}]";

  @Test
  void decodesTheSourceConnectorsRecord() {
    assertThat(Mm2OffsetRecord.decode(bytes(KEY), bytes("{\"offset\":41}"), 1000L))
        .contains(new Mm2OffsetRecord("primary", "orders", 2, OptionalLong.of(41), 1000L))
        .get()
        .extracting(Mm2OffsetRecord::nextToCopy)
        .isEqualTo(OptionalLong.of(42));
  }

  @Test
  void aTombstoneForgetsThePartition() {
    assertThat(Mm2OffsetRecord.decode(bytes(KEY), null, 5L).orElseThrow().nextToCopy()).isEmpty();
  }

  @Test
  void otherConnectorsRecordsAndMalformedBytesAreNotDecoded() {
    assertThat(
            Mm2OffsetRecord.decode(
                bytes("[\"MirrorCheckpointConnector\",{\"group\":\"g\"}]"),
                bytes("{\"offset\":1}"),
                0))
        .isEmpty();
    assertThat(Mm2OffsetRecord.decode(bytes("not json"), bytes("{}"), 0)).isEmpty();
    assertThat(Mm2OffsetRecord.decode(bytes(KEY), bytes("{\"offset\":\"x\"}"), 0)).isEmpty();
    assertThat(Mm2OffsetRecord.decode(null, bytes("{}"), 0)).isEmpty();
  }

  @Test
  void namesDedicatedMirrorMakersTopics() {
    assertThat(Mm2OffsetRecord.topicFor("primary")).isEqualTo("mm2-offsets.primary.internal");
    assertThat(Mm2OffsetRecord.isMirrorMakerInternal("mm2-status.primary.internal")).isTrue();
    assertThat(Mm2OffsetRecord.isMirrorMakerInternal("orders")).isFalse();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
