package io.mirrorwatch.agent.evaluate;

import java.util.OptionalDouble;

/**
 * RPO of one source topic of a flow.
 *
 * @param records source records not yet on the target (upper bound, exact once MM2 has flushed)
 * @param seconds age of the oldest of them; 0 when caught up, empty when unknown (no timestamp of
 *     it or of the replica's newest record has been read)
 * @param producedPerSecond source produce rate since the previous scrape
 * @param stalledSeconds how long the replica has not advanced while records were waiting
 * @param basis where the replicated position came from (the weakest basis over partitions)
 */
public record TopicRpo(
    String topic,
    String replica,
    long records,
    OptionalDouble seconds,
    double producedPerSecond,
    double stalledSeconds,
    RpoBasis basis) {}
