package io.mirrorwatch.agent.evaluate;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Offset-translation status of one consumer group on a flow.
 *
 * @param checkpointAge age of the newest checkpoint, empty if MM2 never checkpointed the group
 * @param synced the target holds the translated offsets (within the sync grace)
 * @param reprocessRecords records the group would re-read if it failed over now
 */
public record GroupStatus(
    String group,
    Optional<Duration> checkpointAge,
    boolean synced,
    boolean activeOnTarget,
    long reprocessRecords,
    Level level,
    List<String> reasons) {}
