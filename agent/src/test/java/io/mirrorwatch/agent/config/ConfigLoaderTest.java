package io.mirrorwatch.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mirrorwatch.common.cluster.ClusterConfig;
import io.mirrorwatch.common.config.ConfigException;
import io.mirrorwatch.common.eventid.EventIdLocation;
import io.mirrorwatch.common.replication.PolicyKind;
import io.mirrorwatch.common.replication.Replication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final String MINIMAL =
      """
      clusters:
        primary:
          bootstrap.servers: 127.0.0.1:9092
        dr:
          bootstrap.servers: 127.0.0.1:9093
      flows:
        - source: primary
          target: dr
      """;

  private static final String FULL =
      """
      scrape:
        interval: 20s
        deadline: PT4S
      http:
        bind: 127.0.0.1
        port: 0
      clusters:
        primary:
          bootstrap.servers: "a:9092, b:9092"
          properties:
            security.protocol: SASL_SSL
            sasl.jaas.config: ${KAFKA_JAAS}
            request.timeout.ms: 30000
        dr:
          bootstrap.servers: "[::1]:9093"
      flows:
        - source: primary
          target: dr
          policy: default
          separator: _
          topics:
            include: ["orders.*"]
            exclude: ["orders-tmp"]
          groups:
            include: ["order-.*"]
          mm2:
            jmx:
              - url: service:jmx:rmi:///jndi/rmi://127.0.0.1:9999/jmxrmi
                username: admin
                password: ${MM2_JMX_PASSWORD}
              - url: service:jmx:rmi:///jndi/rmi://127.0.0.1:9998/jmxrmi
        - source: dr
          target: primary
          separator: _
      thresholds:
        latency: {healthy: 2s, warning: 30s, sustainedScrapes: 5}
        checkpointAge: {warning: 1m, danger: 5m}
        stall: {warning: 500ms, danger: 1h}
        offsetSyncGrace: 0s
        coverage: {healthy: 1, warning: 0.5}
        rpoRecords: {warning: 500}
      indirection:
        - alias: kafka.example.com:9092
      idempotency:
        eventId: {from: json, pointer: /orderId}
        idempotentGroups: [order-processor, billing]
        sampleRecords: 7
      """;

  private static final Map<String, String> ENV =
      Map.of("KAFKA_JAAS", "jaas-secret", "MM2_JMX_PASSWORD", "jmx-secret");

  @Test
  void fullConfigParsesToTheExpectedRecords() {
    AgentConfig config = ConfigLoader.parse(FULL, ENV);

    assertThat(config.scrapeInterval()).isEqualTo(Duration.ofSeconds(20));
    assertThat(config.deadline()).isEqualTo(Duration.ofSeconds(4));
    assertThat(config.httpBind()).isEqualTo("127.0.0.1");
    assertThat(config.httpPort()).isZero();
    assertThat(config.clusters()).containsOnlyKeys("primary", "dr");
    assertThat(config.clusters().keySet()).containsExactly("primary", "dr");
    assertThat(config.clusters().get("primary"))
        .isEqualTo(
            new ClusterConfig(
                "primary",
                "a:9092,b:9092",
                Map.of(
                    "security.protocol",
                    "SASL_SSL",
                    "sasl.jaas.config",
                    "jaas-secret",
                    "request.timeout.ms",
                    "30000")));
    assertThat(config.clusters().get("dr"))
        .isEqualTo(new ClusterConfig("dr", "[::1]:9093", Map.of()));
    assertThat(config.flows())
        .containsExactly(
            new FlowConfig(
                "primary",
                "dr",
                new Replication(PolicyKind.DEFAULT, "_"),
                new TopicFilter(
                    List.of(Pattern.compile("orders.*")), List.of(Pattern.compile("orders-tmp"))),
                new TopicFilter(List.of(Pattern.compile("order-.*")), List.of()),
                List.of(
                    new JmxEndpoint(
                        "service:jmx:rmi:///jndi/rmi://127.0.0.1:9999/jmxrmi",
                        Optional.of("admin"),
                        Optional.of("jmx-secret")),
                    new JmxEndpoint(
                        "service:jmx:rmi:///jndi/rmi://127.0.0.1:9998/jmxrmi",
                        Optional.empty(),
                        Optional.empty()))),
            new FlowConfig(
                "dr",
                "primary",
                new Replication(PolicyKind.DEFAULT, "_"),
                TopicFilter.ALL,
                TopicFilter.ALL,
                List.of()));
    assertThat(config.thresholds())
        .isEqualTo(
            new Thresholds(
                Duration.ofSeconds(2),
                Duration.ofSeconds(30),
                5,
                Duration.ofMinutes(1),
                Duration.ofMinutes(5),
                Duration.ofMillis(500),
                Duration.ofHours(1),
                Duration.ZERO,
                1.0,
                0.5,
                500));
    assertThat(config.indirectionAliases()).containsExactly("kafka.example.com:9092");
    assertThat(config.idempotency())
        .isEqualTo(
            new Idempotency(
                new EventIdLocation.JsonField("/orderId"),
                Set.of("order-processor", "billing"),
                7));
  }

  @Test
  void minimalConfigGetsEveryDefault() {
    AgentConfig config = ConfigLoader.parse(MINIMAL, Map.of());

    assertThat(config.scrapeInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.deadline()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.httpBind()).isEqualTo("0.0.0.0");
    assertThat(config.httpPort()).isEqualTo(9464);
    assertThat(config.clusters().get("primary"))
        .isEqualTo(new ClusterConfig("primary", "127.0.0.1:9092", Map.of()));
    assertThat(config.flows())
        .containsExactly(
            new FlowConfig(
                "primary",
                "dr",
                Replication.of(PolicyKind.DEFAULT),
                TopicFilter.ALL,
                TopicFilter.ALL,
                List.of()));
    assertThat(config.thresholds()).isEqualTo(Thresholds.defaults());
    assertThat(config.thresholds().latencyHealthy()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.thresholds().coverageWarning()).isEqualTo(0.9);
    assertThat(config.indirectionAliases()).isEmpty();
    assertThat(config.idempotency())
        .isEqualTo(new Idempotency(new EventIdLocation.Header("event-id"), Set.of(), 100));
  }

  @Test
  void eventIdTakesTheReconcilersSettingAndTheOlderHeaderShorthand() {
    assertThat(
            ConfigLoader.parse(MINIMAL + "idempotency: {eventId: {from: key}}\n", Map.of())
                .idempotency()
                .eventId())
        .isEqualTo(new EventIdLocation.Key());
    assertThat(
            ConfigLoader.parse(MINIMAL + "idempotency: {eventIdHeader: x-id}\n", Map.of())
                .idempotency()
                .eventId())
        .isEqualTo(new EventIdLocation.Header("x-id"));
    assertThat(
            parseFails(
                    MINIMAL
                        + "idempotency: {eventIdHeader: x-id, eventId: {from: json, pointer: id}}\n")
                .problems())
        .containsExactly(
            "idempotency.eventIdHeader: set either this or idempotency.eventId, not both",
            "idempotency.eventId.pointer: not a JSON pointer: 'id' (write e.g. /eventId)");
  }

  @Test
  void environmentVariablesAreSubstitutedAnywhereInStringValues() {
    String yaml =
        MINIMAL.replace("127.0.0.1:9093", "${DR_HOST}:${DR_PORT}")
            + "http:\n  port: ${HTTP_PORT}\n";

    AgentConfig config =
        ConfigLoader.parse(
            yaml, Map.of("DR_HOST", "dr.internal", "DR_PORT", "9094", "HTTP_PORT", "8080"));

    assertThat(config.clusters().get("dr").bootstrapServers()).isEqualTo("dr.internal:9094");
    assertThat(config.httpPort()).isEqualTo(8080);
  }

  @Test
  void anUnsetEnvironmentVariableIsAProblemAtItsKeyPath() {
    String yaml =
        """
        clusters:
          primary:
            bootstrap.servers: 127.0.0.1:9092
            properties:
              sasl.jaas.config: ${KAFKA_JAAS}
          dr:
            bootstrap.servers: 127.0.0.1:9093
        flows:
          - source: primary
            target: dr
        """;

    ConfigException e = parseFails(yaml);

    assertThat(e.problems())
        .containsExactly(
            "clusters.primary.properties.sasl.jaas.config: environment variable KAFKA_JAAS is not"
                + " set");
  }

  @Test
  void everyMistakeInOneFileIsReportedAtOnceWithItsKeyPath() {
    String yaml =
        """
        scrape:
          interval: 10x
          intervall: 5s
        http:
          port: 70000
        clusters:
          primary:
            bootstrap.servers: 127.0.0.1:9092
          dr: {}
        flows:
          - source: primry
            target: dr
          - source: primary
            target: dr
            topics:
              include: ["("]
        thresholds:
          latency:
            healthy: 5s
            warning: 3s
          coverage:
            healthy: 1.5
        idempotency:
          sampleRecords: none
        """;

    ConfigException e = parseFails(yaml);

    assertThat(e.problems())
        .containsExactly(
            "scrape.intervall: unknown key (known: interval, deadline)",
            "scrape.interval: not a duration: '10x' (use e.g. 500ms, 10s, 2m)",
            "http.port: must be between 0 and 65535, got 70000",
            "clusters.dr.bootstrap.servers: required",
            "flows[0].source: unknown cluster 'primry' (known: primary, dr)",
            "flows[1].topics.include[0]: invalid regex '(': Unclosed group near index 1",
            "thresholds.latency.warning: must be greater than thresholds.latency.healthy (5s)",
            "thresholds.coverage.healthy: must be between 0.0 and 1.0, got 1.5",
            "idempotency.sampleRecords: expected an integer, got 'none'");
    assertThat(e.getMessage().lines())
        .hasSize(e.problems().size() + 1)
        .contains("flows[0].source: unknown cluster 'primry' (known: primary, dr)");
  }

  @Test
  void unknownKeysAnywhereAreProblems() {
    String yaml = MINIMAL.replace("target: dr", "target: dr\n    polcy: identity") + "scrap: {}\n";

    assertThat(parseFails(yaml).problems())
        .containsExactly(
            "scrap: unknown key (known: scrape, http, clusters, flows, thresholds, indirection,"
                + " idempotency)",
            "flows[0].polcy: unknown key (known: source, target, policy, separator, topics, groups,"
                + " mm2)");
  }

  @Test
  void wrongTypesArePathProblemsNotJacksonErrors() {
    String yaml =
        MINIMAL
            + """
            scrape: [10s]
            http:
              port: nine
              bind: {host: x}
            idempotency:
              idempotentGroups: order-processor
              eventIdHeader: 42
            thresholds:
              latency:
                sustainedScrapes: 2.5
            """;

    assertThat(parseFails(yaml).problems())
        .containsExactly(
            "scrape: expected a map, got a list",
            "http.bind: expected text, got a map",
            "http.port: expected an integer, got 'nine'",
            "thresholds.latency.sustainedScrapes: expected an integer, got number 2.5",
            "idempotency.eventIdHeader: expected text, got number 42 (quote it if it is meant as"
                + " text)",
            "idempotency.idempotentGroups: expected a list, got text 'order-processor'");
  }

  @Test
  void aBareNumberIsNotADuration() {
    assertThat(parseFails(MINIMAL + "scrape: {interval: 10}\n").problems())
        .containsExactly("scrape.interval: not a duration: '10' (use e.g. 500ms, 10s, 2m)");
  }

  @Test
  void deadlineMayNotExceedTheScrapeInterval() {
    assertThat(parseFails(MINIMAL + "scrape: {interval: 2s}\n").problems())
        .containsExactly("scrape.deadline: must be at most scrape.interval (2s), got 5s");
  }

  @Test
  void badRegexesAreReportedWithTheirIndex() {
    String yaml =
        MINIMAL.replace(
            "target: dr", "target: dr\n    groups: {include: ['ok'], exclude: ['ok', '[a-']}");

    assertThat(parseFails(yaml).problems())
        .singleElement()
        .asString()
        .startsWith("flows[0].groups.exclude[1]: invalid regex '[a-': ");
  }

  @Test
  void flowRulesAreChecked() {
    String yaml =
        MINIMAL
            + """
              - source: dr
                target: dr
              - source: primary
                target: dr
              - source: dr
                target: primary
                policy: identity
                separator: _
              - source: dr
                target: primary
                policy: mirror
              - source: primary
                target: dr
                mm2:
                  jmx:
                    - url: http://mm2:9999
                    - url: service:jmx:rmi:///jndi/rmi://h:1/jmxrmi
                      username: u
            """;

    assertThat(parseFails(yaml).problems())
        .containsExactly(
            "flows[1].target: must be a different cluster than source ('dr')",
            "flows[2]: duplicate flow primary->dr (also flows[0])",
            "flows[3].separator: only applies to policy default (identity keeps topic names)",
            "flows[4].policy: unknown policy 'mirror' (known: default, identity)",
            "flows[4]: duplicate flow dr->primary (also flows[3])",
            "flows[5].mm2.jmx[0].url: not a JMX service URL: 'http://mm2:9999' (Service URL must"
                + " start with service:jmx:; use e.g."
                + " service:jmx:rmi:///jndi/rmi://host:9999/jmxrmi)",
            "flows[5].mm2.jmx[1].password: required when username is set",
            "flows[5]: duplicate flow primary->dr (also flows[0])",
            "flows[3].policy: must be the policy of the reverse flow flows[0] (default, separator"
                + " '.'), got identity: one policy in both directions (runbook 4.2)");
  }

  @Test
  void aSeparatorInsideTheSourceAliasIsRejected() {
    String yaml =
        MINIMAL
            .replace("primary", "us-east")
            .replace("target: dr", "target: dr\n    separator: '-'");

    assertThat(parseFails(yaml).problems())
        .singleElement()
        .asString()
        .startsWith("flows[0].separator: '-' occurs in cluster alias 'us-east'");
  }

  @Test
  void clusterRulesAreChecked() {
    String yaml =
        """
        clusters:
          "prim ary":
            bootstrap.servers: "a:1,,b, c:0"
            properties:
              bootstrap.servers: x:1
              ssl.key.password:
        flows: []
        """;

    assertThat(parseFails(yaml).problems())
        .containsExactly(
            "clusters.prim ary: invalid cluster alias 'prim ary': use only letters, digits, '_' and"
                + " '-'",
            "clusters.prim ary.bootstrap.servers: empty entry in the comma-separated list",
            "clusters.prim ary.bootstrap.servers: 'b' is not host:port",
            "clusters.prim ary.bootstrap.servers: 'c:0': port must be between 1 and 65535",
            "clusters.prim ary.properties.bootstrap.servers: set clusters.prim"
                + " ary.bootstrap.servers instead",
            "clusters.prim ary.properties.ssl.key.password: value required (remove the key to leave"
                + " the property unset)",
            "clusters: at least 2 clusters are required (a flow mirrors one into another), got 1",
            "flows: must list at least one flow");
  }

  @Test
  void anEmptyDocumentReportsTheRequiredSections() {
    assertThat(parseFails("").problems())
        .containsExactly(
            "clusters: required (at least 2 clusters: a flow mirrors one into another)",
            "flows: required (at least one flow: source, target)");
  }

  @Test
  void aYamlSyntaxErrorIsOneLineWithItsLocation() {
    ConfigException e = parseFails("scrape:\n  interval: 10s\n   deadline: 5s\n");

    assertThat(e.problems())
        .containsExactly(
            "YAML syntax error at line 3, column 12: mapping values are not allowed here");
  }

  @Test
  void aDuplicateKeyIsASyntaxError() {
    assertThat(parseFails(MINIMAL + "flows: []\n").problems())
        .singleElement()
        .asString()
        .contains("duplicate key 'flows'");
  }

  @Test
  void problemsOfALoadedFileArePrefixedWithItsName(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("agent.yaml");
    Files.writeString(file, MINIMAL.replace("source: primary", "source: primry"));

    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));

    assertThat(e.getMessage())
        .contains("\n" + file + ": flows[0].source: unknown cluster 'primry' (known: primary, dr)");
  }

  @Test
  void aMissingFileIsOneProblem(@TempDir Path dir) {
    Path file = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageEndingWith("\n" + file + ": cannot read the file: it does not exist");
  }

  @Test
  void theExampleFileParsesWithoutProblems() {
    AgentConfig config =
        ConfigLoader.load(
            Path.of("agent.example.yaml"),
            Map.of(
                "KAFKA_JAAS", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "TRUSTSTORE_PASSWORD", "changeit",
                "MM2_JMX_PASSWORD", "secret"));

    assertThat(config.clusters()).containsOnlyKeys("primary", "dr");
    assertThat(config.flows())
        .extracting(FlowConfig::name)
        .containsExactly("primary->dr", "dr->primary");
    assertThat(config.flows().get(0).jmx()).hasSize(2);
  }

  private static ConfigException parseFails(String yaml) {
    return catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, Map.of()));
  }
}
