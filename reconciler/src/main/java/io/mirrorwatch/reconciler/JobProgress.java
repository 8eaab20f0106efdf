package io.mirrorwatch.reconciler;

import io.mirrorwatch.reconciler.checks.EventIdChecksOperator;
import io.mirrorwatch.reconciler.source.ReadStats;
import io.mirrorwatch.reconciler.source.ReadStatsAccumulator;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.flink.core.execution.JobClient;

/**
 * Polls a running job's {@link ReadStats} accumulator every {@code interval} and hands each new
 * snapshot to a listener, on a daemon thread, until closed.
 *
 * <p>Running tasks report accumulators to the JobManager with their heartbeats, so a snapshot is at
 * most one heartbeat interval old (the CLI shortens it for the embedded cluster). Progress is
 * best-effort: a poll that fails or takes longer than {@code interval} is skipped, never fatal; the
 * job's own result is what the report is built from. Works the same on the MiniCluster and on a
 * remote cluster (the REST client serves {@link JobClient#getAccumulators()}).
 */
public final class JobProgress implements AutoCloseable {
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "mirrorwatch-progress");
            t.setDaemon(true);
            return t;
          });

  /**
   * A snapshot while the job runs.
   *
   * @param read what the sources have read so far
   * @param judged event IDs the checks have finished (they start once reading is done: BATCH mode
   *     sorts all input by event ID first)
   */
  public record Snapshot(ReadStats read, long judged) {}

  JobProgress(JobClient client, Duration interval, Consumer<Snapshot> listener) {
    long ms = interval.toMillis();
    timer.scheduleWithFixedDelay(
        () -> poll(client, interval, listener), ms, ms, TimeUnit.MILLISECONDS);
  }

  private static void poll(JobClient client, Duration deadline, Consumer<Snapshot> listener) {
    try {
      Map<String, Object> acc =
          client.getAccumulators().get(deadline.toMillis(), TimeUnit.MILLISECONDS);
      if (acc.get(ReadStatsAccumulator.NAME) instanceof ReadStats stats) {
        listener.accept(
            new Snapshot(
                stats,
                count(acc, EventIdChecksOperator.EVENTS)
                    + count(acc, EventIdChecksOperator.DOWNSTREAM_ONLY)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // Skipped: see the class comment. The job's failure, if any, surfaces from its result.
    }
  }

  private static long count(Map<String, Object> acc, String name) {
    return acc.get(name) instanceof Long n ? n : 0;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
