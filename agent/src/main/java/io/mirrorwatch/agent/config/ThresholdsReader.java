package io.mirrorwatch.agent.config;

import io.mirrorwatch.common.config.ConfigNode;
import io.mirrorwatch.common.config.Durations;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads {@code thresholds:}. Each pair is checked for order only when both of its values are valid,
 * so one typo yields one problem, not a cascade.
 */
final class ThresholdsReader {
  private ThresholdsReader() {}

  static Thresholds read(ConfigNode node) {
    Thresholds d = Thresholds.defaults();
    node.expectMap(
        "latency", "checkpointAge", "stall", "offsetSyncGrace", "coverage", "rpoRecords");

    ConfigNode latency = node.get("latency");
    latency.expectMap("healthy", "warning", "sustainedScrapes");
    Optional<Duration> latencyHealthy = latency.get("healthy").positiveDuration(d.latencyHealthy());
    Optional<Duration> latencyWarning = latency.get("warning").positiveDuration(d.latencyWarning());
    mustBeGreater(latency.get("warning"), latencyWarning, latency.get("healthy"), latencyHealthy);
    Optional<Integer> sustained =
        latency.get("sustainedScrapes").integer(d.sustainedScrapes(), 1, Integer.MAX_VALUE);

    ConfigNode age = node.get("checkpointAge");
    age.expectMap("warning", "danger");
    Optional<Duration> ageWarning = age.get("warning").positiveDuration(d.checkpointAgeWarning());
    Optional<Duration> ageDanger = age.get("danger").positiveDuration(d.checkpointAgeDanger());
    mustBeGreater(age.get("danger"), ageDanger, age.get("warning"), ageWarning);

    ConfigNode stall = node.get("stall");
    stall.expectMap("warning", "danger");
    Optional<Duration> stallWarning = stall.get("warning").positiveDuration(d.stallWarning());
    Optional<Duration> stallDanger = stall.get("danger").positiveDuration(d.stallDanger());
    mustBeGreater(stall.get("danger"), stallDanger, stall.get("warning"), stallWarning);

    Optional<Duration> grace = node.get("offsetSyncGrace").nonNegativeDuration(d.offsetSyncGrace());

    ConfigNode coverage = node.get("coverage");
    coverage.expectMap("healthy", "warning");
    Optional<Double> coverageHealthy = coverage.get("healthy").decimal(d.coverageHealthy(), 0, 1);
    Optional<Double> coverageWarning = coverage.get("warning").decimal(d.coverageWarning(), 0, 1);
    if (coverageHealthy.isPresent()
        && coverageWarning.isPresent()
        && coverageWarning.get() > coverageHealthy.get()) {
      coverage
          .get("warning")
          .problem(
              "must be at most "
                  + coverage.get("healthy").path()
                  + " ("
                  + coverageHealthy.get()
                  + ")");
    }

    ConfigNode rpoRecords = node.get("rpoRecords");
    rpoRecords.expectMap("warning");
    Optional<Integer> rpoRecordsWarning =
        rpoRecords.get("warning").integer((int) d.rpoRecordsWarning(), 1, Integer.MAX_VALUE);

    // Invalid values fall back to defaults here; the loader throws before anyone sees them.
    return new Thresholds(
        latencyHealthy.orElse(d.latencyHealthy()),
        latencyWarning.orElse(d.latencyWarning()),
        sustained.orElse(d.sustainedScrapes()),
        ageWarning.orElse(d.checkpointAgeWarning()),
        ageDanger.orElse(d.checkpointAgeDanger()),
        stallWarning.orElse(d.stallWarning()),
        stallDanger.orElse(d.stallDanger()),
        grace.orElse(d.offsetSyncGrace()),
        coverageHealthy.orElse(d.coverageHealthy()),
        coverageWarning.orElse(d.coverageWarning()),
        rpoRecordsWarning.map(Integer::longValue).orElse(d.rpoRecordsWarning()));
  }

  private static void mustBeGreater(
      ConfigNode upper,
      Optional<Duration> upperValue,
      ConfigNode lower,
      Optional<Duration> lowerValue) {
    if (upperValue.isPresent()
        && lowerValue.isPresent()
        && upperValue.get().compareTo(lowerValue.get()) <= 0) {
      upper.problem(
          "must be greater than " + lower.path() + " (" + Durations.format(lowerValue.get()) + ")");
    }
  }
}
