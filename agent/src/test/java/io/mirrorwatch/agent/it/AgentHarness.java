package io.mirrorwatch.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrorwatch.agent.Agent;
import io.mirrorwatch.agent.TestAccess;
import io.mirrorwatch.agent.config.AgentConfig;
import io.mirrorwatch.agent.config.ConfigLoader;
import io.mirrorwatch.lab.Lab;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** A real agent, in this JVM, configured against a lab; read through its real HTTP endpoints. */
final class AgentHarness implements AutoCloseable {
  static final Duration INTERVAL = Duration.ofSeconds(2);
  static final String FLOW = "primary->dr";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Agent agent;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private AgentHarness(AgentConfig config) throws IOException {
    this.agent = TestAccess.start(config, Clock.systemUTC());
  }

  /** An agent on the lab's primary -> dr flow, watching {@code groups}, all declared idempotent. */
  static AgentHarness start(Lab lab, String policy, List<String> groups) throws IOException {
    return start(lab, policy, groups, "{from: header, name: event-id}");
  }

  /** The same, with event IDs read where {@code eventId} (the config's YAML flow map) says. */
  static AgentHarness start(Lab lab, String policy, List<String> groups, String eventId)
      throws IOException {
    String quoted = String.join(", ", groups.stream().map(g -> "\"" + g + "\"").toList());
    String yaml =
        String.join(
            "\n",
            "scrape: {interval: " + INTERVAL.toMillis() + "ms, deadline: 1500ms}",
            "http: {bind: 127.0.0.1, port: 0}",
            "clusters:",
            "  primary: {bootstrap.servers: \"" + lab.primary().bootstrapServers() + "\"}",
            "  dr: {bootstrap.servers: \"" + lab.dr().bootstrapServers() + "\"}",
            "flows:",
            "  - source: primary",
            "    target: dr",
            "    policy: " + policy,
            "    topics: {include: [\"orders\"]}",
            "    groups: {include: [" + quoted + "]}",
            "    mm2: {jmx: [{url: \"" + lab.mirrorMaker().jmxUrl() + "\"}]}",
            "thresholds: {offsetSyncGrace: 10s}",
            "indirection:",
            "  - alias: \"localhost:" + lab.primary().bootstrapServers().split(":")[1] + "\"",
            "idempotency: {eventId: " + eventId + ", idempotentGroups: [" + quoted + "]}",
            "");
    return new AgentHarness(ConfigLoader.parse(yaml, Map.of()));
  }

  /** The port of the agent's HTTP endpoints (/metrics, /readiness) on 127.0.0.1. */
  int port() {
    return agent.httpPort();
  }

  String metricsText() {
    return get("/metrics");
  }

  JsonNode readiness() {
    try {
      return JSON.readTree(get("/readiness"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  JsonNode flow() {
    for (JsonNode f : readiness().path("flows")) {
      if (f.path("flow").asText().equals(FLOW)) {
        return f;
      }
    }
    throw new IllegalStateException("no flow " + FLOW + " in /readiness yet");
  }

  /** The value of the sample of {@code name} whose labels include all of {@code labels}. */
  OptionalDouble metric(String name, String... labels) {
    return MetricsText.value(metricsText(), name, labels);
  }

  String get(String path) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.httpPort() + path))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    agent.close();
  }
}
