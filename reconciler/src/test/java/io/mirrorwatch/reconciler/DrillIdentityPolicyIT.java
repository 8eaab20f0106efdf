package io.mirrorwatch.reconciler;

import io.mirrorwatch.common.replication.PolicyKind;
import io.mirrorwatch.lab.LabExtension;

/**
 * The failover -> failback drill under {@code IdentityReplicationPolicy}: one {@code orders} per
 * cluster holds originals and copies alike, and each MM2 flow drops the records written on its own
 * target (the runbook's cycle block).
 */
@LabExtension.Options(policy = PolicyKind.IDENTITY)
class DrillIdentityPolicyIT extends FailoverFailbackDrill {}
