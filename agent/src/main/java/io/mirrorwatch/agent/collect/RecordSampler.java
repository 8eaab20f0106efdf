package io.mirrorwatch.agent.collect;

import io.mirrorwatch.agent.model.PartitionKey;
import io.mirrorwatch.agent.model.SourceSample;
import java.util.Map;

/**
 * Reads a few records on a flow's source; {@link SourceSampler} does it with a Kafka consumer.
 *
 * <p>Contract: {@link #sample} returns within about the configured deadline or throws {@link
 * CollectException}; what it could not read in time is missing from the sample (and read at the
 * next call), never invented.
 */
public interface RecordSampler extends AutoCloseable {
  /**
   * @param timestampAt partitions whose record at the given offset is wanted (records at risk)
   * @param latest source log end per partition; records since the previous sample are checked
   * @param tailStart {@code offsetsForTimes} result, passed through into the sample
   */
  SourceSample sample(
      Map<PartitionKey, Long> timestampAt,
      Map<PartitionKey, Long> latest,
      Map<PartitionKey, Long> tailStart)
      throws CollectException;

  @Override
  void close();
}
