package io.mirrorwatch.reconciler;

/**
 * The failover -> failback drill under {@code DefaultReplicationPolicy}: remote topics {@code
 * primary.orders} on dr and {@code dr.orders} on primary.
 */
class DrillDefaultPolicyIT extends FailoverFailbackDrill {}
