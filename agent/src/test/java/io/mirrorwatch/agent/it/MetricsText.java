package io.mirrorwatch.agent.it;

import java.util.OptionalDouble;

/** Reads one sample out of a Prometheus text exposition. */
final class MetricsText {
  private MetricsText() {}

  /**
   * @param labels alternating label names and values that the sample must carry
   */
  static OptionalDouble value(String text, String name, String... labels) {
    for (String line : text.lines().toList()) {
      if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
        continue;
      }
      boolean all = true;
      for (int i = 0; i < labels.length; i += 2) {
        if (!line.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
          all = false;
        }
      }
      if (all) {
        String v = line.substring(line.lastIndexOf(' ') + 1);
        return OptionalDouble.of(v.equals("NaN") ? Double.NaN : Double.parseDouble(v));
      }
    }
    return OptionalDouble.empty();
  }
}
