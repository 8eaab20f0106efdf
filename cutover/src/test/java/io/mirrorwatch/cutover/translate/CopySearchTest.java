package io.mirrorwatch.cutover.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CopySearchTest {

  @Test
  void theExactStartIsOnePastTheFirstCopyOfTheAnchor() {
    CopySearch s = new CopySearch("e7", 40, 100);
    assertThat(s.offer(40, Optional.of("e5"))).isFalse();
    assertThat(s.offer(41, Optional.empty())).isFalse();
    assertThat(s.offer(42, Optional.of("e7"))).isTrue();
    // A second copy (MM2 re-copied after a restart) is never looked at: the first one counts.
    assertThat(s.offer(43, Optional.of("e7"))).isTrue();
    ExactPosition.Found f = (ExactPosition.Found) s.result(false);
    assertThat(f.copyOffset()).isEqualTo(42);
    assertThat(f.start()).isEqualTo(43);
    assertThat(f.rereadFrom(40)).isEqualTo(3);
    assertThat(f.rereadFrom(45)).isEqualTo(-2);
  }

  @Test
  void theLimitEndsTheSearchWithAnUnknownPositionNamingIt() {
    CopySearch s = new CopySearch("e7", 0, 2);
    s.offer(0, Optional.of("a"));
    assertThat(s.offer(1, Optional.of("b"))).isTrue();
    assertThat(s.result(false))
        .isInstanceOfSatisfying(
            ExactPosition.Unknown.class,
            u -> assertThat(u.reason()).contains("no copy of event e7").contains("--scan-limit 2"));
  }

  @Test
  void reachingTheReplicasEndSaysTheAnchorIsNotReplicatedYet() {
    CopySearch s = new CopySearch("e7", 5, 100);
    s.offer(5, Optional.of("a"));
    assertThat(s.result(true))
        .isInstanceOfSatisfying(
            ExactPosition.Unknown.class,
            u -> assertThat(u.reason()).contains("not replicated yet"));
  }
}
