package io.mirrorwatch.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.lab.poll.Poll;
import io.mirrorwatch.lab.workload.Orders;
import io.mirrorwatch.lab.workload.ProducedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Fault controls: killed and frozen clusters, killed MirrorMaker (test 5). */
@ExtendWith(LabExtension.class)
class FaultsIT {
  private static final Duration DEADLINE = Duration.ofSeconds(90);

  @Test
  void killedPrimaryStopsAnsweringAndRestartsWithItsData(Lab lab) {
    List<String> before = ids(lab.producer().produce(30));
    long pid = lab.primary().process().pid();

    lab.primary().kill();
    assertThat(ProcessHandle.of(pid)).isEmpty();
    assertThat(lab.primary().answers(Duration.ofSeconds(2))).isFalse();

    lab.primary().restart();
    assertThat(lab.primary().process().pid()).isNotEqualTo(pid);
    assertThat(Lab.eventIds(lab.primary(), Orders.TOPIC)).containsAll(before);
  }

  @Test
  void frozenClusterHangsAndAnswersAgainWhenThawed(Lab lab) {
    lab.dr().process().freeze();
    try {
      assertThat(lab.dr().process().isAlive()).isTrue();
      assertThat(lab.dr().answers(Duration.ofSeconds(2))).isFalse();
    } finally {
      lab.dr().process().thaw();
    }
    Poll.until("dr to answer after thaw", DEADLINE, () -> lab.dr().answers(Duration.ofSeconds(2)));
  }

  @Test
  void killedMirrorMakerStopsReplicationAndARestartedOneCatchesUp(Lab lab) {
    String replica = lab.replicaTopic(Lab.PRIMARY, Orders.TOPIC);
    List<String> first = ids(lab.producer().produce(20));
    Poll.until(
        "first orders on dr", DEADLINE, () -> Lab.eventIds(lab.dr(), replica).containsAll(first));

    lab.mirrorMaker().kill();
    assertThat(lab.mirrorMaker().isRunning()).isFalse();
    List<String> whileDead = ids(lab.producer().produce(50));
    // Absence can only be observed over a window: MM2 copies within about a second when alive.
    Instant windowEnd = Instant.now().plusSeconds(5);
    while (Instant.now().isBefore(windowEnd)) {
      assertThat(Lab.eventIds(lab.dr(), replica)).doesNotContainAnyElementsOf(whileDead);
    }

    lab.mirrorMaker().start();
    Poll.until(
        "orders produced while MM2 was dead to reach dr",
        DEADLINE,
        () -> Lab.eventIds(lab.dr(), replica).containsAll(whileDead));
  }

  private static List<String> ids(List<ProducedEvent> events) {
    return events.stream().map(ProducedEvent::eventId).toList();
  }
}
