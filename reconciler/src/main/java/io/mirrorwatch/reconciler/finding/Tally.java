package io.mirrorwatch.reconciler.finding;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A count of events and the sum of their amounts. An event without an amount counts but adds
 * nothing to the sum; {@link BucketTotals#withoutAmount()} says how many there were. Flink wire
 * type (a record of basic types).
 */
public record Tally(long count, BigDecimal sum) {
  public static final Tally ZERO = new Tally(0, BigDecimal.ZERO);

  public static Tally one(Optional<BigDecimal> amount) {
    return new Tally(1, amount.orElse(BigDecimal.ZERO));
  }

  public Tally plus(Tally o) {
    return new Tally(count + o.count, sum.add(o.sum));
  }

  public Tally minus(Tally o) {
    return new Tally(count - o.count, sum.subtract(o.sum));
  }

  public boolean isZero() {
    return count == 0 && sum.signum() == 0;
  }

  /** {@code 12 / 1234.50}, for details and the HTML report. */
  @Override
  public String toString() {
    return count + " / " + sum.toPlainString();
  }
}
