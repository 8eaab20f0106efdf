package io.mirrorwatch.reconciler.source;

import io.mirrorwatch.common.cluster.ClusterConfig;
import io.mirrorwatch.common.eventid.EventIdLocation;
import io.mirrorwatch.reconciler.config.Window;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * One bounded {@link KafkaSource} per cluster and role, from the first offset at or after the
 * window's start to the first at or after its end (downstream topics: the extended end), found with
 * {@code offsetsForTimes}; a bound in the future means the end of the partition when the job
 * starts.
 *
 * <p>Only topics known to exist are read ({@code missing} comes from the CLI's {@link TopicCatalog}
 * check), and a cluster and role with none gets no source at all: a bounded {@code KafkaSource}
 * whose subscription matches no partition never finishes (flink-connector-kafka 5.0.0-2.2: the
 * enumerator returns early on an empty discovery and never signals "no more splits"; see
 * FLINK-31006 / apache/flink-connector-kafka#318). Topics are subscribed by an exact-name pattern,
 * so a topic deleted after that check yields nothing instead of failing the job. Nothing is
 * committed and no group is joined: the clusters are not modified.
 */
public final class KafkaRecordSource implements RecordSource {
  private final List<ClusterConfig> clusters;
  private final TopicPlan plan;
  private final Window window;
  private final Set<String> missing;

  /**
   * @param missing labels ({@link PhysicalTopic#label()}) of planned topics that do not exist
   */
  public KafkaRecordSource(
      List<ClusterConfig> clusters, TopicPlan plan, Window window, Set<String> missing) {
    this.clusters = List.copyOf(clusters);
    this.plan = plan;
    this.window = window;
    this.missing = Set.copyOf(missing);
  }

  /** The topics each Kafka source reads, per cluster and role; no entry where none exists. */
  Map<ClusterConfig, Map<Role, List<PhysicalTopic>>> readable() {
    Map<ClusterConfig, Map<Role, List<PhysicalTopic>>> readable = new LinkedHashMap<>();
    for (ClusterConfig cluster : clusters) {
      for (Role role : Role.values()) {
        List<PhysicalTopic> topics =
            plan.on(cluster.alias(), role).stream()
                .filter(t -> !missing.contains(t.label()))
                .toList();
        if (!topics.isEmpty()) {
          readable.computeIfAbsent(cluster, c -> new EnumMap<>(Role.class)).put(role, topics);
        }
      }
    }
    return readable;
  }

  /**
   * How many Kafka sources {@link #open} creates: one per cluster and role with a topic to read.
   */
  public int sources() {
    return Math.max(1, readable().values().stream().mapToInt(Map::size).sum());
  }

  @Override
  public List<DataStream<RawRecord>> open(StreamExecutionEnvironment env) {
    List<DataStream<RawRecord>> streams = new ArrayList<>();
    readable()
        .forEach(
            (cluster, byRole) ->
                byRole.forEach(
                    (role, topics) -> {
                      long end =
                          (role == Role.SOURCE ? window.to() : window.downstreamTo())
                              .toEpochMilli();
                      String name =
                          role.name().toLowerCase(Locale.ROOT)
                              + " topics on "
                              + cluster.alias()
                              + ": "
                              + topics.stream()
                                  .map(PhysicalTopic::topic)
                                  .collect(Collectors.joining(", "));
                      streams.add(
                          env.fromSource(
                              source(cluster, role, topics, end),
                              WatermarkStrategy.noWatermarks(),
                              name));
                    }));
    if (streams.isEmpty()) {
      return List.of(
          env.fromData(List.of(), TypeInformation.of(RawRecord.class)).name("no topics exist"));
    }
    return streams;
  }

  private KafkaSource<RawRecord> source(
      ClusterConfig cluster, Role role, List<PhysicalTopic> topics, long endMs) {
    Map<String, String> headers = new HashMap<>();
    for (PhysicalTopic t : topics) {
      if (t.eventId() instanceof EventIdLocation.Header h) {
        headers.put(t.topic(), h.name());
      }
    }
    Pattern exact =
        Pattern.compile(
            topics.stream().map(t -> Pattern.quote(t.topic())).collect(Collectors.joining("|")));
    Properties props = new Properties();
    // Aborted transactions are not events; a user setting wins.
    props.setProperty("isolation.level", "read_committed");
    props.putAll(cluster.clientProperties());
    props.setProperty("commit.offsets.on.checkpoint", "false");
    props.setProperty("enable.auto.commit", "false");
    return KafkaSource.<RawRecord>builder()
        .setProperties(props)
        .setBootstrapServers(cluster.bootstrapServers())
        .setTopicPattern(exact)
        .setStartingOffsets(OffsetsInitializer.timestamp(window.from().toEpochMilli()))
        .setBounded(OffsetsInitializer.timestamp(endMs))
        .setDeserializer(new RawRecordDeserializer(cluster.alias(), headers))
        .setClientIdPrefix(
            "mirrorwatch-reconciler-"
                + cluster.alias()
                + "-"
                + role.name().toLowerCase(Locale.ROOT))
        .build();
  }
}
