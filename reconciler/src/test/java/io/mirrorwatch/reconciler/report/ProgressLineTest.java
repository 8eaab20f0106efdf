package io.mirrorwatch.reconciler.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.common.eventid.EventIdLocation;
import io.mirrorwatch.reconciler.source.Event;
import io.mirrorwatch.reconciler.source.Origin;
import io.mirrorwatch.reconciler.source.PhysicalTopic;
import io.mirrorwatch.reconciler.source.ReadStats;
import io.mirrorwatch.reconciler.source.Role;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  static final EventIdLocation ID = new EventIdLocation.Header("event-id");
  static final List<PhysicalTopic> TOPICS =
      List.of(
          new PhysicalTopic("primary", "orders", Role.SOURCE, Origin.ORIGINAL, "orders", ID),
          new PhysicalTopic("dr", "primary.orders", Role.SOURCE, Origin.REPLICA, "orders", ID),
          new PhysicalTopic("dr", "orders", Role.SOURCE, Origin.ORIGINAL, "orders", ID));

  static ReadStats read(int primaryOrders, int drReplica) {
    ReadStats s = new ReadStats();
    for (int i = 0; i < primaryOrders; i++) {
      s.add(event("primary", "orders", i));
    }
    for (int i = 0; i < drReplica; i++) {
      s.add(event("dr", "primary.orders", i));
    }
    return s;
  }

  static Event event(String cluster, String topic, long offset) {
    return new Event(
        "e" + offset, cluster, topic, 0, offset, 1L, Role.SOURCE, Origin.ORIGINAL, 0L, null, null);
  }

  @Test
  void totalRateAndTopicsWithRecords() {
    String line =
        ProgressLine.render(
            TOPICS,
            read(3_000, 1_000),
            read(1_000, 0),
            0,
            Duration.ofSeconds(12),
            Duration.ofSeconds(2));
    assertThat(line)
        .isEqualTo(
            " 12 s: read 4,000 records (1,500/s) | primary/orders 3,000, dr/primary.orders 1,000");
  }

  @Test
  void checkedEventIdsOnceTheChecksRun() {
    assertThat(
            ProgressLine.render(
                TOPICS, read(3, 3), read(3, 3), 2, Duration.ofSeconds(100), Duration.ofSeconds(2)))
        .isEqualTo(
            "100 s: read 6 records, checked 2 event IDs | primary/orders 3, dr/primary.orders 3");
  }

  @Test
  void noRateWithoutAnInterval() {
    assertThat(
            ProgressLine.render(
                TOPICS, read(0, 0), new ReadStats(), 0, Duration.ZERO, Duration.ZERO))
        .isEqualTo("  0 s: read 0 records");
  }
}
