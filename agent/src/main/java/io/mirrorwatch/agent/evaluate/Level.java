package io.mirrorwatch.agent.evaluate;

/** A readiness level; the numeric value is what {@code mirrorwatch_readiness_level} exports. */
public enum Level {
  HEALTHY(0),
  WARNING(1),
  DANGER(2),
  UNKNOWN(3);

  private final int value;

  Level(int value) {
    this.value = value;
  }

  public int value() {
    return value;
  }

  /** The worse of two levels; UNKNOWN is worse than HEALTHY and WARNING but not than DANGER. */
  public Level worst(Level other) {
    return severity() >= other.severity() ? this : other;
  }

  private int severity() {
    return switch (this) {
      case HEALTHY -> 0;
      case WARNING -> 1;
      case UNKNOWN -> 2;
      case DANGER -> 3;
    };
  }
}
