package io.mirrorwatch.reconciler.config;

import io.mirrorwatch.common.cluster.ClusterConfig;
import io.mirrorwatch.common.cluster.ClusterReader;
import io.mirrorwatch.common.config.ConfigNode;
import io.mirrorwatch.common.eventid.EventIdLocation;
import io.mirrorwatch.common.eventid.EventIdReader;
import io.mirrorwatch.common.replication.Replication;
import io.mirrorwatch.common.replication.ReplicationReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.connect.mirror.ReplicationPolicy;

/** Walks the YAML tree section by section; every problem goes to the node's key path. */
final class SpecReader {
  private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

  private SpecReader() {}

  static ReconcileConfig read(ConfigNode root, WindowOverrides overrides) {
    root.expectMap(
        "clusters",
        "replication",
        "eventId",
        "streams",
        "downstream",
        "aggregates",
        "groups",
        "window",
        "parallelism",
        "deadline");
    ConfigNode clusters = root.get("clusters");
    if (clusters.isAbsent()) {
      clusters.problem("required: the primary and dr clusters");
    }
    clusters.expectMap("primary", "dr");
    ClusterConfig primary = cluster("primary", clusters.get("primary"));
    ClusterConfig dr = cluster("dr", clusters.get("dr"));
    if (!clusters.isAbsent() && primary.alias().equals(dr.alias())) {
      clusters
          .get("dr")
          .get("alias")
          .problem("must differ from the primary's alias '" + primary.alias() + "'");
    }
    ConfigNode replicationNode = root.get("replication");
    replicationNode.expectMap("policy", "separator");
    Replication replication =
        ReplicationReader.read(
            replicationNode.get("policy"),
            replicationNode.get("separator"),
            List.of(primary.alias(), dr.alias()));
    ReplicationPolicy policy = replication.byName();
    Optional<EventIdLocation> defaultId =
        root.get("eventId").isAbsent() ? Optional.empty() : EventIdReader.read(root.get("eventId"));
    List<StreamSpec> streams = streams(root.get("streams"), defaultId, policy);
    List<DownstreamSpec> downstream =
        downstream(root.get("downstream"), defaultId, streams, policy, primary, dr);
    Optional<AggregatesSpec> aggregates = aggregates(root.get("aggregates"));
    List<String> groups = groups(root.get("groups"));
    Window window = WindowReader.read(root.get("window"), overrides);
    Optional<Integer> parallelism = root.get("parallelism").optionalInteger(1);
    Duration deadline =
        root.get("deadline")
            .positiveDuration(ReconcileConfig.DEFAULT_DEADLINE)
            .orElse(ReconcileConfig.DEFAULT_DEADLINE);
    return new ReconcileConfig(
        primary,
        dr,
        replication,
        streams,
        downstream,
        aggregates,
        groups,
        window,
        parallelism,
        deadline);
  }

  /** The cluster in role {@code role}; its alias defaults to the role's name. */
  private static ClusterConfig cluster(String role, ConfigNode node) {
    if (node.isAbsent()) {
      node.problem("required");
      return new ClusterConfig(role, "", Map.of());
    }
    ConfigNode aliasNode = node.get("alias");
    String alias = aliasNode.optionalText().orElse(role);
    return ClusterReader.read(alias, aliasNode, node, "alias");
  }

  /** A stream's own {@code eventId}; required where no top-level one is set. */
  static Optional<EventIdLocation> eventId(ConfigNode node) {
    if (node.isAbsent()) {
      node.problem("required (or set eventId at the top level)");
      return Optional.empty();
    }
    return EventIdReader.read(node);
  }

