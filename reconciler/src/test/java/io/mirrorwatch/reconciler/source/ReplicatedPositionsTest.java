package io.mirrorwatch.reconciler.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.common.mm2.Mm2OffsetRecord;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ReplicatedPositionsTest {
  static final String KEY =
      "[\"MirrorSourceConnector\",{\"cluster\":\"primary\",\"partition\":%d,\"topic\":\"orders\"}]";

  static Optional<Mm2OffsetRecord> flush(int partition, String value, long at) {
    return Mm2OffsetRecord.decode(
        KEY.formatted(partition).getBytes(UTF_8), value == null ? null : value.getBytes(UTF_8), at);
  }

  @Test
  void decodesConnectsOffsetRecordOfTheSourceConnectorOnly() {
    assertThat(flush(3, "{\"offset\":41}", 7))
        .contains(new Mm2OffsetRecord("primary", "orders", 3, OptionalLong.of(41), 7));
    assertThat(flush(3, null, 7))
        .contains(new Mm2OffsetRecord("primary", "orders", 3, OptionalLong.empty(), 7));
    assertThat(
            Mm2OffsetRecord.decode(
                "[\"MirrorCheckpointConnector\",{}]".getBytes(UTF_8), "{}".getBytes(UTF_8), 1))
        .isEmpty();
    assertThat(Mm2OffsetRecord.decode("not json".getBytes(UTF_8), null, 1)).isEmpty();
    assertThat(Mm2OffsetRecord.decode(null, null, 1)).isEmpty();
    assertThat(flush(3, "{\"offset\":\"x\"}", 7)).isEmpty();
  }

  @Test
  void thePositionIsTheGreatestFlushAtOrBeforeTheCutoverPlusOne() {
    ReplicatedPositions p =
        ReplicatedPositions.atCutover(
            "t",
            "primary",
            List.of(
                flush(0, "{\"offset\":10}", 100),
                flush(0, "{\"offset\":19}", 200),
                flush(0, "{\"offset\":50}", 201),
                flush(1, "{\"offset\":5}", 300),
                flush(2, "{\"offset\":5}", 150),
                flush(2, null, 180),
                Optional.empty()),
            200);

    assertThat(p.read()).isTrue();
    assertThat(p.upTo("orders", 0)).hasValue(20);
    assertThat(p.upTo("orders", 1)).as("first flushed after the cutover").isEmpty();
    assertThat(p.upTo("orders", 2)).as("tombstone before the cutover").isEmpty();
    assertThat(p.skipped()).isEqualTo(1);
    assertThat(p.positions().get("orders/0").flushedAtMs()).isEqualTo(200);
  }

  @Test
  void anotherSourceClustersFlushesAreIgnoredAndAnUnreadTopicKnowsNothing() {
    Optional<Mm2OffsetRecord> other =
        Optional.of(new Mm2OffsetRecord("west", "orders", 0, OptionalLong.of(9), 1));
    assertThat(ReplicatedPositions.atCutover("t", "primary", List.of(other), 100).upTo("orders", 0))
        .isEmpty();
    assertThat(ReplicatedPositions.unknown("t").read()).isFalse();
  }
}
