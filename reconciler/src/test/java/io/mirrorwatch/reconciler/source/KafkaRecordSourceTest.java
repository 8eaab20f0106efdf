package io.mirrorwatch.reconciler.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.reconciler.config.ConfigLoader;
import io.mirrorwatch.reconciler.config.ReconcileConfig;
import io.mirrorwatch.reconciler.config.WindowOverrides;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KafkaRecordSourceTest {
  static final ReconcileConfig CONFIG =
      ConfigLoader.parse(
          """
      clusters: {primary: {bootstrap.servers: "a:1"}, dr: {bootstrap.servers: "b:2"}}
      eventId: {from: header, name: event-id}
      streams: [orders]
      downstream: [orders-processed]
      window: {failoverAt: "2025-03-01T10:00:00Z", failbackAt: "2025-03-01T11:00:00Z"}
      """,
          WindowOverrides.none());

  @Test
  void missingTopicsAreNotSubscribedAndAClusterRoleWithNoneGetsNoSource() {
    // A bounded KafkaSource subscribed to no existing partition never finishes: none must be built.
    KafkaRecordSource source =
        new KafkaRecordSource(
            CONFIG.clusters(),
            TopicPlan.resolve(CONFIG),
            CONFIG.window(),
            Set.of("primary/dr.orders", "dr/orders-processed"));

    Map<String, Map<Role, List<String>>> readable = new java.util.LinkedHashMap<>();
    source
        .readable()
        .forEach(
            (cluster, byRole) ->
                byRole.forEach(
                    (role, topics) ->
                        readable
                            .computeIfAbsent(
                                cluster.alias(), c -> new java.util.EnumMap<>(Role.class))
                            .put(role, topics.stream().map(PhysicalTopic::topic).toList())));
    assertThat(readable)
        .isEqualTo(
            Map.of(
                "primary",
                    Map.of(
                        Role.SOURCE,
                        List.of("orders"),
                        Role.DOWNSTREAM,
                        List.of("orders-processed")),
                "dr", Map.of(Role.SOURCE, List.of("orders", "primary.orders"))));
  }
}
