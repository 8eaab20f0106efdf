package io.mirrorwatch.reconciler;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.apache.flink.client.deployment.executors.LocalExecutor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.RpcServiceSharing;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Where the job runs. Under {@code flink run}, the cluster's environment ({@link
 * StreamExecutionEnvironment#getExecutionEnvironment}), and nothing starts here. Otherwise an
 * embedded MiniCluster, as Flink's own local environment would run, but started at once on a thread
 * of its own rather than when the job is submitted: so it starts while the CLI reads the topic
 * catalog, the failover positions and the groups' commit histories. Starting takes 3-4 s on two
 * cores (mostly loading classes: its RPC system, REST server, task manager), before the first
 * record can be read.
 *
 * <p>Flink's local executor submits the job to this cluster and shuts it down when the job ends, as
 * it does its own; {@link #close()} also shuts it down when no job ran, and waits until it has.
 */
public final class JobCluster implements AutoCloseable {
  private final StreamExecutionEnvironment environment;

  /** Null under {@code flink run}; otherwise completes when the embedded cluster has started. */
  private final CompletableFuture<MiniCluster> embedded;

  private JobCluster(
      StreamExecutionEnvironment environment, CompletableFuture<MiniCluster> embedded) {
    this.environment = environment;
    this.embedded = embedded;
  }

  /**
   * @param conf the embedded cluster's and the job's settings ({@link
   *     EmbeddedCluster#configuration})
   */
  public static JobCluster start(Configuration conf) {
    StreamExecutionEnvironment context = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    if (!(context instanceof LocalStreamEnvironment)) {
      return new JobCluster(context, null);
    }
    // What StreamExecutionEnvironment.createLocalEnvironment and LocalStreamEnvironment set.
    Configuration local = new Configuration(conf);
    if (!local.contains(CoreOptions.DEFAULT_PARALLELISM)) {
      local.set(CoreOptions.DEFAULT_PARALLELISM, Runtime.getRuntime().availableProcessors());
    }
    local.set(DeploymentOptions.TARGET, LocalExecutor.NAME);
    local.set(DeploymentOptions.ATTACHED, true);
    MiniClusterConfiguration clusterConf = clusterConfiguration(local);
    CompletableFuture<MiniCluster> embedded = new CompletableFuture<>();
    Thread starter =
        new Thread(
            () -> {
              try {
                embedded.complete(new StartedAhead(clusterConf));
              } catch (Throwable e) {
                embedded.completeExceptionally(e);
              }
            },
            "mirrorwatch-embedded-cluster-start");
    starter.setDaemon(true);
    starter.start();
    return new JobCluster(
        new StreamExecutionEnvironment(new Executors(embedded), local, null), embedded);
  }

  /** The environment to build and run the job in. */
  public StreamExecutionEnvironment environment() {
    return environment;
  }

  /** Whether the job runs on the embedded cluster (not under {@code flink run}). */
  public boolean embedded() {
    return embedded != null;
  }

  /** The embedded cluster once it has started (for tests). */
  MiniCluster started() {
    return embedded.join();
  }

  /**
   * Shuts the embedded cluster down, waiting for it to finish starting first: nothing outlives
   * this.
   */
  @Override
  public void close() throws Exception {
    if (embedded == null) {
      return;
    }
    MiniCluster cluster;
    try {
      cluster = embedded.join();
    } catch (CompletionException e) {
      return; // it never started; the job, if one was submitted, reported why
    }
    cluster.closeAsync().get();
  }

  /** As Flink's per-job MiniCluster factory builds it from the same settings. */
  private static MiniClusterConfiguration clusterConfiguration(Configuration conf) {
    Configuration c = new Configuration(conf);
    if (!c.contains(RestOptions.BIND_PORT)) {
      c.set(RestOptions.BIND_PORT, "0");
    }
    return new MiniClusterConfiguration.Builder()
        .setConfiguration(c)
        .setNumTaskManagers(c.get(TaskManagerOptions.MINI_CLUSTER_NUM_TASK_MANAGERS))
        .setRpcServiceSharing(RpcServiceSharing.SHARED)
        .setNumSlotsPerTaskManager(c.get(TaskManagerOptions.NUM_TASK_SLOTS))
        .build();
  }

  /** Started in its constructor; the executor's call to {@link #start()} then has nothing to do. */
  private static final class StartedAhead extends MiniCluster {
    StartedAhead(MiniClusterConfiguration conf) throws Exception {
      super(conf);
      super.start();
    }

    @Override
    public void start() {}
  }

  /** Flink's local executor, handed the cluster started ahead instead of creating one. */
  private static final class Executors
      implements PipelineExecutorServiceLoader, PipelineExecutorFactory {
    private final CompletableFuture<MiniCluster> cluster;

    Executors(CompletableFuture<MiniCluster> cluster) {
      this.cluster = cluster;
    }

    @Override
    public PipelineExecutorFactory getExecutorFactory(Configuration conf) {
      return this;
    }

    @Override
    public Stream<String> getExecutorNames() {
      return Stream.of(LocalExecutor.NAME);
    }

    @Override
    public String getName() {
      return LocalExecutor.NAME;
    }

    @Override
    public boolean isCompatibleWith(Configuration conf) {
      return true;
    }

    @Override
    public PipelineExecutor getExecutor(Configuration conf) {
      return LocalExecutor.createWithFactory(conf, ignored -> cluster.join());
    }
  }
}
