package io.mirrorwatch.reconciler.source;

import org.apache.flink.api.common.accumulators.Accumulator;

/**
 * {@link ReadStats} as a Flink accumulator: each decoder subtask fills its own, Flink merges them
 * into the job result. Accumulators rather than a second output stream, because the counts are tiny
 * and a second collected stream could stall the first.
 */
public final class ReadStatsAccumulator implements Accumulator<Decoded, ReadStats> {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "mirrorwatch-read-stats";

  private ReadStats stats = new ReadStats();

  @Override
  public void add(Decoded value) {
    stats.add(value);
  }

  @Override
  public ReadStats getLocalValue() {
    return stats;
  }

  @Override
  public void resetLocal() {
    stats = new ReadStats();
  }

  @Override
  public void merge(Accumulator<Decoded, ReadStats> other) {
    stats.merge(other.getLocalValue());
  }

  @Override
  public ReadStatsAccumulator clone() {
    ReadStatsAccumulator c = new ReadStatsAccumulator();
    c.stats = stats.copy();
    return c;
  }
}
