package io.mirrorwatch.agent.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartitionRpoTest {

  /** -1 in the table means "not known" for that bound. */
  @ParameterizedTest(
      name = "[{index}] log {0}..{1}, mm2 {2}, tail {3} -> position {4}, at risk {5}, {6}")
  @CsvSource({
    // earliest, latest, mm2, tail, position, atRisk, basis
    "0, 100, 100, -1, 100, 0, MM2_OFFSETS", // caught up and flushed
    "0, 100, 60, -1, 60, 40, MM2_OFFSETS", // MM2 stopped after 60: exactly 40 at risk
    "0, 100, 60, 79, 80, 20, REPLICA_TAIL_TIMESTAMP", // replica tail proves more is copied than MM2
    // flushed
    "0, 100, 60, 40, 60, 40, MM2_OFFSETS", // a weaker tail bound never lowers the position
    "0, 100, -1, -1, 0, 100, NONE", // nothing known: the whole log is at risk
    "50, 100, -1, -1, 50, 50, NONE", // ... from the log start, not from 0
    "50, 100, 20, -1, 50, 50, NONE", // MM2 position behind the log start (deleted records)
    "0, 100, 120, -1, 100, 0, MM2_OFFSETS", // never a negative figure
  })
  void replicatedPositionIsTheGreatestKnownLowerBound(
      long earliest, long latest, long mm2, long tail, long position, long atRisk, RpoBasis basis) {
    PartitionRpo r = PartitionRpo.estimate(earliest, latest, opt(mm2), opt(tail));
    assertThat(r.replicatedPosition()).isEqualTo(position);
    assertThat(r.recordsAtRisk()).isEqualTo(atRisk);
    assertThat(r.basis()).isEqualTo(basis);
  }

  private static OptionalLong opt(long v) {
    return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
  }
}
