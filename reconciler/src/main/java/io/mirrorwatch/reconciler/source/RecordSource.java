package io.mirrorwatch.reconciler.source;

import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Where the job's records come from: bounded Kafka sources in production ({@link
 * KafkaRecordSource}), in-memory collections in tests. Must be bounded: the job runs in BATCH mode.
 */
@FunctionalInterface
public interface RecordSource {
  /** One stream per source, at least one; the job decodes each where it is read. */
  List<DataStream<RawRecord>> open(StreamExecutionEnvironment env);
}
