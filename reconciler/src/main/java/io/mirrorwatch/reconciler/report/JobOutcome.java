package io.mirrorwatch.reconciler.report;

import io.mirrorwatch.reconciler.source.ReadStats;
import java.time.Duration;

/**
 * What the job counted besides its findings.
 *
 * @param events distinct event IDs in the window's source of truth
 * @param processed of those, how many appear downstream at least once
 * @param downstreamOnly event IDs found only downstream (their source records lie outside the window)
 */
public record JobOutcome(ReadStats read, long events, long processed, long downstreamOnly, Duration elapsed) {}
