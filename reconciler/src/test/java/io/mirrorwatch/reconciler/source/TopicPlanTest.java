package io.mirrorwatch.reconciler.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.common.eventid.EventIdLocation;
import io.mirrorwatch.reconciler.config.ConfigLoader;
import io.mirrorwatch.reconciler.config.WindowOverrides;
import org.junit.jupiter.api.Test;

class TopicPlanTest {
  static TopicPlan plan(String replication) {
    return TopicPlan.resolve(
        ConfigLoader.parse(
            """
        clusters: {primary: {bootstrap.servers: "a:1"}, dr: {bootstrap.servers: "b:2"}}
        %s
        eventId: {from: header, name: event-id}
        streams: [orders]
        downstream: [orders-processed]
        window: {failoverAt: "2025-03-01T10:00:00Z", failbackAt: "2025-03-01T11:00:00Z"}
        """
                .formatted(replication),
            WindowOverrides.none()));
  }

  static final EventIdLocation ID = new EventIdLocation.Header("event-id");

  @Test
  void defaultPolicyReadsTheLocalTopicAndThePeersReplicaOnEachCluster() {
    assertThat(plan("replication: {policy: default}").topics())
        .containsExactly(
            new PhysicalTopic("primary", "orders", Role.SOURCE, Origin.ORIGINAL, "orders", ID),
            new PhysicalTopic("primary", "dr.orders", Role.SOURCE, Origin.REPLICA, "orders", ID),
            new PhysicalTopic(
                "primary",
                "orders-processed",
                Role.DOWNSTREAM,
                Origin.ORIGINAL,
                "orders-processed",
                ID),
            new PhysicalTopic("dr", "orders", Role.SOURCE, Origin.ORIGINAL, "orders", ID),
            new PhysicalTopic("dr", "primary.orders", Role.SOURCE, Origin.REPLICA, "orders", ID),
            new PhysicalTopic(
                "dr",
                "orders-processed",
                Role.DOWNSTREAM,
                Origin.ORIGINAL,
                "orders-processed",
                ID));
  }

  @Test
  void defaultPolicyHonoursTheSeparator() {
    assertThat(plan("replication: {separator: __}").on("dr", Role.SOURCE))
        .extracting(PhysicalTopic::topic)
        .containsExactly("orders", "primary__orders");
  }

  @Test
  void identityPolicyReadsOneTopicPerClusterWhoseOriginTheNameCannotTell() {
    assertThat(plan("replication: {policy: identity}").topics())
        .containsExactly(
            new PhysicalTopic("primary", "orders", Role.SOURCE, Origin.UNKNOWN, "orders", ID),
            new PhysicalTopic(
                "primary",
                "orders-processed",
                Role.DOWNSTREAM,
                Origin.UNKNOWN,
                "orders-processed",
                ID),
            new PhysicalTopic("dr", "orders", Role.SOURCE, Origin.UNKNOWN, "orders", ID),
            new PhysicalTopic(
                "dr", "orders-processed", Role.DOWNSTREAM, Origin.UNKNOWN, "orders-processed", ID));
  }
}
