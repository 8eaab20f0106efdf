package io.mirrorwatch.reconciler;

import io.mirrorwatch.reconciler.report.FindingSink;
import io.mirrorwatch.reconciler.report.JobOutcome;
import io.mirrorwatch.reconciler.source.DecodePlan;
import io.mirrorwatch.reconciler.source.Event;
import io.mirrorwatch.reconciler.source.RecordSource;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the reconciliation job to completion: {@link ReconcileJob} on Flink in production, a fake in
 * the {@link Reconciliation}'s unit tests. Contract: every finding goes to {@code findings} and
 * every record of an anchored event to {@code anchored} before this returns; {@code progress} gets
 * snapshots while the job runs, best-effort, from another thread.
 */
@FunctionalInterface
public interface JobRunner {
  /** As often as the running tasks report their counts. */
  Duration PROGRESS_EVERY = EmbeddedCluster.HEARTBEAT;

  JobOutcome run(
      DecodePlan plan,
      RecordSource source,
      FindingSink findings,
      Consumer<Event> anchored,
      Consumer<JobProgress.Snapshot> progress)
      throws Exception;

  /**
   * The job in {@code env} (BATCH mode, {@link ReconcileJob#configure}), with {@code parallelism}
   * if set.
   */
  static JobRunner on(StreamExecutionEnvironment env, Optional<Integer> parallelism) {
    return (plan, source, findings, anchored, progress) -> {
      ReconcileJob.configure(env, parallelism);
      return new ReconcileJob(plan, source, findings, anchored)
          .withProgress(PROGRESS_EVERY, progress)
          .run(env);
    };
  }
}
