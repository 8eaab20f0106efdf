package io.mirrorwatch.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Where the agent's cycle goes: each kind of request the agent's collectors make, over the whole
 * estate, timed alone on a warm client (medians). Mirrors {@code
 * ClusterCollector.topics/groups/collect}, {@code ClusterCollector.offsetsForTimes} and the
 * metadata request of {@code TopicTail}; if those change, change this list. The agent sends {@code
 * listOffsets latest} every cycle; earliest (source topics only), maxTimestamp (replicas only) and
 * forTimestamp over every partition only when nothing is known (a new Pipeline), otherwise for the
 * partitions whose answers cannot be reused ({@code OffsetReuse}): these rows are the price of
 * asking every partition.
 */
final class CallBreakdown {
  private CallBreakdown() {}

  static Map<String, Stats> measure(
      String bootstrap,
      List<TopicPartition> partitions,
      List<String> groups,
      Map<TopicPartition, Long> timestamps,
      int reps) {
    Map<String, Supplier<Object>> calls = new LinkedHashMap<>();
    Set<String> topics = new HashSet<>();
    partitions.forEach(tp -> topics.add(tp.topic()));
    Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
    groups.forEach(g -> specs.put(g, new ListConsumerGroupOffsetsSpec()));
    Map<String, Stats> result = new LinkedHashMap<>();
    try (Admin admin = MinimalCycle.admin(bootstrap);
        KafkaConsumer<byte[], byte[]> consumer =
            new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
      calls.put(
          "listTopics",
          () -> get(admin.listTopics(new ListTopicsOptions().listInternal(false)).names()));
      calls.put("listGroups", () -> get(admin.listGroups().all()));
      calls.put("describeTopics", () -> get(admin.describeTopics(topics).allTopicNames()));
      calls.put(
          "listOffsets earliest",
          () -> get(admin.listOffsets(specs(partitions, OffsetSpec.earliest())).all()));
      calls.put(
          "listOffsets latest",
          () -> get(admin.listOffsets(specs(partitions, OffsetSpec.latest())).all()));
      calls.put(
          "listOffsets maxTimestamp",
          () -> get(admin.listOffsets(specs(partitions, OffsetSpec.maxTimestamp())).all()));
      calls.put(
          "listConsumerGroupOffsets (all groups)",
          () -> get(admin.listConsumerGroupOffsets(specs).all()));
      calls.put(
          "describeConsumerGroups (all groups)",
          () -> get(admin.describeConsumerGroups(groups).all()));
      if (!timestamps.isEmpty()) {
        Map<TopicPartition, OffsetSpec> forTimes = new HashMap<>();
        timestamps.forEach((tp, ts) -> forTimes.put(tp, OffsetSpec.forTimestamp(ts)));
        calls.put(
            "listOffsets forTimestamp (offsetsForTimes)",
            () -> get(admin.listOffsets(forTimes).all()));
      }
      calls.put(
          "consumer listTopics (TopicTail metadata)",
          () -> consumer.listTopics(Duration.ofSeconds(30)));
      for (Map.Entry<String, Supplier<Object>> c : calls.entrySet()) {
        var unused = c.getValue().get(); // warm
        List<Double> took = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
          long start = System.nanoTime();
          unused = c.getValue().get();
          took.add(Stats.seconds(System.nanoTime() - start));
        }
        result.put(c.getKey(), Stats.of(took));
      }
    }
    return result;
  }

  /** Newest timestamp of each partition, for the offsetsForTimes request the agent makes. */
  static Map<TopicPartition, Long> newestTimestamps(
      String bootstrap, List<TopicPartition> partitions) {
    try (Admin admin = MinimalCycle.admin(bootstrap)) {
      Map<TopicPartition, ListOffsetsResultInfo> newest =
          get(admin.listOffsets(specs(partitions, OffsetSpec.maxTimestamp())).all());
      Map<TopicPartition, Long> ts = new HashMap<>();
      newest.forEach(
          (tp, info) -> {
            if (info.timestamp() >= 0) {
              ts.put(tp, info.timestamp());
            }
          });
      return ts;
    }
  }

  private static Map<TopicPartition, OffsetSpec> specs(
      List<TopicPartition> partitions, OffsetSpec spec) {
    Map<TopicPartition, OffsetSpec> m = new HashMap<>();
    partitions.forEach(tp -> m.put(tp, spec));
    return m;
  }

  private static <T> T get(KafkaFuture<T> f) {
    return Estate.await(f, "breakdown call");
  }
}