  private static List<StreamSpec> streams(
      ConfigNode node, Optional<EventIdLocation> defaultId, ReplicationPolicy policy) {
    if (node.isAbsent()) {
      node.problem("required: at least one logical stream, e.g. [orders]");
    }
    List<StreamSpec> streams = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    List<ConfigNode> elements = node.elements();
    for (ConfigNode e : elements) {
      ConfigNode nameNode = e.isText() ? e : e.get("name");
      if (!e.isText()) {
        e.expectMap("name", "eventId");
      }
      Optional<String> name = nameNode.requiredText().flatMap(n -> topicName(nameNode, n));
      Optional<EventIdLocation> id =
          e.isText() || e.get("eventId").isAbsent()
              ? defaultId.or(() -> eventId(e.get("eventId")))
              : eventId(e.get("eventId"));
      name.ifPresent(
          n -> {
            if (policy.topicSource(n) != null) {
              nameNode.problem(
                  "'"
                      + n
                      + "' is a replica's name under this replication policy: name the"
                      + " topic producers write to ("
                      + policy.upstreamTopic(n)
                      + ")");
            } else if (policy.isInternalTopic(n)) {
              nameNode.problem("'" + n + "' is an internal topic");
            } else if (seen.contains(n)) {
              nameNode.problem("stream '" + n + "' listed twice");
            }
            seen.add(n);
          });
      if (name.isPresent() && id.isPresent()) {
        streams.add(new StreamSpec(name.get(), id.get()));
      }
    }
    if (node.isList() && elements.isEmpty()) {
      node.problem("at least one stream is required");
    }
    return streams;
  }

  private static List<DownstreamSpec> downstream(
      ConfigNode node,
      Optional<EventIdLocation> defaultId,
      List<StreamSpec> streams,
      ReplicationPolicy policy,
      ClusterConfig primary,
      ClusterConfig dr) {
    List<String> sourceTopics = new ArrayList<>();
    for (StreamSpec s : streams) {
      sourceTopics.add(s.name());
      sourceTopics.add(policy.formatRemoteTopic(primary.alias(), s.name()));
      sourceTopics.add(policy.formatRemoteTopic(dr.alias(), s.name()));
    }
    List<DownstreamSpec> result = new ArrayList<>();
    for (ConfigNode e : node.elements()) {
      ConfigNode topicNode = e.isText() ? e : e.get("topic");
      if (!e.isText()) {
        e.expectMap("topic", "eventId");
      }
      Optional<String> topic = topicNode.requiredText().flatMap(t -> topicName(topicNode, t));
      Optional<EventIdLocation> id =
          e.isText() || e.get("eventId").isAbsent()
              ? defaultId.or(() -> eventId(e.get("eventId")))
              : eventId(e.get("eventId"));
      topic
          .filter(sourceTopics::contains)
          .ifPresent(
              t ->
                  topicNode.problem(
                      "'"
                          + t
                          + "' is a topic of a stream: a downstream topic must be another one"));
      topic
          .filter(t -> result.stream().anyMatch(d -> d.topic().equals(t)))
          .ifPresent(t -> topicNode.problem("downstream topic '" + t + "' listed twice"));
      if (topic.isPresent() && id.isPresent()) {
        result.add(new DownstreamSpec(topic.get(), id.get()));
      }
    }
    return result;
  }

  private static Optional<String> topicName(ConfigNode node, String name) {
    if (!TOPIC.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      node.problem("not a valid topic name: '" + name + "'");
      return Optional.empty();
    }
    return Optional.of(name);
  }

  private static Optional<AggregatesSpec> aggregates(ConfigNode node) {
    if (node.isAbsent() || !node.expectMap("bucket", "amount", "groupBy")) {
      return Optional.empty();
    }
    Optional<Duration> bucket = node.get("bucket").positiveDuration(AggregatesSpec.DEFAULT_BUCKET);
    Optional<String> amount =
        node.get("amount")
            .requiredText()
            .flatMap(p -> EventIdReader.jsonPointer(node.get("amount"), p));
    ConfigNode groupByNode = node.get("groupBy");
    Optional<String> groupBy =
        groupByNode.optionalText().flatMap(p -> EventIdReader.jsonPointer(groupByNode, p));
    if (bucket.isEmpty() || amount.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new AggregatesSpec(bucket.get(), amount.get(), groupBy));
  }

  private static List<String> groups(ConfigNode node) {
    List<String> groups = new ArrayList<>();
    for (ConfigNode e : node.elements()) {
      e.requiredText()
          .ifPresent(
              g -> {
                if (groups.contains(g)) {
                  e.problem("group '" + g + "' listed twice");
                }
                groups.add(g);
              });
    }
    return groups;
  }
}
