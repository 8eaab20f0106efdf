package io.mirrorwatch.reconciler;

import io.mirrorwatch.reconciler.checks.AggregateMismatch;
import io.mirrorwatch.reconciler.checks.DuplicateProcessed;
import io.mirrorwatch.reconciler.checks.DuplicateProduced;
import io.mirrorwatch.reconciler.checks.DuplicateReplicated;
import io.mirrorwatch.reconciler.checks.EventContribution;
import io.mirrorwatch.reconciler.checks.EventIdCheck;
import io.mirrorwatch.reconciler.checks.EventIdChecksOperator;
import io.mirrorwatch.reconciler.checks.SortKey;
import io.mirrorwatch.reconciler.checks.SortKeyTypeInfo;
import io.mirrorwatch.reconciler.checks.Stranded;
import io.mirrorwatch.reconciler.checks.Unprocessed;
import io.mirrorwatch.reconciler.finding.BucketTotals;
import io.mirrorwatch.reconciler.finding.Finding;
import io.mirrorwatch.reconciler.report.FindingSink;
import io.mirrorwatch.reconciler.report.JobOutcome;
import io.mirrorwatch.reconciler.source.DecodeFunction;
import io.mirrorwatch.reconciler.source.DecodePlan;
import io.mirrorwatch.reconciler.source.Event;
import io.mirrorwatch.reconciler.source.EventTypeInfo;
import io.mirrorwatch.reconciler.source.RawRecord;
import io.mirrorwatch.reconciler.source.ReadStats;
import io.mirrorwatch.reconciler.source.ReadStatsAccumulator;
import io.mirrorwatch.reconciler.source.RecordSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
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
 * The reconciliation as a Flink batch job: {@code sources -> decode (each) -> keyBy(SortKey, a hash
 * of the event ID) -> checks -> sink}. The source and the sink are arguments (Kafka and the report
 * files in production, collections and a list in tests); the graph in between is the same.
 *
 * <p>Findings travel back to the client through Flink's collect mechanism, which works the same on
 * the embedded MiniCluster and on a remote cluster (attached mode); the counts (records per topic,
 * unreadable records, events) come back as accumulators in the job result.
 *
 * <p>With aggregates configured, the checks operator also emits each event's contribution to its
 * bucket; these are summed per bucket and group key in Flink and collected as a second stream (the
 * table is small: buckets x group keys). The client evaluates the totals into {@code
 * aggregate_mismatch} findings ({@link AggregateMismatch}, pure), since it needs the table for the
 * report anyway.
 */
public final class ReconcileJob {
  public static final String NAME = "mirrorwatch reconcile";

  /** The checks that need nothing but the records, all keyed by event ID. */
  public static final List<EventIdCheck> CHECKS =
      List.of(
          new DuplicateProduced(),
          new DuplicateReplicated(),
          new DuplicateProcessed(),
          new Unprocessed());

  private final DecodePlan plan;
  private final RecordSource source;
  private final FindingSink sink;
  private final Consumer<Event> anchored;
  private Duration progressInterval = Duration.ZERO;
  private Consumer<JobProgress.Snapshot> progress = snapshot -> {};

  public ReconcileJob(DecodePlan plan, RecordSource source, FindingSink sink) {
    this(plan, source, sink, e -> {});
  }

  /**
   * @param anchored receives every record of each event that holds one of the plan's anchors (the
   *     offset checks' input), after the job has finished
   */
  public ReconcileJob(
      DecodePlan plan, RecordSource source, FindingSink sink, Consumer<Event> anchored) {
    this.plan = plan;
    this.source = source;
    this.sink = sink;
    this.anchored = anchored;
  }

