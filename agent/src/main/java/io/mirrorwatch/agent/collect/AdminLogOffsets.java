package io.mirrorwatch.agent.collect;

import io.mirrorwatch.agent.model.PartitionKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** {@link LogOffsets} over a Kafka Admin client: one {@code listOffsets} call per {@link #list}. */
final class AdminLogOffsets implements LogOffsets {
  private final String alias;
  private final Admin admin;
  private final Duration deadline;

  AdminLogOffsets(String alias, Admin admin, Duration deadline) {
    this.alias = alias;
    this.admin = admin;
    this.deadline = deadline;
  }

  @Override
  public Map<PartitionKey, Found> list(String what, Map<PartitionKey, Query> queries)
      throws CollectException {
    if (queries.isEmpty()) {
      return Map.of();
    }
    Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
    Map<TopicPartition, PartitionKey> keys = new HashMap<>();
    queries.forEach(
        (k, q) -> {
          TopicPartition tp = new TopicPartition(k.topic(), k.partition());
          specs.put(tp, spec(q));
          keys.put(tp, k);
        });
    Map<TopicPartition, ListOffsetsResultInfo> answers =
        Deadlines.get(alias + " " + what, deadline, admin.listOffsets(specs).all());
    Map<PartitionKey, Found> found = new HashMap<>();
    answers.forEach(
        (tp, info) -> {
          // Kafka answers -1 where no record matches (an empty log's max timestamp, nothing at or
          // after the time); log start and end have no timestamp (-1 as well).
          if (info.offset() >= 0) {
            OptionalLong ts =
                info.timestamp() >= 0 ? OptionalLong.of(info.timestamp()) : OptionalLong.empty();
            found.put(keys.get(tp), new Found(info.offset(), ts));
          }
        });
    return found;
  }

  private static OffsetSpec spec(Query q) {
    if (q instanceof AtTimestamp t) {
      return OffsetSpec.forTimestamp(t.timestamp());
    }
    return switch ((Kind) q) {
      case EARLIEST -> OffsetSpec.earliest();
      case LATEST -> OffsetSpec.latest();
      case MAX_TIMESTAMP -> OffsetSpec.maxTimestamp();
    };
  }
}
