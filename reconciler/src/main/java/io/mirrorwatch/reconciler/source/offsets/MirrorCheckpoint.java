package io.mirrorwatch.reconciler.source.offsets;

/**
 * One MM2 checkpoint: MM2's translation of a group's committed offset on the source cluster into
 * the target's replica partition, as written to {@code <source>.checkpoints.internal} on the
 * target. This is what MM2's group offset sync commits, and what {@code
 * RemoteClusterUtils.translateOffsets} returns.
 *
 * @param partition the target-side partition (e.g. {@code primary.orders-0} on dr)
 * @param cluster, topic, at where the checkpoint record is: the target cluster, the checkpoints
 *     topic
 */
public record MirrorCheckpoint(
    String group,
    TopicPart partition,
    long upstreamOffset,
    long downstreamOffset,
    String cluster,
    String topic,
    int recordPartition,
    long recordOffset,
    long timestamp) {}
