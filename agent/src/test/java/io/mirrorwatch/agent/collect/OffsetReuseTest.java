package io.mirrorwatch.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.agent.model.PartitionKey;
import io.mirrorwatch.agent.model.PartitionOffsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OffsetReuseTest {

  /** -1 in the tables means "nothing remembered" / "no record found". */
  @ParameterizedTest(
      name = "[{index}] remembered end {0}, end now {1}, at risk {2}, turn {3} -> ask {4}")
  @CsvSource({
    // remembered log end, log end now, at risk last cycle, refresh turn, ask
    "-1, 100, false, false, true", // first cycle: nothing known, ask
    "100, 100, false, false, false", // idle, not at risk, not its turn: reuse
    "100, 150, false, false, false", // appends do not move the log start; a stale one only
    // over-states
    "100, 100, true, false, true", // records at risk: the log start may set the position, ask every
    // cycle
    "100, 100, false, true, true", // its refresh turn
    "100, 40, false, false, true", // log end went backwards: another log, ask
  })
  void logStartIsAskedWhenUnknownAtRiskDueOrAnotherLog(
      long rememberedEnd, long endNow, boolean atRisk, boolean turn, boolean ask) {
    Optional<PartitionOffsets.Source> previous =
        rememberedEnd < 0
            ? Optional.empty()
            : Optional.of(new PartitionOffsets.Source(10, rememberedEnd));
    assertThat(OffsetReuse.asksLogStart(previous, endNow, atRisk, turn)).isEqualTo(ask);
  }

  @ParameterizedTest(name = "[{index}] remembered end {0}, end now {1} -> ask {2}")
  @CsvSource({
    // remembered replica log end, replica log end now, ask
    "-1, 100, true", // first cycle
    "100, 100, false", // no record appended: the newest timestamp is the same
    "100, 101, true", // a record appended: it may be newer
    "100, 90, true", // went backwards: another log
    "0, 0, false", // empty and still empty: still no timestamp
  })
  void newestTimestampIsReusedWhileTheReplicaLogEndStands(
      long rememberedEnd, long endNow, boolean ask) {
    Optional<PartitionOffsets.Replica> previous =
        rememberedEnd < 0
            ? Optional.empty()
            : Optional.of(new PartitionOffsets.Replica(rememberedEnd, OptionalLong.of(5)));
    assertThat(OffsetReuse.asksNewestTimestamp(previous, endNow)).isEqualTo(ask);
  }

  @ParameterizedTest(
      name = "[{index}] asked ts {0} at end {1} found {2}; now ts {3} end {4} -> ask {5}")
  @CsvSource({
    // remembered timestamp, remembered source end, remembered offset, timestamp now, source end
    // now, ask
    "-1, -1, -1, 1000, 100, true", // first cycle
    "1000, 100, 70, 1000, 100, false", // idle on both sides: reuse
    "1000, 100, -1, 1000, 100, false", // nothing found, nothing appended: still nothing
    "1000, 100, 70, 1000, 130, false", // source grew, replica did not (MM2 stopped): records after
    // 70 cannot precede it
    "1000, 100, -1, 1000, 130, true", // nothing found before, records appended since: one may match
    // now
    "1000, 100, 70, 2000, 100, true", // the replica's newest timestamp moved: another question
    "1000, 100, 70, 1000, 60, true", // source log end went backwards: another log
  })
  void tailStartIsReusedForTheSameTimestampOnAnUnchangedOrGrownLog(
      long ts, long end, long offset, long tsNow, long endNow, boolean ask) {
    Optional<TailStarts.Asked> previous =
        ts < 0
            ? Optional.empty()
            : Optional.of(
                new TailStarts.Asked(
                    ts, end, offset < 0 ? OptionalLong.empty() : OptionalLong.of(offset)));
    assertThat(OffsetReuse.asksTailStart(previous, tsNow, endNow)).isEqualTo(ask);
  }

  @Test
  void everyPartitionHasExactlyOneRefreshTurnInEachRunOfCycles() {
    int n = OffsetReuse.LOG_START_REFRESH_CYCLES;
    for (int p = 0; p < 200; p++) {
      PartitionKey k = new PartitionKey("bench-" + (p % 7), p);
      long turns = IntStream.range(100, 100 + n).filter(c -> OffsetReuse.refreshTurn(k, c)).count();
      assertThat(turns).as("turns of %s in %d cycles", k, n).isEqualTo(1);
    }
  }

  @Test
  void refreshSlicesAreRoughlyEven() {
    Set<PartitionKey> all = new HashSet<>();
    for (int t = 0; t < 100; t++) {
      for (int p = 0; p < 100; p++) {
        all.add(new PartitionKey(String.format("bench-%03d", t), p));
      }
    }
    int n = OffsetReuse.LOG_START_REFRESH_CYCLES;
    for (int c = 0; c < n; c++) {
      long cycle = c;
      long slice = all.stream().filter(k -> OffsetReuse.refreshTurn(k, cycle)).count();
      assertThat(slice)
          .as("slice of cycle %d", c)
          .isBetween(all.size() / n / 2L, all.size() * 2L / n);
    }
  }
}
