package io.mirrorwatch.reconciler.source;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Where the job's records come from: bounded Kafka sources in production ({@link
 * KafkaRecordSource}), in-memory collections in tests. Must be bounded: the job runs in BATCH mode.
 */
@FunctionalInterface
public interface RecordSource {
  DataStream<RawRecord> open(StreamExecutionEnvironment env);
}
