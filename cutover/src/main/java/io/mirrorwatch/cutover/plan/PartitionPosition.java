package io.mirrorwatch.cutover.plan;

import io.mirrorwatch.cutover.translate.ExactPosition;
import java.util.OptionalLong;

/**
 * What was read about one group on one source partition.
 *
 * @param replica the replica topic on the target ({@code primary.orders}, or {@code orders} under
 *     identity); same partition number (MM2 keeps it)
 * @param committedOnSource the group's committed offset P on the source; empty when it has none or
 *     the source could not be read
 * @param translated MM2's translated offset on the target (newest checkpoint); empty when none
 */
public record PartitionPosition(
    String topic,
    int partition,
    String replica,
    OptionalLong committedOnSource,
    OptionalLong translated,
    ExactPosition exact) {}
