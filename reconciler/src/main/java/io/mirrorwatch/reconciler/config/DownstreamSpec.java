package io.mirrorwatch.reconciler.config;

import io.mirrorwatch.common.eventid.EventIdLocation;

/**
 * A topic where consumers record what they processed (e.g. {@code orders-processed}), read on both
 * clusters under this name.
 */
public record DownstreamSpec(String topic, EventIdLocation eventId) {}
