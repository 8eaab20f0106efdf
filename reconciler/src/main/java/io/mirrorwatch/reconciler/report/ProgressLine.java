package io.mirrorwatch.reconciler.report;

import io.mirrorwatch.reconciler.source.PhysicalTopic;
import io.mirrorwatch.reconciler.source.ReadStats;
import java.time.Duration;
import java.util.List;

/**
 * One progress line while the job reads: records read per physical topic so far and the rate since
 * the previous line. Pure: renders two {@link ReadStats} snapshots.
 */
public final class ProgressLine {
  private ProgressLine() {}

  /**
   * @param now the latest snapshot
   * @param before the snapshot of the previous line (empty {@link ReadStats} for the first)
   * @param judged event IDs the checks have finished; shown once non-zero (reading is over then)
   * @param elapsed since the job started
   * @param interval since the previous line; the rate is not shown when it is zero
   */
  public static String render(
      List<PhysicalTopic> topics,
      ReadStats now,
      ReadStats before,
      long judged,
      Duration elapsed,
      Duration interval) {
    long total = total(topics, now);
    long delta = total - total(topics, before);
    StringBuilder sb =
        new StringBuilder(String.format("%3d s: read %,d records", elapsed.toSeconds(), total));
    if (judged > 0) {
      sb.append(String.format(", checked %,d event IDs", judged));
    } else if (!interval.isZero()) {
      sb.append(String.format(" (%,d/s)", Math.round(delta * 1000.0 / interval.toMillis())));
    }
    String sep = " | ";
    for (PhysicalTopic t : topics) {
      long n = now.of(t.cluster(), t.topic()).records();
      if (n > 0) {
        sb.append(sep).append(t.label()).append(String.format(" %,d", n));
        sep = ", ";
      }
    }
    return sb.toString();
  }

  private static long total(List<PhysicalTopic> topics, ReadStats stats) {
    return topics.stream().mapToLong(t -> stats.of(t.cluster(), t.topic()).records()).sum();
  }
}
