package io.mirrorwatch.cutover.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.common.replication.PolicyKind;
import io.mirrorwatch.cutover.plan.FailoverPlan.Read;
import io.mirrorwatch.cutover.translate.ExactPosition;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutesTest {

  @Test
  void underTheDefaultPolicyProducersWriteTheTargetsOwnTopicNeverTheReplica() {
    FailoverPlan.ProducerRoute r = Routes.producers(new PlanFixtures().inputs()).get(0);
    assertThat(r.cluster()).isEqualTo("dr");
    assertThat(r.writeTo()).isEqualTo("orders");
    assertThat(r.never()).containsExactly("primary.orders");
  }

  @Test
  void underIdentityTheReplicaIsTheTopic() {
    PlanFixtures f = new PlanFixtures();
    f.policy = PolicyKind.IDENTITY;
    f.position(0, 10, 10, new ExactPosition.Found(9));
    FailoverPlan.ProducerRoute r = Routes.producers(f.inputs()).get(0);
    assertThat(r.writeTo()).isEqualTo("orders");
    assertThat(r.never()).isEmpty();
    assertThat(Routes.consumers(f.inputs()).get(0).reads())
        .containsExactly(
            new Read(
                "dr",
                "orders",
                "translated",
                "MM2's translated offsets (checkpoint); see the partitions above"));
  }

  @Test
  void underTheDefaultPolicyAGroupWithoutOffsetsOnTheOwnTopicStartsAtItsLogStart() {
    PlanFixtures f = new PlanFixtures().position(0, 10, 10, new ExactPosition.Found(9));
    List<Read> reads = Routes.consumers(f.inputs()).get(0).reads();
    assertThat(reads)
        .extracting(Read::topic, Read::startAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("primary.orders", "translated"),
            org.assertj.core.groups.Tuple.tuple("orders", "log-start"));
    assertThat(reads.get(1).note())
        .contains("run will commit the log start of dr:orders for group g")
        .contains("auto.offset.reset=latest");
  }

  @Test
  void aGroupThatAlreadyCommittedOnTheOwnTopicKeepsItsOffsets() {
    PlanFixtures f = new PlanFixtures().position(0, 10, 10, new ExactPosition.Found(9));
    f.committedOnTarget = Set.of("orders");
    assertThat(Routes.consumers(f.inputs()).get(0).reads().get(1).startAt()).isEqualTo("committed");
  }

  @Test
  void aMissingOwnTopicIsSaid() {
    PlanFixtures f = new PlanFixtures();
    f.targetTopics = Set.of("primary.orders");
    assertThat(Routes.consumers(f.inputs()).get(0).reads().get(1).note())
        .contains("dr:orders does not exist yet");
  }

  @Test
  void thePolicyStatementNamesBothFlowsOrTheMissingReverse() {
    FlowRef fwd = new FlowRef("primary", "dr", PolicyKind.DEFAULT, ".");
    assertThat(Routes.policy(fwd, List.of(fwd)).statement())
        .contains("no reverse flow dr->primary configured");
    FlowRef rev = new FlowRef("dr", "primary", PolicyKind.DEFAULT, ".");
    FailoverPlan.PolicyStatement both = Routes.policy(fwd, List.of(fwd, rev));
    assertThat(both.consistent()).isTrue();
    assertThat(both.statement()).contains("both use policy default (separator '.')");
    FlowRef otherSeparator = new FlowRef("dr", "primary", PolicyKind.DEFAULT, "_");
    assertThat(Routes.policy(fwd, List.of(fwd, otherSeparator)).consistent()).isFalse();
  }
}
