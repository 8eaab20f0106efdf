package io.mirrorwatch.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * The limit: the least any tool must ask to know committed offsets and log ends of the estate. Per
 * cluster one {@code listConsumerGroupOffsets} for all groups (the multi-group form) and one {@code
 * listOffsets} (latest) for all partitions, the four requests issued at once on warm Admin clients;
 * group and partition lists are known in advance (no listing, no describe).
 */
final class MinimalCycle implements AutoCloseable {
  private final List<Side> sides = new ArrayList<>();

  private record Side(
      Admin admin,
      Map<String, ListConsumerGroupOffsetsSpec> groups,
      Map<TopicPartition, OffsetSpec> partitions) {}

  MinimalCycle(String primaryBootstrap, String drBootstrap, Estate estate) {
    Map<String, ListConsumerGroupOffsetsSpec> groups = new HashMap<>();
    estate.groups().forEach(g -> groups.put(g, new ListConsumerGroupOffsetsSpec()));
    sides.add(new Side(admin(primaryBootstrap), groups, latest(estate.partitions(false))));
    sides.add(new Side(admin(drBootstrap), groups, latest(estate.partitions(true))));
  }

  static Admin admin(String bootstrap) {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
  }

  private static Map<TopicPartition, OffsetSpec> latest(List<TopicPartition> partitions) {
    Map<TopicPartition, OffsetSpec> m = new HashMap<>();
    partitions.forEach(tp -> m.put(tp, OffsetSpec.latest()));
    return m;
  }

  /** One cycle, in seconds; checks that every group and partition was answered. */
  double timedCycle() {
    long start = System.nanoTime();
    List<KafkaFuture<Map<String, Map<TopicPartition, OffsetAndMetadata>>>> committed =
        new ArrayList<>();
    List<KafkaFuture<Map<TopicPartition, ListOffsetsResultInfo>>> ends = new ArrayList<>();
    for (Side s : sides) {
      committed.add(s.admin().listConsumerGroupOffsets(s.groups()).all());
      ends.add(s.admin().listOffsets(s.partitions()).all());
    }
    for (int i = 0; i < sides.size(); i++) {
      Map<String, Map<TopicPartition, OffsetAndMetadata>> c =
          Estate.await(committed.get(i), "listConsumerGroupOffsets");
      Map<TopicPartition, ListOffsetsResultInfo> e = Estate.await(ends.get(i), "listOffsets");
      if (c.size() != sides.get(i).groups().size()
          || e.size() != sides.get(i).partitions().size()) {
        throw new IllegalStateException(
            "minimal cycle: " + c.size() + " groups, " + e.size() + " partitions answered");
      }
    }
    return Stats.seconds(System.nanoTime() - start);
  }

  @Override
  public void close() {
    sides.forEach(s -> s.admin().close());
  }
}
