package io.mirrorwatch.reconciler.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.common.mm2.Mm2OffsetRecord;
import io.mirrorwatch.reconciler.config.ConfigLoader;
import io.mirrorwatch.reconciler.config.ReconcileConfig;
import io.mirrorwatch.reconciler.config.WindowOverrides;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FailoverPositionsReaderTest {
  static final String SPEC =
      """
      clusters: {primary: {alias: east, bootstrap.servers: "a:1"}, dr: {alias: west, bootstrap.servers: "b:2"}}
      eventId: {from: header, name: event-id}
      streams: [orders]
      """;
  static final Instant FAILOVER = Instant.parse("2025-03-01T10:00:00Z");

  final List<String> reads = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();
  final Mm2OffsetsLog log =
      (cluster, topic, deadline) -> {
        reads.add(cluster.alias() + "/" + topic);
        return List.of(
            Optional.of(
                new Mm2OffsetRecord(
                    "east", "orders", 0, OptionalLong.of(41), FAILOVER.toEpochMilli())));
      };

  static ReconcileConfig config(String window) {
    return ConfigLoader.parse(
        SPEC + window,
        new WindowOverrides(Optional.of(FAILOVER), Optional.of(FAILOVER.plusSeconds(60))));
  }

  @Test
  void withoutFailoverAtNothingIsReadAndStrandedIsNotChecked() {
    assertThat(
            new FailoverPositionsReader(log, warnings::add)
                .read(config(""), Set.of("mm2-offsets.east.internal")))
        .isEmpty();
    assertThat(reads).isEmpty();
  }

  @Test
  void thePositionsComeFromTheOffsetsTopicOfThePrimaryAliasOnDr() {
    FailoverPositions c =
        new FailoverPositionsReader(log, warnings::add)
            .read(
                config("window: {failoverAt: \"2025-03-01T10:00:00Z\"}\n"),
                Set.of("mm2-offsets.east.internal"))
            .orElseThrow();
    assertThat(reads).containsExactly("west/mm2-offsets.east.internal");
    assertThat(c.primary()).isEqualTo("east");
    assertThat(c.dr()).isEqualTo("west");
    assertThat(c.failoverAtMs()).isEqualTo(FAILOVER.toEpochMilli());
    assertThat(c.positions().upTo("orders", 0)).hasValue(42);
    assertThat(warnings).isEmpty();
  }

  @Test
  void aMissingOffsetsTopicLeavesThePositionsUnknownAndSaysWhatThatMisses() {
    FailoverPositions c =
        new FailoverPositionsReader(log, warnings::add)
            .read(config("window: {failoverAt: \"2025-03-01T10:00:00Z\"}\n"), Set.of("orders"))
            .orElseThrow();
    assertThat(reads).isEmpty();
    assertThat(c.positions().read()).isFalse();
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains("west/mm2-offsets.east.internal not found");
  }
}
