package io.mirrorwatch.agent.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The agent's own view of one collector on one cluster.
 *
 * @param collector {@code cluster}, {@code mm2_state}, {@code source_sample}, {@code jmx} or {@code
 *     indirection}
 * @param cluster the cluster it talks to ({@code ""} for indirection)
 */
public record CollectorHealth(
    String collector,
    String cluster,
    Duration lastDuration,
    long errors,
    Optional<Instant> lastSuccess,
    Optional<String> lastError) {}
