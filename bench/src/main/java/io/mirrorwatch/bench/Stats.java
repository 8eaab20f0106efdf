package io.mirrorwatch.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median, minimum and maximum of a few timed runs, in seconds. */
public record Stats(double median, double min, double max, int n) {

  public static Stats of(List<Double> seconds) {
    if (seconds.isEmpty()) {
      throw new IllegalArgumentException("no runs");
    }
    List<Double> s = new ArrayList<>(seconds);
    Collections.sort(s);
    int n = s.size();
    double median = n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    return new Stats(median, s.get(0), s.get(n - 1), n);
  }

  public static double seconds(long nanos) {
    return nanos / 1e9;
  }

  public String row(String what) {
    return String.format("%-58s %9.3f %9.3f %9.3f %5d", what, median, min, max, n);
  }
}
