package io.mirrorwatch.reconciler.source.offsets;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.common.cluster.ClusterConfig;
import io.mirrorwatch.lab.Lab;
import io.mirrorwatch.lab.LabExtension;
import io.mirrorwatch.lab.cluster.KafkaCluster;
import io.mirrorwatch.lab.poll.Poll;
import io.mirrorwatch.lab.workload.Orders;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Commits written by a real broker (a consumer's commitSync, Admin's alter and delete), read back
 * through {@link KafkaCommitLog}: the group coordinator's own classes decode them, in log order,
 * with the membership records that tell when consumers joined.
 */
@ExtendWith(LabExtension.class)
class CommitLogIT {
  static final Duration BOUND = Duration.ofSeconds(60);

  @Test
  void readsBackEveryCommitOfTheGroupInLogOrderWithItsMembership(Lab lab) throws Exception {
    KafkaCluster primary = lab.primary();
    TopicPartition p0 = new TopicPartition(Orders.TOPIC, 0);
    TopicPartition p1 = new TopicPartition(Orders.TOPIC, 1);
    String classic = "commit-log-it-classic";
    String consumerProtocol = "commit-log-it-consumer";

    joinAndCommit(primary, classic, "classic", Map.of(p0, 3L));
    primary
        .admin()
        .alterConsumerGroupOffsets(classic, Map.of(p1, new OffsetAndMetadata(7)))
        .all()
        .get(30, TimeUnit.SECONDS);
    primary.admin().deleteConsumerGroupOffsets(classic, Set.of(p0)).all().get(30, TimeUnit.SECONDS);
    joinAndCommit(primary, consumerProtocol, "consumer", Map.of(p1, 5L));

    long start = System.nanoTime();
    CommitHistory h =
        new KafkaCommitLog()
            .read(spec(primary), Set.of(classic, consumerProtocol, "never-seen"), BOUND);
    System.out.printf(
        "read %d records of __consumer_offsets in %d ms%n",
        h.read(), (System.nanoTime() - start) / 1_000_000);

    assertThat(h.undecodable()).isZero();
    assertThat(h.of("never-seen")).isEmpty();
    // The coordinator may log the new group empty before its first member joins.
    assertThat(describe(h.of(classic)).dropWhile("members=0"::equals))
        .containsExactly(
            "members>0", "commit orders-0=3", "members=0", "commit orders-1=7", "deleted orders-0");
    assertThat(describe(h.of(consumerProtocol)))
        .containsExactly("joined", "commit orders-1=5", "left");
    assertThat(h.of(classic)).extracting(r -> r.at().cluster()).containsOnly(Lab.PRIMARY);
    // One partition of __consumer_offsets per group, offsets growing: the coordinator's order.
    assertThat(h.of(classic))
        .extracting(r -> r.at().partition())
        .containsOnly(h.of(classic).get(0).at().partition());
    assertThat(h.of(classic)).extracting(r -> r.at().offset()).isSorted();
  }

  /** Consecutive duplicates collapsed: a rebalance may log the same member count twice. */
  private static java.util.stream.Stream<String> describe(List<GroupRecord> records) {
    List<String> out = new java.util.ArrayList<>();
    for (GroupRecord r : records) {
      String s;
      if (r instanceof GroupRecord.Commit c) {
        s = "commit " + c.partition() + "=" + c.offset();
      } else if (r instanceof GroupRecord.CommitDeleted d) {
        s = "deleted " + d.partition();
      } else if (r instanceof GroupRecord.ClassicMembers m) {
        s = m.members() > 0 ? "members>0" : "members=0";
      } else {
        s = ((GroupRecord.Member) r).joined() ? "joined" : "left";
      }
      if (out.isEmpty() || !out.get(out.size() - 1).equals(s)) {
        out.add(s);
      }
    }
    return out.stream();
  }

  /** Joins {@code group} with one consumer, commits {@code offsets} synchronously, leaves. */
  private static void joinAndCommit(
      KafkaCluster cluster, String group, String protocol, Map<TopicPartition, Long> offsets) {
    Map<String, Object> props = new HashMap<>(cluster.clientProperties());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      c.subscribe(List.of(Orders.TOPIC));
      Poll.until(
          group + " to get its partitions",
          BOUND,
          () -> {
            c.poll(Duration.ofMillis(100));
            return !c.assignment().isEmpty();
          });
      Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
      offsets.forEach((tp, o) -> commit.put(tp, new OffsetAndMetadata(o)));
      c.commitSync(commit, Duration.ofSeconds(30));
    }
  }

  static ClusterConfig spec(KafkaCluster cluster) {
    return new ClusterConfig(cluster.alias(), cluster.bootstrapServers(), Map.of());
  }
}
