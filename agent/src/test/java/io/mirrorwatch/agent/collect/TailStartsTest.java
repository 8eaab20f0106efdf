package io.mirrorwatch.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.agent.model.PartitionKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The offsetsForTimes memory of a flow, cycle after cycle (the rule itself: OffsetReuseTest). */
class TailStartsTest {
  private static final PartitionKey A = new PartitionKey("orders", 0);
  private static final PartitionKey B = new PartitionKey("orders", 1);

  @Test
  void idleSecondCycleAsksNothingAndKeepsTheAnswers() {
    Map<PartitionKey, Long> ts = Map.of(A, 1000L, B, 2000L);
    Map<PartitionKey, Long> ends = Map.of(A, 100L, B, 200L);
    TailStarts first = TailStarts.none();
    assertThat(first.toAsk(ts, ends)).isEqualTo(ts);
    TailStarts second = first.next(ts, ends, ts, Map.of(A, 99L)); // B: no record at or after 2000

    assertThat(second.toAsk(ts, ends)).isEmpty();
    assertThat(second.offsets()).isEqualTo(Map.of(A, 99L));
  }

  @Test
  void onlyPartitionsThatMovedAreAskedAndTheirAnswersReplaceTheOldOnes() {
    TailStarts memory =
        TailStarts.none()
            .next(
                Map.of(A, 1000L, B, 2000L),
                Map.of(A, 100L, B, 200L),
                Map.of(A, 1000L, B, 2000L),
                Map.of(A, 99L, B, 199L));
    Map<PartitionKey, Long> ts = Map.of(A, 1000L, B, 2500L); // B's replica received a record
    Map<PartitionKey, Long> ends = Map.of(A, 100L, B, 201L);

    Map<PartitionKey, Long> ask = memory.toAsk(ts, ends);
    assertThat(ask).isEqualTo(Map.of(B, 2500L));
    TailStarts next = memory.next(ts, ends, ask, Map.of(B, 200L));
    assertThat(next.offsets()).isEqualTo(Map.of(A, 99L, B, 200L));
  }

  @Test
  void aPartitionThatLeftTheFlowIsForgotten() {
    TailStarts memory =
        TailStarts.none()
            .next(
                Map.of(A, 1000L, B, 2000L),
                Map.of(A, 100L, B, 200L),
                Map.of(A, 1000L, B, 2000L),
                Map.of(A, 99L, B, 199L));
    TailStarts next = memory.next(Map.of(A, 1000L), Map.of(A, 100L), Map.of(), Map.of());
    assertThat(next.offsets()).isEqualTo(Map.of(A, 99L));
  }
}
