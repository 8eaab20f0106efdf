package io.mirrorwatch.reconciler.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventKeyTest {
  @Test
  void sameIdSameKeyAndNoCollisionAmongAMillionIds() {
    assertThat(EventKey.of("evt-1")).isEqualTo(EventKey.of(new String("evt-1")));
    Set<Long> keys = new HashSet<>();
    for (int i = 0; i < 1_000_000; i++) {
      keys.add(EventKey.of("evt-" + i));
    }
    assertThat(keys).hasSize(1_000_000);
  }
}
