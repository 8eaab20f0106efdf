package io.mirrorwatch.agent.config;

import io.mirrorwatch.common.cluster.ClusterConfig;
import io.mirrorwatch.common.config.ConfigNode;
import io.mirrorwatch.common.config.Durations;
import io.mirrorwatch.common.config.HostPort;
import io.mirrorwatch.common.eventid.EventIdLocation;
import io.mirrorwatch.common.eventid.EventIdReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks the whole YAML tree into an {@link AgentConfig}, recording every problem on the way.
 *
 * <p>The result is only meaningful when no problem was recorded: invalid values are replaced by
 * defaults or empty strings so that the walk can go on and find the next problem.
 */
final class AgentConfigReader {
  private AgentConfigReader() {}

  static AgentConfig read(ConfigNode root) {
    root.expectMap(
        "scrape", "http", "clusters", "flows", "thresholds", "indirection", "idempotency");

    ConfigNode scrape = root.get("scrape");
    scrape.expectMap("interval", "deadline");
    Optional<Duration> interval =
        scrape.get("interval").positiveDuration(AgentConfig.DEFAULT_SCRAPE_INTERVAL);
    Optional<Duration> deadline =
        scrape.get("deadline").positiveDuration(AgentConfig.DEFAULT_DEADLINE);
    // A call still running when the next scrape starts would make scrapes pile up.
    if (interval.isPresent()
        && deadline.isPresent()
        && deadline.get().compareTo(interval.get()) > 0) {
      scrape
          .get("deadline")
          .problem(
              "must be at most "
                  + scrape.get("interval").path()
                  + " ("
                  + Durations.format(interval.get())
                  + "), got "
                  + Durations.format(deadline.get()));
    }

    ConfigNode http = root.get("http");
    http.expectMap("bind", "port");
    String bind = bind(http.get("bind")).orElse(AgentConfig.DEFAULT_HTTP_BIND);
    int port =
        http.get("port")
            .integer(AgentConfig.DEFAULT_HTTP_PORT, 0, 65535)
            .orElse(AgentConfig.DEFAULT_HTTP_PORT);

    Map<String, ClusterConfig> clusters = ClustersReader.read(root.get("clusters"));
    List<FlowConfig> flows = FlowsReader.read(root.get("flows"), clusters.keySet());

    return new AgentConfig(
        interval.orElse(AgentConfig.DEFAULT_SCRAPE_INTERVAL),
        deadline.orElse(AgentConfig.DEFAULT_DEADLINE),
        bind,
        port,
        clusters,
        flows,
        ThresholdsReader.read(root.get("thresholds")),
        indirection(root.get("indirection")),
        idempotency(root.get("idempotency")));
  }

  /** An address to bind to; like every check here, textual only (no lookup). */
  private static Optional<String> bind(ConfigNode node) {
    Optional<String> bind = node.text(AgentConfig.DEFAULT_HTTP_BIND).map(String::trim);
    if (bind.isPresent() && !HostPort.isHost(bind.get())) {
      node.problem("'" + bind.get() + "' is not a host name or IP address");
      return Optional.empty();
    }
    return bind;
  }

  private static List<String> indirection(ConfigNode list) {
    List<String> aliases = new ArrayList<>();
    for (ConfigNode element : list.elements()) {
      element.expectMap("alias");
      ConfigNode alias = element.get("alias");
      Optional<String> address = alias.requiredText().map(String::trim);
      address.flatMap(HostPort::addressProblem).ifPresent(alias::problem);
      address.ifPresent(aliases::add);
    }
    return aliases;
  }

  private static Idempotency idempotency(ConfigNode node) {
    node.expectMap("eventId", "eventIdHeader", "idempotentGroups", "sampleRecords");
    EventIdLocation eventId = eventId(node);
    Set<String> groups = new LinkedHashSet<>();
    for (ConfigNode group : node.get("idempotentGroups").elements()) {
      group.requiredText().ifPresent(groups::add);
    }
    int sample =
        node.get("sampleRecords")
            .integer(Idempotency.DEFAULT_SAMPLE_RECORDS, 1, Integer.MAX_VALUE)
            .orElse(Idempotency.DEFAULT_SAMPLE_RECORDS);
    return new Idempotency(eventId, groups, sample);
  }

  /**
   * {@code eventId:}, the reconciler's setting (header, JSON pointer or key); {@code eventIdHeader:
   * NAME} is the older shorthand for {@code eventId: {from: header, name: NAME}}.
   */
  private static EventIdLocation eventId(ConfigNode idempotency) {
    ConfigNode eventId = idempotency.get("eventId");
    ConfigNode header = idempotency.get("eventIdHeader");
    if (!eventId.isAbsent() && !header.isAbsent()) {
      header.problem("set either this or " + eventId.path() + ", not both");
    }
    if (!eventId.isAbsent()) {
      return EventIdReader.read(eventId).orElse(EventIdLocation.DEFAULT);
    }
    return header
        .optionalText()
        .<EventIdLocation>map(EventIdLocation.Header::new)
        .orElse(EventIdLocation.DEFAULT);
  }
}
