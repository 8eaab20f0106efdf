package io.mirrorwatch.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.lab.cluster.TopicReader;
import io.mirrorwatch.lab.mm2.OffsetTranslation;
import io.mirrorwatch.lab.poll.Poll;
import io.mirrorwatch.lab.workload.Orders;
import io.mirrorwatch.lab.workload.ProducedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.mirror.Checkpoint;
import org.apache.kafka.connect.mirror.Heartbeat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Steady-state replication in the lab with the default replication policy (tests 1 to 3). */
@ExtendWith(LabExtension.class)
class ReplicationIT {
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @Test
  void ordersProducedOnPrimaryAppearOnDrWithSameValuesTimestampsAndEventIds(Lab lab) {
    List<ProducedEvent> produced = lab.producer().produce(100);
    Map<String, ConsumerRecord<byte[], byte[]>> onPrimary =
        byEventId(lab, lab.primary(), Orders.TOPIC);
    String replica = lab.replicaTopic(Lab.PRIMARY, Orders.TOPIC);
    assertThat(replica).isEqualTo("primary.orders");

    Map<String, ConsumerRecord<byte[], byte[]>> onDr =
        Poll.until(
            "100 orders on " + replica,
            DEADLINE,
            () -> {
              var read = byEventId(lab, lab.dr(), replica);
              return produced.stream().allMatch(e -> read.containsKey(e.eventId()))
                  ? java.util.Optional.of(read)
                  : java.util.Optional.empty();
            });

    for (ProducedEvent e : produced) {
      ConsumerRecord<byte[], byte[]> source = onPrimary.get(e.eventId());
      ConsumerRecord<byte[], byte[]> copy = onDr.get(e.eventId());
      assertThat(copy.value()).isEqualTo(source.value());
      assertThat(copy.key()).isEqualTo(source.key());
      assertThat(copy.timestamp()).isEqualTo(e.timestamp());
      assertThat(copy.partition()).isEqualTo(e.partition());
    }
  }

  @Test
  void groupCheckpointsAppearAndOffsetsAreSyncedToDrWhileTheGroupIsInactiveThere(Lab lab) {
    lab.startProcessor(lab.primary());
    lab.producer().produce(200);
    Map<TopicPartition, Long> end = endOffsets(lab);
    Poll.until(
        "order-processor to commit every order on primary",
        DEADLINE,
        () ->
            OffsetTranslation.committed(lab.primary(), Orders.GROUP).entrySet().stream()
                .filter(e -> e.getKey().topic().equals(Orders.TOPIC))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))
                .equals(end));
    lab.processor().stop();

    Poll.until(
        "checkpoints of order-processor to carry its last commit",
        DEADLINE,
        () ->
            OffsetTranslation.checkpointsCurrent(
                lab.primary(), lab.dr(), Orders.GROUP, lab.policy()));
    Map<TopicPartition, Checkpoint> checkpoints =
        OffsetTranslation.latestCheckpoints(lab.dr(), Lab.PRIMARY, Orders.GROUP, lab.policy());
    assertThat(checkpoints.keySet()).allMatch(tp -> tp.topic().equals("primary.orders"));
    assertThat(checkpoints).hasSize(end.size());

    // MM2 syncs the translated offsets into dr's group while the group is inactive there.
    Map<TopicPartition, OffsetAndMetadata> translated =
        OffsetTranslation.translate(lab.primary(), lab.dr(), Orders.GROUP, lab.policy());
    assertThat(translated).isNotEmpty();
    Poll.until(
        "dr's committed offsets of order-processor to equal RemoteClusterUtils' translation",
        DEADLINE,
        () -> {
          Map<TopicPartition, Long> expected = new HashMap<>();
          OffsetTranslation.translate(lab.primary(), lab.dr(), Orders.GROUP, lab.policy())
              .forEach((tp, om) -> expected.put(tp, om.offset()));
          return OffsetTranslation.committed(lab.dr(), Orders.GROUP).equals(expected);
        });
    Map<TopicPartition, Long> onDr = OffsetTranslation.committed(lab.dr(), Orders.GROUP);
    assertThat(onDr.values()).allMatch(offset -> offset > 0);
    checkpoints.forEach((tp, c) -> assertThat(onDr.get(tp)).isEqualTo(c.downstreamOffset()));
  }

  @Test
  void heartbeatsArriveOnDrAndMirrorMakerMBeansAreReadableOverRemoteJmx(Lab lab) throws Exception {
    List<Heartbeat> heartbeats =
        Poll.until(
            "MM2 heartbeats on dr",
            DEADLINE,
            () -> {
              List<Heartbeat> hs =
                  TopicReader.readAll(lab.dr(), "heartbeats", Duration.ofSeconds(10)).stream()
                      .map(Heartbeat::deserializeRecord)
                      .toList();
              return hs.size() >= 2 ? java.util.Optional.of(hs) : java.util.Optional.empty();
            });
    assertThat(heartbeats)
        .allMatch(
            h ->
                h.sourceClusterAlias().equals(Lab.PRIMARY)
                    && h.targetClusterAlias().equals(Lab.DR));

    lab.producer().produce(10);
    Set<ObjectName> names =
        Poll.until(
            "MirrorSourceConnector partition MBeans over remote JMX",
            DEADLINE,
            () -> {
              try {
                Set<ObjectName> found =
                    lab.mirrorMaker().jmxNames("kafka.connect.mirror:type=MirrorSourceConnector,*");
                return found.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(found);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    ObjectName partition = names.iterator().next();
    assertThat(partition.getKeyProperty("topic")).isEqualTo("primary.orders");
    assertThat(partition.getKeyProperty("source")).isEqualTo(Lab.PRIMARY);
    assertThat(partition.getKeyProperty("target")).isEqualTo(Lab.DR);
    assertThat(lab.mirrorMaker().jmxAttribute(partition, "replication-latency-ms"))
        .isInstanceOf(Number.class);
    assertThat(
            lab.mirrorMaker()
                .jmxAttribute(
                    new ObjectName(
                        "kafka.connect:type=connector-metrics,connector=MirrorCheckpointConnector"),
                    "status"))
        .isEqualTo("running");
  }

  private static Map<TopicPartition, Long> endOffsets(Lab lab) {
    Map<TopicPartition, Long> end = new HashMap<>();
    for (ProducedEvent e : lab.truth().produced()) {
      if (e.cluster().equals(Lab.PRIMARY)) {
        end.merge(new TopicPartition(e.topic(), e.partition()), e.offset() + 1, Math::max);
      }
    }
    return end;
  }

  static Map<String, ConsumerRecord<byte[], byte[]>> byEventId(
      Lab lab, io.mirrorwatch.lab.cluster.KafkaCluster cluster, String topic) {
    Map<String, ConsumerRecord<byte[], byte[]>> map = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(cluster, topic, DEADLINE)) {
      var h = r.headers().lastHeader(Orders.EVENT_ID_HEADER);
      if (h != null) {
        map.put(new String(h.value(), StandardCharsets.UTF_8), r);
      }
    }
    return map;
  }
}
