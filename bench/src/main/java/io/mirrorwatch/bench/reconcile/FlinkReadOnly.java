package io.mirrorwatch.bench.reconcile;

import io.mirrorwatch.reconciler.EmbeddedCluster;
import io.mirrorwatch.reconciler.JobCluster;
import io.mirrorwatch.reconciler.ReconcileJob;
import io.mirrorwatch.reconciler.Scratch;
import io.mirrorwatch.reconciler.config.ConfigLoader;
import io.mirrorwatch.reconciler.config.ReconcileConfig;
import io.mirrorwatch.reconciler.config.WindowOverrides;
import io.mirrorwatch.reconciler.source.KafkaRecordSource;
import io.mirrorwatch.reconciler.source.RawRecord;
import io.mirrorwatch.reconciler.source.TopicPlan;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Flink's own read limit: the reconciler's Kafka sources (same spec, same bounded {@code
 * KafkaSource}s and deserializer, same BATCH settings, parallelism and embedded cluster) into a
 * sink that discards. Run on the reconciler's shaded jar, like the reconciler. Prints {@code RESULT
 * records=N}. Arguments: reconcile.yaml, window start, window end (ISO-8601).
 */
public final class FlinkReadOnly {
  private FlinkReadOnly() {}

  public static void main(String[] args) throws Exception {
    ReconcileConfig cfg =
        ConfigLoader.load(
            Path.of(args[0]),
            new WindowOverrides(
                Optional.of(Instant.parse(args[1])), Optional.of(Instant.parse(args[2]))),
            System.getenv());
    KafkaRecordSource source =
        new KafkaRecordSource(cfg.clusters(), TopicPlan.resolve(cfg), cfg.window(), Set.of());
    // The reconciler's own embedded cluster (a slot per source subtask, no shuffle compression),
    // started ahead of the job as the reconciler starts it.
    try (Scratch scratch = Scratch.create();
        JobCluster cluster =
            JobCluster.start(
                EmbeddedCluster.configuration(
                    scratch.dir(), cfg.parallelism(), source.sources()))) {
      StreamExecutionEnvironment env = cluster.environment();
      ReconcileJob.configure(env, cfg.parallelism());
      // Each source counted and discarded where it is read (chained), as the reconciler decodes.
      for (DataStream<RawRecord> raw : source.open(env)) {
        raw.map(new Count()).sinkTo(new DiscardingSink<>());
      }
      JobExecutionResult result = env.execute("mirrorwatch bench: read only");
      System.out.println("RESULT records=" + result.<Long>getAccumulatorResult(Count.NAME));
    }
  }

  static final class Count extends RichMapFunction<RawRecord, Long> {
    private static final long serialVersionUID = 1L;
    static final String NAME = "records";
    private transient LongCounter records;

    @Override
    public void open(OpenContext context) {
      records = getRuntimeContext().getLongCounter(NAME);
    }

    @Override
    public Long map(RawRecord r) {
      records.add(1);
      return r.offset();
    }
  }
}
