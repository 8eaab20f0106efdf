package io.mirrorwatch.reconciler;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.NettyShuffleEnvironmentOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;

/**
 * Settings of the embedded MiniCluster ({@code java -jar}); a remote cluster ignores them and keeps
 * its own. Public so that the bench's Flink read-only limit runs on the same cluster as the
 * reconciler.
 *
 * <ul>
 *   <li>Running tasks report accumulators (and so the progress) with their heartbeats, every 10 s
 *       by default: the embedded cluster beats every {@link #HEARTBEAT}.
 *   <li>Its shuffle stays in one process, so compressing it (LZ4 by default) only costs CPU, on
 *       every record shuffled to the checks.
 *   <li>Its files (spilled sort runs, the RPC system's jar, which Flink only removes when the
 *       cluster is closed, not at exit, and the REST server's {@code flink-web-upload} directory,
 *       which it never removes) go to the run's {@link Scratch} directory.
 *   <li>One slot per source subtask, so that every Kafka source (one per cluster and role) reads at
 *       the same time. With Flink's default, as many slots as the parallelism, a BATCH job runs the
 *       sources one after the other, each starting its consumers alone, while the other slots idle.
 *       The checks run once the sources are done, in the slots they free. Flink splits the managed
 *       memory (the sort's) among the slots.
 * </ul>
 */
public final class EmbeddedCluster {
  public static final Duration HEARTBEAT = Duration.ofSeconds(2);

  private EmbeddedCluster() {}

  /**
   * @param parallelism the job's, if set; otherwise Flink's default for a local run, the cores
   * @param sources how many Kafka sources the job has
   */
  public static Configuration configuration(
      Path scratch, Optional<Integer> parallelism, int sources) {
    Configuration conf = new Configuration();
    conf.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, HEARTBEAT);
    conf.set(
        NettyShuffleEnvironmentOptions.SHUFFLE_COMPRESSION_CODEC,
        NettyShuffleEnvironmentOptions.CompressionCodec.NONE);
    conf.set(CoreOptions.TMP_DIRS, scratch.toString());
    conf.set(WebOptions.TMP_DIR, scratch.toString());
    conf.set(
        TaskManagerOptions.NUM_TASK_SLOTS,
        parallelism.orElse(Runtime.getRuntime().availableProcessors()) * Math.max(1, sources));
    return conf;
  }
}
