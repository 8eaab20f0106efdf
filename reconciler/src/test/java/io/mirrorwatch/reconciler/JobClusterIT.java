package io.mirrorwatch.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.lab.poll.Poll;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real MiniCluster each: the class's claim is about when and where Flink runs the job. */
class JobClusterIT {
  @TempDir Path scratch;

  private Configuration conf() {
    return EmbeddedCluster.configuration(scratch, Optional.of(1), 2);
  }

  @Test
  void theEmbeddedClusterStartsBeforeAnyJobAndRunsIt() throws Exception {
    try (JobCluster cluster = JobCluster.start(conf())) {
      assertThat(cluster.embedded()).isTrue();
      // Started without a job: nothing has been submitted yet.
      assertThat(cluster.started().isRunning()).isTrue();
      assertThat(cluster.started().listJobs().get()).isEmpty();
      assertThat(cluster.started().getConfiguration().get(TaskManagerOptions.NUM_TASK_SLOTS))
          .isEqualTo(2);

      DataStream<Integer> doubled = cluster.environment().fromData(1, 2, 3).map(i -> i * 2);
      CloseableIterator<Integer> results = doubled.collectAsync();
      JobClient job = cluster.environment().executeAsync("doubling");
      List<Integer> seen = new ArrayList<>();
      try (results) {
        results.forEachRemaining(seen::add);
      }
      assertThat(seen).containsExactlyInAnyOrder(2, 4, 6);
      assertThat(job.getJobExecutionResult().get().getJobID()).isEqualTo(job.getJobID());
      // Flink's executor shuts down the cluster its job ran on when the job ends: so it ran on the
      // one started ahead, not on a cluster of its own.
      Poll.until(
          "the cluster to shut down with its job",
          Duration.ofSeconds(30),
          () -> !cluster.started().isRunning());
    }
  }

  @Test
  void closingWithoutAJobShutsTheClusterDown() throws Exception {
    JobCluster cluster = JobCluster.start(conf());
    cluster.close(); // may come before the cluster has finished starting: it waits for that first
    assertThat(cluster.started().isRunning()).isFalse();
  }

  @Test
  void underAClusterClientTheContextEnvironmentRunsTheJob() throws Exception {
    try (JobCluster host = JobCluster.start(conf())) {
      TestStreamEnvironment.setAsContext(host.started(), 1);
      try (JobCluster cluster = JobCluster.start(conf())) {
        assertThat(cluster.embedded()).isFalse();
        assertThat(cluster.environment()).isInstanceOf(TestStreamEnvironment.class);
      } finally {
        TestStreamEnvironment.unsetAsContext();
      }
    }
  }
}
