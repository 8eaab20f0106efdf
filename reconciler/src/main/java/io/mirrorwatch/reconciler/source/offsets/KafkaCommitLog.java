package io.mirrorwatch.reconciler.source.offsets;

import io.mirrorwatch.common.cluster.ClusterConfig;
import io.mirrorwatch.reconciler.source.TopicScan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link CommitLog} over a plain consumer ({@link TopicScan}): every partition of {@code
 * __consumer_offsets}, from the beginning to the end at the start, decoded with {@link
 * GroupRecordDecoder}.
 */
public final class KafkaCommitLog implements CommitLog {
  @Override
  public CommitHistory read(ClusterConfig cluster, Set<String> groups, Duration deadline) {
    GroupRecordDecoder decoder = new GroupRecordDecoder(groups);
    Map<String, List<GroupRecord>> byGroup = new LinkedHashMap<>();
    groups.stream().sorted().forEach(g -> byGroup.put(g, new ArrayList<>()));
    List<GroupRecordDecoder.Result.Undecodable> examples = new ArrayList<>();
    long[] counts = new long[2]; // read, undecodable
    TopicScan.scan(
        cluster,
        LogPosition.TOPIC,
        deadline,
        r -> {
          counts[0]++;
          LogPosition at =
              new LogPosition(cluster.alias(), r.partition(), r.offset(), r.timestamp());
          GroupRecordDecoder.Result result = decoder.decode(at, r.key(), r.value());
          if (result instanceof GroupRecordDecoder.Result.Kept k) {
            byGroup.get(k.record().group()).add(k.record());
          } else if (result instanceof GroupRecordDecoder.Result.Undecodable u) {
            counts[1]++;
            if (examples.size() < CommitHistory.EXAMPLES) {
              examples.add(u);
            }
          }
        });
    return new CommitHistory(cluster.alias(), byGroup, counts[0], counts[1], examples);
  }
}
