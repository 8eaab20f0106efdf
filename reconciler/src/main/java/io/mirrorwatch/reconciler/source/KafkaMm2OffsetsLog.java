package io.mirrorwatch.reconciler.source;

import io.mirrorwatch.common.cluster.ClusterConfig;
import io.mirrorwatch.common.mm2.Mm2OffsetRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Mm2OffsetsLog} over {@link TopicScan}: assigned partitions (no group, nothing committed),
 * read from the beginning to the end offsets of the moment it starts, within the deadline. The
 * topic is small (one record per partition per flush, compacted), so it is read on the client.
 */
public final class KafkaMm2OffsetsLog implements Mm2OffsetsLog {
  @Override
  public List<Optional<Mm2OffsetRecord>> read(
      ClusterConfig cluster, String topic, Duration deadline) {
    List<Optional<Mm2OffsetRecord>> out = new ArrayList<>();
    TopicScan.scan(
        cluster,
        topic,
        deadline,
        r -> out.add(Mm2OffsetRecord.decode(r.key(), r.value(), r.timestamp())));
    return out;
  }
}
