package io.mirrorwatch.lab.drill;

import java.time.Duration;

/**
 * @param ratePerSecond workload produce rate
 * @param phase how long the workload runs in each phase (steady, on dr, during reverse replication)
 * @param replicationBound the most the drill waits for replication or checkpoints to catch up
 */
public record DrillOptions(int ratePerSecond, Duration phase, Duration replicationBound) {
  public static DrillOptions defaults() {
    return new DrillOptions(50, Duration.ofSeconds(5), Duration.ofSeconds(60));
  }
}
