package io.mirrorwatch.agent.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Where readiness turns from healthy to warning to danger (runbook section 1.1).
 *
 * <p>Invariants checked by {@link ConfigLoader}: {@code latencyHealthy < latencyWarning}, {@code
 * checkpointAgeWarning < checkpointAgeDanger}, {@code stallWarning < stallDanger}, {@code 0 <=
 * coverageWarning <= coverageHealthy <= 1}, {@code sustainedScrapes >= 1}, every duration positive
 * except {@code offsetSyncGrace}, which may be zero.
 *
 * @param latencyHealthy replication latency p99 and RPO below this are healthy
 * @param latencyWarning below this warning; at or above it danger (once sustained)
 * @param sustainedScrapes consecutive scrapes above {@code latencyWarning} before danger, so one
 *     slow scrape does not page anyone
 * @param checkpointAgeWarning a checkpoint older than this is a warning
 * @param checkpointAgeDanger older than this is danger
 * @param stallWarning replica not advancing while its source did, for longer than this: warning
 * @param stallDanger the same, danger
 * @param offsetSyncGrace how long a group's committed offsets on the target may differ from the
 *     latest checkpoint before the group counts as not synced
 * @param coverageHealthy event-ID coverage ratio at or above this is healthy
 * @param coverageWarning at or above this warning, below it danger
 * @param rpoRecordsWarning source records not yet on the target above which the alert rules warn;
 *     readiness judges the RPO by its age, so this one is for the alerts only (exported with the
 *     others as {@code mirrorwatch_threshold_records})
 */
public record Thresholds(
    Duration latencyHealthy,
    Duration latencyWarning,
    int sustainedScrapes,
    Duration checkpointAgeWarning,
    Duration checkpointAgeDanger,
    Duration stallWarning,
    Duration stallDanger,
    Duration offsetSyncGrace,
    double coverageHealthy,
    double coverageWarning,
    long rpoRecordsWarning) {

  public Thresholds {
    Objects.requireNonNull(latencyHealthy, "latencyHealthy");
    Objects.requireNonNull(latencyWarning, "latencyWarning");
    Objects.requireNonNull(checkpointAgeWarning, "checkpointAgeWarning");
    Objects.requireNonNull(checkpointAgeDanger, "checkpointAgeDanger");
    Objects.requireNonNull(stallWarning, "stallWarning");
    Objects.requireNonNull(stallDanger, "stallDanger");
    Objects.requireNonNull(offsetSyncGrace, "offsetSyncGrace");
  }

  /** The defaults documented in {@code docs/agent-config.md}. */
  public static Thresholds defaults() {
    return new Thresholds(
        Duration.ofSeconds(5),
        Duration.ofSeconds(60),
        3,
        Duration.ofMinutes(2),
        Duration.ofMinutes(10),
        Duration.ofSeconds(15),
        Duration.ofSeconds(60),
        Duration.ofSeconds(30),
        0.999,
        0.9,
        10_000);
  }
}
