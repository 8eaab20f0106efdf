package io.mirrorwatch.reconciler;

import io.mirrorwatch.reconciler.checks.DuplicateProcessed;
import io.mirrorwatch.reconciler.checks.DuplicateProduced;
import io.mirrorwatch.reconciler.checks.DuplicateReplicated;
import io.mirrorwatch.reconciler.checks.EventIdCheck;
import io.mirrorwatch.reconciler.checks.EventIdChecksFunction;
import io.mirrorwatch.reconciler.checks.Unprocessed;
import io.mirrorwatch.reconciler.report.Finding;
import io.mirrorwatch.reconciler.report.FindingSink;
import io.mirrorwatch.reconciler.report.JobOutcome;
import io.mirrorwatch.reconciler.source.DecodeFunction;
import io.mirrorwatch.reconciler.source.DecodePlan;
import io.mirrorwatch.reconciler.source.Event;
import io.mirrorwatch.reconciler.source.ReadStats;
import io.mirrorwatch.reconciler.source.ReadStatsAccumulator;
import io.mirrorwatch.reconciler.source.RecordSource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * The reconciliation as a Flink batch job: {@code source -> decode -> keyBy(event ID) -> checks ->
 * sink}. The source and the sink are arguments (Kafka and the report files in production,
 * collections and a list in tests); the graph in between is the same.
 *
 * <p>Findings travel back to the client through Flink's collect mechanism, which works the same on
 * the embedded MiniCluster and on a remote cluster (attached mode); the counts (records per topic,
 * unreadable records, events) come back as accumulators in the job result.
 */
public final class ReconcileJob {
  public static final String NAME = "mirrorwatch reconcile";

  /** The checks this version runs, all keyed by event ID. */
  public static final List<EventIdCheck> CHECKS =
      List.of(new DuplicateProduced(), new DuplicateReplicated(), new DuplicateProcessed(), new Unprocessed());

  private final DecodePlan plan;
  private final RecordSource source;
  private final FindingSink sink;
  private final Consumer<Event> anchored;

  public ReconcileJob(DecodePlan plan, RecordSource source, FindingSink sink) {
    this(plan, source, sink, e -> { });
  }

  /**
   * @param anchored receives every record of each event that holds one of the plan's anchors (the
   *     offset checks' input), after the job has finished
   */
  public ReconcileJob(DecodePlan plan, RecordSource source, FindingSink sink, Consumer<Event> anchored) {
    this.plan = plan;
    this.source = source;
    this.sink = sink;
    this.anchored = anchored;
  }

  /**
   * BATCH mode (bounded input, sort-based keyed operators that spill to disk rather than hold every
   * event ID in memory), and no silent fallback to Kryo for a type Flink cannot analyse.
   */
  public static void configure(StreamExecutionEnvironment env, Optional<Integer> parallelism) {
    Configuration conf = new Configuration();
    conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    env.configure(conf);
    parallelism.ifPresent(env::setParallelism);
  }

  SingleOutputStreamOperator<Finding> build(StreamExecutionEnvironment env) {
    DataStream<Event> events =
        source.open(env).flatMap(new DecodeFunction(plan)).name("decode").uid("decode");
    return events
        .keyBy(Event::eventId, Types.STRING)
        .process(new EventIdChecksFunction(CHECKS, plan.anchors()))
        .name("checks by event ID")
        .uid("checks");
  }

  /** Runs the job to completion, handing every finding to the sink as it arrives. */
  public JobOutcome run(StreamExecutionEnvironment env) throws Exception {
    long start = System.nanoTime();
    SingleOutputStreamOperator<Finding> checks = build(env);
    CloseableIterator<Finding> findings = checks.collectAsync();
    CloseableIterator<Event> anchoredRecords = checks.getSideOutput(EventIdChecksFunction.ANCHORED).collectAsync();
    JobClient client = env.executeAsync(NAME);
    // Drained one after the other: the anchored records are a few per group and partition, far
    // below what the collect sink buffers before it would wait for this client.
    try (findings; anchoredRecords) {
      while (findings.hasNext()) {
        sink.accept(findings.next());
      }
      while (anchoredRecords.hasNext()) {
        anchored.accept(anchoredRecords.next());
      }
    }
    JobExecutionResult result = client.getJobExecutionResult().get();
    ReadStats read =
        Optional.ofNullable(result.<ReadStats>getAccumulatorResult(ReadStatsAccumulator.NAME))
            .orElseGet(ReadStats::new);
    return new JobOutcome(
        read,
        counter(result, EventIdChecksFunction.EVENTS),
        counter(result, EventIdChecksFunction.PROCESSED),
        counter(result, EventIdChecksFunction.DOWNSTREAM_ONLY),
        Duration.ofNanos(System.nanoTime() - start));
  }

  private static long counter(JobExecutionResult result, String name) {
    Long value = result.getAccumulatorResult(name);
    return value == null ? 0 : value;
  }
}
