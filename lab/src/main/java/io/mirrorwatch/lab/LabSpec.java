package io.mirrorwatch.lab;

import io.mirrorwatch.common.replication.PolicyKind;

/**
 * How a lab is built.
 *
 * @param policy the replication policy MM2 starts with
 * @param partitions partitions of {@code orders} and {@code orders-processed} on each cluster
 * @param startMirrorMaker whether the primary -> dr MirrorMaker is started with the clusters
 */
public record LabSpec(PolicyKind policy, int partitions, boolean startMirrorMaker) {
  public static LabSpec defaults() {
    return new LabSpec(PolicyKind.DEFAULT, 3, true);
  }

  public LabSpec withPolicy(PolicyKind newPolicy) {
    return new LabSpec(newPolicy, partitions, startMirrorMaker);
  }
}
