package io.mirrorwatch.reconciler.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mirrorwatch.common.cluster.ClusterConfig;
import io.mirrorwatch.common.config.ConfigException;
import io.mirrorwatch.common.eventid.EventIdLocation;
import io.mirrorwatch.common.replication.PolicyKind;
import io.mirrorwatch.common.replication.Replication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  static final String FULL =
      """
      clusters:
        primary:
          bootstrap.servers: kafka-a:9092,kafka-b:9092
          properties:
            security.protocol: SASL_SSL
            request.timeout.ms: 20000
        dr:
          alias: backup
          bootstrap.servers: dr-kafka:9093
      replication:
        policy: default
        separator: _
      eventId: {from: header, name: event-id}
      streams:
        - orders
        - name: payments
          eventId: {from: json, pointer: /paymentId}
      downstream:
        - orders-processed
        - topic: payments-done
          eventId: {from: key}
      aggregates: {bucket: 5m, amount: /amount, groupBy: /customerId}
      groups: [order-processor]
      window:
        failoverAt: 2025-03-01T10:00:00Z
        failbackAt: 2025-03-01T12:00:00+01:00
        margin: 10m
        downstreamGrace: 1h
      parallelism: 4
      deadline: 45s
      """;

  static ReconcileConfig parse(String yaml) {
    return ConfigLoader.parse(yaml, WindowOverrides.none());
  }

  static ConfigException problems(String yaml) {
    try {
      parse(yaml);
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("expected a ConfigException for:\n" + yaml);
  }

  @Test
  void readsEveryKeyOfAFullSpec() {
    ReconcileConfig c = parse(FULL);

    assertThat(c.primary())
        .isEqualTo(
            new ClusterConfig(
                "primary",
                "kafka-a:9092,kafka-b:9092",
                java.util.Map.of("security.protocol", "SASL_SSL", "request.timeout.ms", "20000")));
    assertThat(c.dr().alias()).isEqualTo("backup");
    assertThat(c.replication()).isEqualTo(new Replication(PolicyKind.DEFAULT, "_"));
    assertThat(c.streams())
        .containsExactly(
            new StreamSpec("orders", new EventIdLocation.Header("event-id")),
            new StreamSpec("payments", new EventIdLocation.JsonField("/paymentId")));
    assertThat(c.downstream())
        .containsExactly(
            new DownstreamSpec("orders-processed", new EventIdLocation.Header("event-id")),
            new DownstreamSpec("payments-done", new EventIdLocation.Key()));
    assertThat(c.aggregates())
        .contains(new AggregatesSpec(Duration.ofMinutes(5), "/amount", Optional.of("/customerId")));
    assertThat(c.groups()).containsExactly("order-processor");
    assertThat(c.window().from()).isEqualTo(Instant.parse("2025-03-01T09:50:00Z"));
    assertThat(c.window().to()).isEqualTo(Instant.parse("2025-03-01T11:10:00Z"));
    assertThat(c.window().downstreamTo()).isEqualTo(Instant.parse("2025-03-01T12:10:00Z"));
    assertThat(c.parallelism()).contains(4);
    assertThat(c.deadline()).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void appliesDefaultsToAMinimalSpec() {
    ReconcileConfig c =
        parse(
            """
        clusters:
          primary: {bootstrap.servers: "a:1"}
          dr: {bootstrap.servers: "b:2"}
        eventId: {from: key}
        streams: [orders]
        window: {failoverAt: "2025-03-01T10:00:00Z", failbackAt: "2025-03-01T11:00:00Z"}
        """);

    assertThat(c.replication()).isEqualTo(new Replication(PolicyKind.DEFAULT, "."));
    assertThat(c.downstream()).isEmpty();
    assertThat(c.aggregates()).isEmpty();
    assertThat(c.window().from()).isEqualTo(Instant.parse("2025-03-01T09:55:00Z"));
    assertThat(c.window().downstreamTo()).isEqualTo(Instant.parse("2025-03-01T11:20:00Z"));
    assertThat(c.parallelism()).isEmpty();
    assertThat(c.deadline()).isEqualTo(ReconcileConfig.DEFAULT_DEADLINE);
  }

  @Test
  void reportsEveryProblemAtOnceWithItsKeyPath() {
    ConfigException e =
        problems(
            """
        clusters:
          primary: {bootstrap.servers: "a"}
          dr: {bootstrap.servers: "b:2", alias: "d r"}
          third: {}
        replication: {policy: mirrored}
        streams:
          - name: orders
            eventId: {from: header}
          - name: "bad topic"
        downstream: [orders-processed]
        aggregates: {bucket: 10, amount: amount}
        window: {failoverAt: yesterday, margin: 5 minutes}
        parallelism: 0
        colour: blue
        """);

    assertThat(e.problems())
        .containsExactlyInAnyOrder(
            "colour: unknown key (known: clusters, replication, eventId, streams, downstream, aggregates, groups, window, parallelism, deadline)",
            "clusters.third: unknown key (known: primary, dr)",
            "clusters.primary.bootstrap.servers: 'a' is not host:port",
            "clusters.dr.alias: invalid cluster alias 'd r': use only letters, digits, '_' and '-'",
            "replication.policy: unknown policy 'mirrored' (known: default, identity)",
            "streams[0].eventId.name: required",
            "streams[1].name: not a valid topic name: 'bad topic'",
            "streams[1].eventId: required (or set eventId at the top level)",
            "downstream[0].eventId: required (or set eventId at the top level)",
            "aggregates.bucket: not a duration: '10' (use e.g. 500ms, 10s, 2m)",
            "aggregates.amount: not a JSON pointer: 'amount' (write e.g. /eventId)",
            "window.failoverAt: not a timestamp: 'yesterday' (use ISO-8601 with an offset, e.g. 2025-03-01T10:15:00Z)",
            "window.margin: not a duration: '5 minutes' (use e.g. 500ms, 10s, 2m)",
            "window.failbackAt: required unless --to is given",
            "parallelism: must be at least 1, got 0");
    assertThat(e.getMessage()).startsWith("invalid reconciler configuration (15 problems):");
  }

  @Test
  void rejectsAStreamNamedLikeAReplicaThroughThePolicy() {
    ConfigException e =
        problems(
            """
        clusters: {primary: {bootstrap.servers: "a:1"}, dr: {bootstrap.servers: "b:2"}}
        eventId: {from: key}
        streams: [dr.orders, orders, orders]
        window: {failoverAt: "2025-03-01T10:00:00Z", failbackAt: "2025-03-01T11:00:00Z"}
        """);

    assertThat(e.problems())
        .containsExactly(
            "streams[0]: 'dr.orders' is a replica's name under this replication policy: name the topic producers write to (orders)",
            "streams[2]: stream 'orders' listed twice");
  }

  @Test
  void aDownstreamTopicMustNotBeOneOfTheStreamsTopics() {
    assertThat(
            problems(
                    """
        clusters: {primary: {bootstrap.servers: "a:1"}, dr: {bootstrap.servers: "b:2"}}
        eventId: {from: key}
        streams: [orders]
        downstream: [primary.orders, out, out]
        window: {failoverAt: "2025-03-01T10:00:00Z", failbackAt: "2025-03-01T11:00:00Z"}
        """)
                .problems())
        .containsExactly(
            "downstream[0]: 'primary.orders' is a topic of a stream: a downstream topic must be another one",
            "downstream[2]: downstream topic 'out' listed twice");
  }

  @Test
  void identityPolicyTakesNoSeparatorAndTheDefaultSeparatorMustNotBeInAnAlias() {
    assertThat(
            problems(
                    """
        clusters: {primary: {bootstrap.servers: "a:1"}, dr: {bootstrap.servers: "b:2"}}
        replication: {policy: identity, separator: "_"}
        eventId: {from: key}
        streams: [orders]
        window: {failoverAt: "2025-03-01T10:00:00Z", failbackAt: "2025-03-01T11:00:00Z"}
        """)
                .problems())
        .containsExactly(
            "replication.separator: only applies to policy default (identity keeps topic names)");
    assertThat(
            problems(
                    """
        clusters: {primary: {bootstrap.servers: "a:1", alias: us-east}, dr: {bootstrap.servers: "b:2"}}
        replication: {separator: "-"}
        eventId: {from: key}
        streams: [orders]
        window: {failoverAt: "2025-03-01T10:00:00Z", failbackAt: "2025-03-01T11:00:00Z"}
        """)
                .problems())
        .containsExactly(
            "replication.separator: '-' occurs in cluster alias 'us-east': remote topics could not be traced back"
                + " to their source; rename the cluster or choose another separator");
  }

  @Test
  void commandLineBoundsReplaceTheComputedOnesAndMayStandAlone() {
    String noWindow =
        """
        clusters: {primary: {bootstrap.servers: "a:1"}, dr: {bootstrap.servers: "b:2"}}
        eventId: {from: key}
        streams: [orders]
        """;
    Instant from = Instant.parse("2025-03-01T10:00:00Z");
    Instant to = Instant.parse("2025-03-01T10:30:00Z");
    ReconcileConfig c =
        ConfigLoader.parse(noWindow, new WindowOverrides(Optional.of(from), Optional.of(to)));
    assertThat(c.window().from()).isEqualTo(from);
    assertThat(c.window().to()).isEqualTo(to);

    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    noWindow, new WindowOverrides(Optional.of(to), Optional.of(from))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "window: the window ends (2025-03-01T10:00:00Z) before it starts (2025-03-01T10:30:00Z)");
    assertThat(problems(noWindow).problems())
        .containsExactly(
            "window.failoverAt: required unless --from is given",
            "window.failbackAt: required unless --to is given");
  }

  @Test
  void failbackBeforeFailoverIsAnError() {
    assertThat(
            problems(
                    """
        clusters: {primary: {bootstrap.servers: "a:1"}, dr: {bootstrap.servers: "b:2"}}
        eventId: {from: key}
        streams: [orders]
        window: {failoverAt: "2025-03-01T10:00:00Z", failbackAt: "2025-03-01T09:00:00Z"}
        """)
                .problems())
        .containsExactly(
            "window.failbackAt: must not be before window.failoverAt (2025-03-01T10:00:00Z)");
  }

  @Test
  void namesTheFileAndReportsYamlSyntaxErrors(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("reconcile.yaml");
    Files.writeString(file, "clusters: [\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, WindowOverrides.none(), java.util.Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file + ": YAML syntax error at line");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    dir.resolve("nope.yaml"), WindowOverrides.none(), java.util.Map.of()))
        .hasMessageContaining("nope.yaml: cannot read the file: it does not exist");
  }

  @Test
  void hidesSecretPropertiesWhenPrinted() {
    ClusterConfig c =
        new ClusterConfig(
            "primary",
            "a:1",
            java.util.Map.of("sasl.jaas.config", "secret-stuff", "security.protocol", "SASL_SSL"));
    assertThat(c.toString())
        .contains("sasl.jaas.config=[hidden]", "security.protocol=SASL_SSL")
        .doesNotContain("secret-stuff");
  }
}
