package io.mirrorwatch.common.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The config's duration syntax: a whole number and a unit ({@code 500ms}, {@code 10s}, {@code 2m},
 * {@code 1h}) or ISO-8601 ({@code PT10S}). A bare number is rejected: its unit would be a guess.
 */
public final class Durations {
  static final String HINT = "(use e.g. 500ms, 10s, 2m)";
  private static final Pattern SHORT = Pattern.compile("(\\d{1,18})(ms|s|m|h)");

  private Durations() {}

  /** Parses {@code text}; throws {@link IllegalArgumentException} with a user-facing message. */
  public static Duration parse(String text) {
    String trimmed = text.trim();
    Matcher m = SHORT.matcher(trimmed);
    try {
      if (m.matches()) {
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        };
      }
      if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
        return Duration.parse(trimmed);
      }
    } catch (ArithmeticException | DateTimeParseException e) {
      // Too large for a Duration, or malformed ISO-8601: the same answer as any other typo.
    }
    throw new IllegalArgumentException("not a duration: '" + text + "' " + HINT);
  }

  /**
   * The shortest exact form in the config's own syntax ({@code 90s}, {@code 2m}, {@code 1500ms}).
   */
  public static String format(Duration d) {
    if (d.getNano() % 1_000_000 != 0) {
      return d.toString(); // sub-millisecond: only ISO-8601 says it exactly
    }
    long ms = d.toMillis();
    if (ms != 0 && ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms != 0 && ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }
}
