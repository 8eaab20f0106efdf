package io.mirrorwatch.reconciler.source;

import io.mirrorwatch.common.cluster.ClusterConfig;
import io.mirrorwatch.common.mm2.Mm2OffsetRecord;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads MirrorMaker 2's Connect offsets topic, the one other Kafka input the CLI reads before the
 * job. Contract: every record from the start of each partition up to the end offsets taken when the
 * call starts, in offset order per partition, decoded with {@link Mm2OffsetRecord#decode} (empty
 * for a record that is not the source connector's), within {@code deadline}.
 */
public interface Mm2OffsetsLog {
  /**
   * @throws IllegalStateException if the cluster does not answer in time
   */
  List<Optional<Mm2OffsetRecord>> read(ClusterConfig cluster, String topic, Duration deadline);
}