  /** Hands a snapshot of what has been read so far to {@code listener} every {@code interval}. */
  public ReconcileJob withProgress(Duration interval, Consumer<JobProgress.Snapshot> listener) {
    this.progressInterval = interval;
    this.progress = listener;
    return this;
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

  /** {@link #CHECKS}, plus {@code stranded} when the failover cutover is configured. */
  static List<EventIdCheck> checks(DecodePlan plan) {
    List<EventIdCheck> checks = new ArrayList<>(CHECKS);
    plan.cutover().map(Stranded::new).ifPresent(checks::add);
    return checks;
  }

  static Optional<EventContribution> contribution(DecodePlan plan) {
    return plan.aggregation()
        .map(
            a ->
                new EventContribution(
                    a, plan.primary(), plan.dr(), plan.cutover().map(Stranded::new)));
  }

  /**
   * The job's outputs: findings by event ID, the bucket totals if aggregates are configured, and
   * the records of anchored events (the offset checks' input; none without anchors).
   */
  record Graph(
      DataStream<Finding> findings,
      Optional<DataStream<BucketTotals>> buckets,
      DataStream<Event> anchored) {}

  Graph build(StreamExecutionEnvironment env) {
    DataStream<Event> events = decoded(env);
    SingleOutputStreamOperator<Finding> findings =
        events
            .keyBy(SortKey::of, SortKeyTypeInfo.INSTANCE)
            .transform(
                "checks by event ID",
                TypeInformation.of(Finding.class),
                new EventIdChecksOperator(
                    checks(plan), contribution(plan), plan.anchors(), SortKey::eventOf))
            .uid("checks");
    Optional<DataStream<BucketTotals>> buckets =
        contribution(plan)
            .map(
                c ->
                    findings
                        .getSideOutput(EventIdChecksOperator.BUCKETS)
                        .keyBy(BucketTotals::key, Types.STRING)
                        .reduce(BucketTotals::plus)
                        .name("totals by bucket")
                        .uid("buckets"));
    return new Graph(findings, buckets, findings.getSideOutput(EventIdChecksOperator.ANCHORED));
  }

  /**
   * Each source decoded on its own, then the events united: a decoder that reads one source is
   * chained to it, so raw records never cross a task boundary; only the compact events ({@link
   * EventTypeInfo}) are shuffled.
   */
  private DataStream<Event> decoded(StreamExecutionEnvironment env) {
    EventTypeInfo type = EventTypeInfo.of(plan.topics());
    List<DataStream<Event>> decoded = new ArrayList<>();
    for (DataStream<RawRecord> raw : source.open(env)) {
      decoded.add(
          raw.flatMap(new DecodeFunction(plan), type)
              .name("decode")
              .uid("decode-" + decoded.size()));
    }
    DataStream<Event> all = decoded.get(0);
    for (DataStream<Event> more : decoded.subList(1, decoded.size())) {
      all = all.union(more);
    }
    return all;
  }

  /**
   * Runs the job to completion, handing every finding to the sink as it arrives, then the {@code
   * aggregate_mismatch} findings of the bucket totals. The totals are drained on another thread
   * while findings are read: a collect sink whose buffer is not drained blocks its operator.
   */
  public JobOutcome run(StreamExecutionEnvironment env) throws Exception {
    long start = System.nanoTime();
    Graph graph = build(env);
    CloseableIterator<Finding> findings = graph.findings().collectAsync();
    Optional<CloseableIterator<BucketTotals>> totals =
        graph.buckets().map(DataStream::collectAsync);
    CloseableIterator<Event> anchoredRecords = graph.anchored().collectAsync();
    JobClient client = env.executeAsync(NAME);
    // A thread of its own, not the common pool: on 2 cores that pool has one thread, which Flink's
    // client may need while this drain blocks.
    ExecutorService drainer =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "mirrorwatch-bucket-totals");
              t.setDaemon(true);
              return t;
            });
    List<BucketTotals> table;
    try {
      CompletableFuture<List<BucketTotals>> buckets =
          totals
              .map(t -> CompletableFuture.supplyAsync(() -> drain(t), drainer))
              .orElseGet(() -> CompletableFuture.completedFuture(List.of()));
      // The anchored records are drained after the findings: a few per group and partition, far
      // below what the collect sink buffers before it would wait for this client.
      try (findings;
          anchoredRecords;
          JobProgress p =
              progressInterval.isZero()
                  ? null
                  : new JobProgress(client, progressInterval, progress)) {
        while (findings.hasNext()) {
          sink.accept(findings.next());
        }
        while (anchoredRecords.hasNext()) {
          anchored.accept(anchoredRecords.next());
        }
      }
      table = buckets.get();
    } finally {
      drainer.shutdownNow();
    }
    table.forEach(t -> AggregateMismatch.evaluate(t).ifPresent(sink::accept));
    JobExecutionResult result = client.getJobExecutionResult().get();
    ReadStats read =
        Optional.ofNullable(result.<ReadStats>getAccumulatorResult(ReadStatsAccumulator.NAME))
            .orElseGet(ReadStats::new);
    return new JobOutcome(
        read,
        counter(result, EventIdChecksOperator.EVENTS),
        counter(result, EventIdChecksOperator.PROCESSED),
        counter(result, EventIdChecksOperator.DOWNSTREAM_ONLY),
        Duration.ofNanos(System.nanoTime() - start),
        table);
  }

  /** Every bucket row, sorted by bucket then group key (rows without a key first). */
  private static List<BucketTotals> drain(CloseableIterator<BucketTotals> rows) {
    List<BucketTotals> all = new ArrayList<>();
    try (rows) {
      rows.forEachRemaining(all::add);
    } catch (Exception e) {
      throw new IllegalStateException("reading the bucket totals failed", e);
    }
    all.sort(
        Comparator.comparingLong(BucketTotals::bucketStartMs)
            .thenComparing(b -> b.groupKeyValue().orElse(""))
            .thenComparing(b -> b.groupKeyValue().isPresent()));
    return List.copyOf(all);
  }

  private static long counter(JobExecutionResult result, String name) {
    Long value = result.getAccumulatorResult(name);
    return value == null ? 0 : value;
  }
}
