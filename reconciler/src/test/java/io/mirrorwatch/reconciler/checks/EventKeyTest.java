package io.mirrorwatch.reconciler.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventKeyTest {
  @Test
  void sameIdSameKeyAndNoCollisionAmongAMillionIds() {
    assertThat(EventKey.of("evt-1")).isEqualTo(EventKey.of(new String("evt-1")));
    Set<Long> eventBits = new HashSet<>();
    for (int i = 0; i < 1_000_000; i++) {
      // The bits a SortKey keeps of it.
      eventBits.add(EventKey.of("evt-" + i) & ~0xffL);
    }
    assertThat(eventBits).hasSize(1_000_000);
  }

  /** Chars are packed four to a word: order, length and the tail must all still count. */
  @Test
  void idsThatPackAlikeStillDiffer() {
    Set<Long> keys = new HashSet<>();
    for (String id :
        new String[] {
          "", "\0", "\0\0", "a", "a\0", "ab", "ba", "abcd", "abcd\0", "dcba", "abcde", "abced", "é",
          "∑", "\uffff", "évt-1", "evt-1"
        }) {
      keys.add(EventKey.of(id));
    }
    assertThat(keys).hasSize(17);
  }
}
