package io.mirrorwatch.reconciler.source;

import java.io.Serializable;

/**
 * The failover cutover, as the stranded check needs it: which cluster is which, when the cutover
 * happened, and how far MM2 had replicated primary -> dr by then.
 *
 * @param primary the primary's MM2 alias
 * @param dr the DR cluster's MM2 alias
 * @param failoverAtMs the failover cutover (ms since the epoch)
 */
public record FailoverPositions(
    String primary, String dr, long failoverAtMs, ReplicatedPositions positions)
    implements Serializable {}
