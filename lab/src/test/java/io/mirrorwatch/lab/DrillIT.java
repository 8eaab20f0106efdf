package io.mirrorwatch.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrorwatch.lab.drill.DrillOptions;
import io.mirrorwatch.lab.drill.DrillResult;
import io.mirrorwatch.lab.drill.FailoverDrill;
import io.mirrorwatch.lab.workload.ProcessedEvent;
import io.mirrorwatch.lab.workload.ProducedEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The scripted failover -> failback drill, with the workload running (test 6). */
@ExtendWith(LabExtension.class)
class DrillIT {

  @Test
  void failoverFailbackDrillRecordsCutoversAndGroundTruth(Lab lab) throws IOException {
    DrillResult result =
        new FailoverDrill(
                lab, new DrillOptions(40, Duration.ofSeconds(4), Duration.ofSeconds(90)), s -> {})
            .run();
    assertDrillGroundTruth(lab, result);
    assertThat(result.failoverOffsets())
        .containsKeys("primary.orders-0", "primary.orders-1", "primary.orders-2");
    assertThat(result.failbackOffsets()).containsKeys("dr.orders-0", "dr.orders-1", "dr.orders-2");
  }

  /** What every drill must show, whatever the replication policy. */
  static void assertDrillGroundTruth(Lab lab, DrillResult result) {
    assertThat(result.failoverAt()).isBefore(result.failbackAt());
    List<ProducedEvent> produced = result.produced();
    // Producers wrote to primary before failover, to dr between the cutovers, to primary after.
    assertThat(produced)
        .anyMatch(e -> e.cluster().equals(Lab.PRIMARY) && before(e, result.failoverAt()));
    assertThat(produced).anyMatch(e -> e.cluster().equals(Lab.DR));
    assertThat(produced)
        .allMatch(
            e ->
                !e.cluster().equals(Lab.DR)
                    || (!before(e, result.failoverAt()) && before(e, result.failbackAt())));
    assertThat(produced)
        .anyMatch(e -> e.cluster().equals(Lab.PRIMARY) && !before(e, result.failbackAt()));
    assertThat(result.failedSends()).isZero();

    // The idempotent group processed every event exactly once, on both clusters in turn.
    List<String> processedIds = result.processed().stream().map(ProcessedEvent::eventId).toList();
    assertThat(processedIds).doesNotHaveDuplicates();
    assertThat(Set.copyOf(processedIds))
        .isEqualTo(produced.stream().map(ProducedEvent::eventId).collect(Collectors.toSet()));
    assertThat(result.processed()).anyMatch(e -> e.cluster().equals(Lab.DR));
    assertThat(result.processed()).anyMatch(e -> e.cluster().equals(Lab.PRIMARY));
    assertThat(result.failoverOffsets()).isNotEmpty();
    assertThat(result.failbackOffsets()).isNotEmpty();

    try {
      JsonNode file = new ObjectMapper().readTree(lab.dir().resolve("drill-truth.json").toFile());
      assertThat(Instant.parse(file.get("failoverAt").asText())).isEqualTo(result.failoverAt());
      assertThat(file.get("produced").size()).isEqualTo(produced.size());
      assertThat(file.get("deliveries").size()).isEqualTo(result.deliveries().size());
    } catch (IOException e) {
      throw new AssertionError("drill-truth.json is not readable", e);
    }
  }

  private static boolean before(ProducedEvent e, Instant t) {
    return e.timestamp() < t.toEpochMilli();
  }
}
