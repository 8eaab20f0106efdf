package io.mirrorwatch.agent.evaluate;

import io.mirrorwatch.agent.model.CheckpointInfo;
import io.mirrorwatch.agent.model.ClusterState;
import io.mirrorwatch.agent.model.LastGood;
import io.mirrorwatch.agent.model.Mm2JmxSnapshot;
import io.mirrorwatch.agent.model.Mm2State;
import io.mirrorwatch.agent.model.PartitionKey;
import io.mirrorwatch.agent.model.PartitionOffsets;
import io.mirrorwatch.agent.model.SourceSample;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Builds evaluation inputs for one flow primary -> dr replicating orders to primary.orders (one
 * partition).
 */
final class Fixtures {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  static final PartitionKey SRC = new PartitionKey("orders", 0);
  static final PartitionKey REP = new PartitionKey("primary.orders", 0);

  Instant collectedAt = NOW;
  long sourceLatest = 100;
  long replicaLatest = 100;
  Optional<Long> mm2UpTo = Optional.of(100L);
  long replicaNewestTs = NOW.toEpochMilli() - 1_000;
  Map<String, Long> sourceCommitted = new HashMap<>(Map.of("g", 90L));
  Map<String, Long> targetCommitted = new HashMap<>(Map.of("g", 90L));
  Map<String, CheckpointInfo> checkpoints =
      new HashMap<>(Map.of("g", new CheckpointInfo(90, 90, NOW.minusSeconds(2))));
  Set<String> activeOnTarget = Set.of();
  Set<String> idempotent = Set.of("g");
  Optional<String> sourceError = Optional.empty();
  Optional<String> targetError = Optional.empty();
  Optional<LastGood<Mm2JmxSnapshot>> jmx =
      Optional.of(
          LastGood.<Mm2JmxSnapshot>none()
              .succeeded(
                  new Mm2JmxSnapshot(
                      Map.of("MirrorSourceConnector", "running"),
                      Map.of("MirrorSourceConnector", Map.of("running", 1)),
                      List.of(200.0)),
                  NOW));
  Optional<Instant> heartbeat = Optional.of(NOW.minusSeconds(1));
  Map<String, SourceSample.Coverage> coverage =
      Map.of("orders", new SourceSample.Coverage(100, 100));
  Map<PartitionKey, SourceSample.OffsetTimestamp> stamps = Map.of();
  Map<String, Set<String>> indirection = Map.of("kafka:9092", Set.of("primary"));

  FlowInputs inputs() {
    ClusterState source =
        new ClusterState(
            "primary",
            collectedAt,
            Map.of(SRC, new PartitionOffsets.Source(0, sourceLatest)),
            Map.of(),
            group(sourceCommitted, SRC),
            Set.of());
    ClusterState target =
        new ClusterState(
            "dr",
            collectedAt,
            Map.of(),
            Map.of(
                REP, new PartitionOffsets.Replica(replicaLatest, OptionalLong.of(replicaNewestTs))),
            group(targetCommitted, REP),
            activeOnTarget);
    Map<String, Map<PartitionKey, CheckpointInfo>> cps = new HashMap<>();
    checkpoints.forEach((g, c) -> cps.put(g, Map.of(REP, c)));
    Mm2State mm2 =
        new Mm2State(NOW, mm2UpTo.map(v -> Map.of(SRC, v)).orElse(Map.of()), cps, heartbeat);
    SourceSample sample = new SourceSample(NOW, stamps, Map.of(), coverage);
    Map<String, String> replicaOf = Map.of("orders", "primary.orders");
    RpoEstimate rpo =
        RpoEstimate.of(
            Optional.of(source), replicaOf, mm2.replicatedUpTo(), sample.tailStartForTimestamp());
    return new FlowInputs(
        "primary->dr",
        "primary",
        "dr",
        replicaOf,
        sourceCommitted.keySet(),
        idempotent,
        collected(source, sourceError),
        collected(target, targetError),
        LastGood.<Mm2State>none().succeeded(mm2, NOW),
        LastGood.<SourceSample>none().succeeded(sample, NOW),
        rpo,
        jmx,
        indirection);
  }

  private static <T> LastGood<T> collected(T value, Optional<String> error) {
    LastGood<T> c = LastGood.<T>none().succeeded(value, NOW);
    return error.map(c::failed).orElse(c);
  }

  private static Map<String, Map<PartitionKey, Long>> group(
      Map<String, Long> offsets, PartitionKey key) {
    Map<String, Map<PartitionKey, Long>> result = new HashMap<>();
    offsets.forEach((g, o) -> result.put(g, Map.of(key, o)));
    return result;
  }
}
