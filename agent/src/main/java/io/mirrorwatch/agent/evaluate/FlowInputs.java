package io.mirrorwatch.agent.evaluate;

import io.mirrorwatch.agent.model.ClusterState;
import io.mirrorwatch.agent.model.LastGood;
import io.mirrorwatch.agent.model.Mm2JmxSnapshot;
import io.mirrorwatch.agent.model.Mm2State;
import io.mirrorwatch.agent.model.SourceSample;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the evaluation of one flow reads: the last good data of each collector, with its
 * staleness, and the flow's topic naming resolved by the collectors (Kafka's ReplicationPolicy).
 *
 * @param replicaOf source topic -> its replica's name on the target
 * @param watchedGroups groups the flow watches that have committed offsets on the source
 * @param rpo this cycle's per-partition RPO estimates, computed once by the flow's cycle
 * @param jmx empty if the flow has no MM2 JMX endpoint configured
 * @param indirectionTargets alias -> clusters it resolves to; empty map if no alias is configured
 */
public record FlowInputs(
    String flow,
    String source,
    String target,
    Map<String, String> replicaOf,
    Set<String> watchedGroups,
    Set<String> idempotentGroups,
    LastGood<ClusterState> sourceCluster,
    LastGood<ClusterState> targetCluster,
    LastGood<Mm2State> mm2,
    LastGood<SourceSample> sample,
    RpoEstimate rpo,
    Optional<LastGood<Mm2JmxSnapshot>> jmx,
    Map<String, Set<String>> indirectionTargets) {}
