package io.mirrorwatch.agent.model;

import java.time.Instant;

/**
 * MM2's newest checkpoint for one group and partition: upstream offset -> translated downstream.
 */
public record CheckpointInfo(long upstreamOffset, long downstreamOffset, Instant writtenAt) {}
