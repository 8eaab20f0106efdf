package io.mirrorwatch.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether {@code ClusterCollector.collect} would gain from sending its requests (describeTopics,
 * listOffsets earliest/latest/maxTimestamp, listConsumerGroupOffsets, describeConsumerGroups) all at
 * once instead of awaiting each before the next, as it does. Both patterns run side by side on the
 * same estate, both clusters at once as the Pipeline runs them, alternating run by run. On the
 * 2-core lab they tie (the cycle is CPU-bound, not round-trip-bound) while sending all at once
 * holds every response in memory together, so the collector stays sequential; see README.md.
 */
final class CollectAB {
  private CollectAB() {}

  /** One cluster's side: its admin, the topics and groups the agent collects there. */
  record Side(Admin admin, Set<String> topics, List<String> groups) {}

  /** Medians of {@code reps} runs of each pattern: "sequential" and "concurrent". */
  static Map<String, Stats> measure(List<Side> sides, int reps) {
    run(sides, false);
    run(sides, true);
    List<Double> sequential = new ArrayList<>();
    List<Double> concurrent = new ArrayList<>();
    for (int i = 0; i < reps; i++) {
      sequential.add(run(sides, false));
      concurrent.add(run(sides, true));
    }
    return Map.of("sequential", Stats.of(sequential), "concurrent", Stats.of(concurrent));
  }

  private static double run(List<Side> sides, boolean concurrent) {
    long start = System.nanoTime();
    CompletableFuture.allOf(sides.stream()
        .map(s -> CompletableFuture.runAsync(() -> collect(s, concurrent)))
        .toArray(CompletableFuture[]::new)).join();
    return Stats.seconds(System.nanoTime() - start);
  }

  private static void collect(Side s, boolean concurrent) {
    Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
    s.groups().forEach(g -> specs.put(g, new ListConsumerGroupOffsetsSpec()));
    List<KafkaFuture<?>> pending = new ArrayList<>();
    if (concurrent) {
      pending.add(s.admin().listConsumerGroupOffsets(specs).all());
      pending.add(s.admin().describeConsumerGroups(s.groups()).all());
    }
    List<TopicPartition> partitions = new ArrayList<>();
    Estate.await(s.admin().describeTopics(s.topics()).allTopicNames(), "describeTopics").values()
        .forEach(d -> d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
    for (OffsetSpec spec : List.of(OffsetSpec.earliest(), OffsetSpec.latest(), OffsetSpec.maxTimestamp())) {
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      partitions.forEach(tp -> request.put(tp, spec));
      KafkaFuture<?> f = s.admin().listOffsets(request).all();
      if (concurrent) {
        pending.add(f);
      } else {
        Estate.await(f, "listOffsets");
      }
    }
    if (!concurrent) {
      Estate.await(s.admin().listConsumerGroupOffsets(specs).all(), "listConsumerGroupOffsets");
      Estate.await(s.admin().describeConsumerGroups(s.groups()).all(), "describeConsumerGroups");
    }
    pending.forEach(f -> Estate.await(f, "collect request"));
  }

  static Set<String> topicsOf(List<TopicPartition> partitions) {
    Set<String> topics = new HashSet<>();
    partitions.forEach(tp -> topics.add(tp.topic()));
    return topics;
  }
}
