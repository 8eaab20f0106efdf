package io.mirrorwatch.reconciler.config;

import io.mirrorwatch.common.eventid.EventIdLocation;

/**
 * A logical stream: the topic producers write to (e.g. {@code orders}), which exists on both
 * clusters together with its MM2 replicas. The physical topics are derived from it through the
 * replication policy.
 */
public record StreamSpec(String name, EventIdLocation eventId) {}
