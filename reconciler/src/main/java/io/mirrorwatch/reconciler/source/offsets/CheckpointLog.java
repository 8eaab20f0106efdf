package io.mirrorwatch.reconciler.source.offsets;

import io.mirrorwatch.common.cluster.ClusterConfig;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * MM2's checkpoints of the given groups on a target cluster. Contract: every checkpoint record of
 * {@code groups} in {@code topic}, in log order, up to the topic's end at the start of the call; an
 * absent topic is an empty list; records it cannot decode are skipped and counted in {@link
 * Checkpoints#undecodable()}. Throws {@link IllegalStateException} past {@code deadline}.
 */
public interface CheckpointLog {
  Checkpoints read(ClusterConfig target, String topic, Set<String> groups, Duration deadline);

  /**
   * @param exists whether the checkpoints topic exists on the target
   */
  record Checkpoints(
      String cluster,
      String topic,
      boolean exists,
      List<MirrorCheckpoint> checkpoints,
      long undecodable) {
    public Checkpoints {
      checkpoints = List.copyOf(checkpoints);
    }
  }
}
