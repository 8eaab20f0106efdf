package io.mirrorwatch.agent.evaluate;

import io.mirrorwatch.agent.config.Thresholds;
import io.mirrorwatch.agent.model.SourceSample;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Are consumers idempotent (runbook 1.4)? Failover and failback re-deliver records, so every
 * watched group must be declared idempotent and the records must carry an event ID to dedupe on.
 */
final class IdempotencyRules {
  private IdempotencyRules() {}

  record Verdict(CheckResult result, Map<String, Double> coverage) {}

  /**
   * Rule: a topic's coverage is this scrape's sample if it read records, else the last known one.
   */
  static Map<String, Double> coverage(Optional<SourceSample> sample, Map<String, Double> previous) {
    Map<String, Double> result = new TreeMap<>(previous);
    sample.ifPresent(
        s ->
            s.coverage()
                .forEach(
                    (topic, c) -> {
                      if (c.sampled() > 0) {
                        result.put(topic, (double) c.withEventId() / c.sampled());
                      }
                    }));
    return result;
  }

  static Verdict evaluate(FlowInputs in, FlowHistory history, String eventIdAt, Thresholds t) {
    Map<String, Double> coverage = new HashMap<>(coverage(in.sample().value(), history.coverage()));
    coverage.keySet().retainAll(in.replicaOf().keySet());
    CheckResult.Builder b = new CheckResult.Builder();
    if (coverage.isEmpty()) {
      b.add(Level.UNKNOWN, "no source records sampled yet for an event ID at " + eventIdAt);
    }
    new TreeMap<>(coverage)
        .forEach(
            (topic, ratio) -> {
              if (ratio < t.coverageWarning()) {
                b.add(
                    Level.DANGER,
                    String.format(
                        "%s: only %.1f%% of sampled records carry an event ID at %s",
                        topic, 100 * ratio, eventIdAt));
              } else if (ratio < t.coverageHealthy()) {
                b.add(
                    Level.WARNING,
                    String.format(
                        "%s: %.2f%% of sampled records carry an event ID at %s",
                        topic, 100 * ratio, eventIdAt));
              }
            });
    List<String> notIdempotent =
        in.watchedGroups().stream()
            .filter(g -> !in.idempotentGroups().contains(g))
            .sorted()
            .toList();
    if (!notIdempotent.isEmpty()) {
      b.add(
          Level.DANGER,
          "not declared idempotent (idempotency.idempotentGroups): "
              + String.join(", ", notIdempotent));
    }
    return new Verdict(
        b.build(
            "every sampled record carries an event ID at "
                + eventIdAt
                + "; watched groups are idempotent"),
        Map.copyOf(coverage));
  }
}
