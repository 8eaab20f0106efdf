package io.mirrorwatch.lab.mm2;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.common.replication.PolicyKind;
import io.mirrorwatch.common.replication.Replication;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTranslationTest {

  @Test
  void defaultPolicyMapsLocalTopicsToPrefixedReplicas() {
    assertThat(
            OffsetTranslation.targetPartition(
                new TopicPartition("orders", 2),
                "primary",
                Replication.of(PolicyKind.DEFAULT).byName()))
        .isEqualTo(new TopicPartition("primary.orders", 2));
  }

  @Test
  void defaultPolicySkipsReplicasThatCameFromTheTarget() {
    // dr.orders on primary came from dr: MM2 primary -> dr never copies it back (cycle detection).
    assertThat(
            OffsetTranslation.targetPartition(
                new TopicPartition("dr.orders", 0),
                "primary",
                Replication.of(PolicyKind.DEFAULT).byName()))
        .isNull();
  }

  @Test
  void identityPolicyKeepsTopicNames() {
    assertThat(
            OffsetTranslation.targetPartition(
                new TopicPartition("orders", 1),
                "dr",
                Replication.of(PolicyKind.IDENTITY).byName()))
        .isEqualTo(new TopicPartition("orders", 1));
  }
}
