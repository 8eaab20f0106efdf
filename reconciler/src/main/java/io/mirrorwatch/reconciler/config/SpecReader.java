package io.mirrorwatch.reconciler.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.connect.mirror.ReplicationPolicy;

/** Walks the YAML tree section by section; every problem goes to the node's key path. */
final class SpecReader {
  static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[^\\s:,\\[\\]]+):(\\d{1,5})");
  private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

  private SpecReader() {}

  static ReconcileConfig read(YamlNode root, WindowOverrides overrides) {
    root.expectMap(
        "clusters", "replication", "eventId", "streams", "downstream", "aggregates", "groups",
        "window", "parallelism", "deadline");
    YamlNode clusters = root.get("clusters");
    if (clusters.isAbsent()) {
      clusters.problem("required: the primary and dr clusters");
    }
    clusters.expectMap("primary", "dr");
    ClusterSpec primary = cluster("primary", clusters.get("primary"));
    ClusterSpec dr = cluster("dr", clusters.get("dr"));
    if (!clusters.isAbsent() && primary.alias().equals(dr.alias())) {
      clusters.get("dr").get("alias").problem("must differ from the primary's alias '" + primary.alias() + "'");
    }
    Replication replication = replication(root.get("replication"), primary, dr);
    ReplicationPolicy policy = replication.newPolicy();
    Optional<EventIdSpec> defaultId = root.get("eventId").isAbsent()
        ? Optional.empty() : eventId(root.get("eventId"));
    List<StreamSpec> streams = streams(root.get("streams"), defaultId, policy);
    List<DownstreamSpec> downstream = downstream(root.get("downstream"), defaultId, streams, policy, primary, dr);
    Optional<AggregatesSpec> aggregates = aggregates(root.get("aggregates"));
    List<String> groups = groups(root.get("groups"));
    Window window = WindowReader.read(root.get("window"), overrides);
    Optional<Integer> parallelism = root.get("parallelism").optionalInt(1);
    Duration deadline = root.get("deadline").duration(ReconcileConfig.DEFAULT_DEADLINE, false)
        .orElse(ReconcileConfig.DEFAULT_DEADLINE);
    return new ReconcileConfig(
        primary, dr, replication, streams, downstream, aggregates, groups, window, parallelism, deadline);
  }

  private static ClusterSpec cluster(String role, YamlNode node) {
    if (node.isAbsent()) {
      node.problem("required");
      return new ClusterSpec(role, role, "", Map.of());
    }
    node.expectMap("alias", "bootstrap.servers", "properties");
    String alias = node.get("alias").optionalText().orElse(role);
    if (!ALIAS.matcher(alias).matches()) {
      node.get("alias").problem("invalid alias '" + alias + "': use only letters, digits, '_' and '-'");
    }
    YamlNode servers = node.get("bootstrap.servers");
    String bootstrap = servers.requiredText().orElse("");
    for (String entry : bootstrap.isEmpty() ? new String[0] : bootstrap.split(",", -1)) {
      var m = HOST_PORT.matcher(entry.trim());
      if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 65535) {
        servers.problem("not a host:port address: '" + entry.trim() + "'");
      }
    }
    Map<String, String> props = new LinkedHashMap<>();
    node.get("properties").entries().forEach((key, value) -> {
      if (key.equals("bootstrap.servers")) {
        value.problem("set " + node.path() + ".bootstrap.servers instead");
      }
      value.scalar().ifPresent(v -> props.put(key, v));
    });
    return new ClusterSpec(role, alias, bootstrap, props);
  }

  private static Replication replication(YamlNode node, ClusterSpec primary, ClusterSpec dr) {
    node.expectMap("policy", "separator");
    String name = node.get("policy").optionalText().orElse("default");
    Replication.Kind kind = switch (name) {
      case "default" -> Replication.Kind.DEFAULT;
      case "identity" -> Replication.Kind.IDENTITY;
      default -> {
        node.get("policy").problem("unknown policy '" + name + "' (known: default, identity)");
        yield Replication.Kind.DEFAULT;
      }
    };
    YamlNode sepNode = node.get("separator");
    String separator = sepNode.isAbsent() ? Replication.DEFAULT_SEPARATOR : sepNode.requiredText().orElse(".");
    if (!sepNode.isAbsent() && kind == Replication.Kind.IDENTITY) {
      sepNode.problem("only used with policy 'default' (identity keeps topic names)");
    }
    if (kind == Replication.Kind.DEFAULT) {
      for (ClusterSpec c : List.of(primary, dr)) {
        if (c.alias().contains(separator)) {
          sepNode.problem("separator '" + separator + "' occurs in the alias '" + c.alias()
              + "': remote topics could not be traced back to their cluster");
        }
      }
    }
    return new Replication(kind, separator);
  }

  static Optional<EventIdSpec> eventId(YamlNode node) {
    if (node.isAbsent()) {
      node.problem("required (or set eventId at the top level)");
      return Optional.empty();
    }
    if (!node.expectMap("from", "name", "pointer")) {
      return Optional.empty();
    }
    Optional<String> from = node.get("from").requiredText();
    if (from.isEmpty()) {
      return Optional.empty();
    }
    switch (from.get()) {
      case "header" -> {
        notAllowed(node, "pointer", "header");
        return node.get("name").requiredText().map(EventIdSpec.Header::new);
      }
      case "json" -> {
        notAllowed(node, "name", "json");
        return node.get("pointer").requiredText().flatMap(p -> pointer(node.get("pointer"), p))
            .map(EventIdSpec.JsonField::new);
      }
      case "key" -> {
        notAllowed(node, "name", "key");
        notAllowed(node, "pointer", "key");
        return Optional.of(new EventIdSpec.Key());
      }
      default -> {
        node.get("from").problem("unknown source '" + from.get() + "' (known: header, json, key)");
        return Optional.empty();
      }
    }
  }

  private static void notAllowed(YamlNode node, String key, String from) {
    if (!node.get(key).isAbsent()) {
      node.get(key).problem("not used with from: " + from);
    }
  }

  private static Optional<String> pointer(YamlNode node, String text) {
    try {
      com.fasterxml.jackson.core.JsonPointer.compile(text);
      if (text.isEmpty() || !text.startsWith("/")) {
        throw new IllegalArgumentException("must start with '/'");
      }
      return Optional.of(text);
    } catch (IllegalArgumentException e) {
      node.problem("not a JSON pointer: '" + text + "' (write e.g. /eventId)");
      return Optional.empty();
    }
  }

  private static List<StreamSpec> streams(
      YamlNode node, Optional<EventIdSpec> defaultId, ReplicationPolicy policy) {
    if (node.isAbsent()) {
      node.problem("required: at least one logical stream, e.g. [orders]");
    }
    List<StreamSpec> streams = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    List<YamlNode> elements = node.elements();
    for (YamlNode e : elements) {
      YamlNode nameNode = e.isText() ? e : e.get("name");
      if (!e.isText()) {
        e.expectMap("name", "eventId");
      }
      Optional<String> name = nameNode.requiredText().flatMap(n -> topicName(nameNode, n));
      Optional<EventIdSpec> id = e.isText() || e.get("eventId").isAbsent()
          ? defaultId.or(() -> eventId(e.get("eventId"))) : eventId(e.get("eventId"));
      name.ifPresent(n -> {
        if (policy.topicSource(n) != null) {
          nameNode.problem("'" + n + "' is a replica's name under this replication policy: name the"
              + " topic producers write to (" + policy.upstreamTopic(n) + ")");
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

  private static List<DownstreamSpec> downstream(YamlNode node, Optional<EventIdSpec> defaultId,
      List<StreamSpec> streams, ReplicationPolicy policy, ClusterSpec primary, ClusterSpec dr) {
    List<String> sourceTopics = new ArrayList<>();
    for (StreamSpec s : streams) {
      sourceTopics.add(s.name());
      sourceTopics.add(policy.formatRemoteTopic(primary.alias(), s.name()));
      sourceTopics.add(policy.formatRemoteTopic(dr.alias(), s.name()));
    }
    List<DownstreamSpec> result = new ArrayList<>();
    for (YamlNode e : node.elements()) {
      YamlNode topicNode = e.isText() ? e : e.get("topic");
      if (!e.isText()) {
        e.expectMap("topic", "eventId");
      }
      Optional<String> topic = topicNode.requiredText().flatMap(t -> topicName(topicNode, t));
      Optional<EventIdSpec> id = e.isText() || e.get("eventId").isAbsent()
          ? defaultId.or(() -> eventId(e.get("eventId"))) : eventId(e.get("eventId"));
      topic.filter(sourceTopics::contains).ifPresent(t ->
          topicNode.problem("'" + t + "' is a topic of a stream: a downstream topic must be another one"));
      topic.filter(t -> result.stream().anyMatch(d -> d.topic().equals(t))).ifPresent(t ->
          topicNode.problem("downstream topic '" + t + "' listed twice"));
      if (topic.isPresent() && id.isPresent()) {
        result.add(new DownstreamSpec(topic.get(), id.get()));
      }
    }
    return result;
  }

  private static Optional<String> topicName(YamlNode node, String name) {
    if (!TOPIC.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      node.problem("not a valid topic name: '" + name + "'");
      return Optional.empty();
    }
    return Optional.of(name);
  }

  private static Optional<AggregatesSpec> aggregates(YamlNode node) {
    if (node.isAbsent() || !node.expectMap("bucket", "amount", "groupBy")) {
      return Optional.empty();
    }
    Optional<Duration> bucket = node.get("bucket").duration(AggregatesSpec.DEFAULT_BUCKET, false);
    Optional<String> amount =
        node.get("amount").requiredText().flatMap(p -> pointer(node.get("amount"), p));
    YamlNode groupByNode = node.get("groupBy");
    Optional<String> groupBy = groupByNode.optionalText().flatMap(p -> pointer(groupByNode, p));
    if (bucket.isEmpty() || amount.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new AggregatesSpec(bucket.get(), amount.get(), groupBy));
  }

  private static List<String> groups(YamlNode node) {
    List<String> groups = new ArrayList<>();
    for (YamlNode e : node.elements()) {
      e.requiredText().ifPresent(g -> {
        if (groups.contains(g)) {
          e.problem("group '" + g + "' listed twice");
        }
        groups.add(g);
      });
    }
    return groups;
  }
}
