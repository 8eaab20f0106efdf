package io.mirrorwatch.agent.collect;

import io.mirrorwatch.agent.model.Mm2State;

/**
 * What MM2 wrote on a flow's target (Connect offsets, checkpoints, heartbeats); {@link
 * Mm2StateCollector} reads it with a Kafka consumer.
 *
 * <p>Contract: {@link #collect} returns within the configured deadline the state as of everything
 * read so far, or throws {@link CollectException}; never null.
 */
public interface Mm2StateSource extends AutoCloseable {
  Mm2State collect() throws CollectException;

  @Override
  void close();
}
