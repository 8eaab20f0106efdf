package io.mirrorwatch.reconciler.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.reconciler.source.Unreadable.Reason;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadStatsTest {
  static Unreadable bad(long offset, Reason reason) {
    return new Unreadable("primary", "orders", 0, offset, 0, reason, "x");
  }

  @Test
  void mergesCountsAcrossSubtasksAndKeepsAFewExamplesPerReason() {
    ReadStats a = new ReadStats();
    ReadStats b = new ReadStats();
    for (int i = 0; i < 4; i++) {
      a.add(bad(i, Reason.NOT_JSON));
      b.add(bad(10 + i, Reason.NOT_JSON));
    }
    a.add(bad(20, Reason.TOMBSTONE));
    b.add(new Decoded.OutsideWindow("primary", "orders"));
    a.add(
        new Event("e", "primary", "orders", 0, 1, 0, Role.SOURCE, Origin.ORIGINAL, 0, null, null));

    a.merge(b);

    ReadStats.TopicStats s = a.of("primary", "orders");
    assertThat(s.events()).isEqualTo(1);
    assertThat(s.outsideWindow()).isEqualTo(1);
    assertThat(s.unreadable()).isEqualTo(Map.of(Reason.NOT_JSON, 8L, Reason.TOMBSTONE, 1L));
    assertThat(s.records()).isEqualTo(11);
    assertThat(s.examples())
        .filteredOn(u -> u.reason() == Reason.NOT_JSON)
        .hasSize(ReadStats.EXAMPLES);
    assertThat(s.examples()).filteredOn(u -> u.reason() == Reason.TOMBSTONE).hasSize(1);
    assertThat(a.of("dr", "orders").records()).isZero();
  }
}
