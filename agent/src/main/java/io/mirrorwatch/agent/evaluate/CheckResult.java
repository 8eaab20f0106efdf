package io.mirrorwatch.agent.evaluate;

import java.util.ArrayList;
import java.util.List;

/** A check's level and the reasons for it, in words an on-call engineer can act on. */
public record CheckResult(Level level, List<String> reasons) {
  public CheckResult {
    reasons = List.copyOf(reasons);
  }

  public static CheckResult healthy(String reason) {
    return new CheckResult(Level.HEALTHY, List.of(reason));
  }

  /** Collects findings; the level is the worst finding's. */
  public static final class Builder {
    private Level level = Level.HEALTHY;
    private final List<String> reasons = new ArrayList<>();

    public Builder add(Level findingLevel, String reason) {
      level = level.worst(findingLevel);
      reasons.add(reason);
      return this;
    }

    public CheckResult build(String healthyReason) {
      return reasons.isEmpty() ? healthy(healthyReason) : new CheckResult(level, reasons);
    }
  }
}
