package io.mirrorwatch.cutover.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.agent.evaluate.Check;
import io.mirrorwatch.agent.evaluate.Level;
import io.mirrorwatch.common.replication.PolicyKind;
import io.mirrorwatch.cutover.translate.ExactPosition;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlannerTest {

  @Test
  void allHealthyIsGoWithExitZero() {
    FailoverPlan plan = new PlanFixtures().plan();
    assertThat(plan.go()).isTrue();
    assertThat(plan.exitCode()).isZero();
    assertThat(plan.blockers()).isEmpty();
    assertThat(plan.preconditions())
        .extracting(FailoverPlan.Precondition::check)
        .containsExactly("replication", "offset_translation", "indirection", "idempotency");
  }

  static Stream<Arguments> levels() {
    return Stream.of(
        Arguments.of(Check.REPLICATION, Level.DANGER, 1, 0, "restore MirrorMaker 2 replication"),
        Arguments.of(Check.OFFSET_TRANSLATION, Level.DANGER, 1, 0, "fix the groups"),
        Arguments.of(Check.INDIRECTION, Level.DANGER, 1, 0, "bootstrap alias"),
        Arguments.of(Check.IDEMPOTENCY, Level.DANGER, 1, 0, "idempotent"),
        Arguments.of(Check.REPLICATION, Level.WARNING, 0, 0, ""),
        Arguments.of(Check.REPLICATION, Level.UNKNOWN, 0, 1, ""));
  }

  @ParameterizedTest(name = "{0} at {1}: {2} blocker(s), {3} warning(s)")
  @MethodSource("levels")
  void aPreconditionAtDangerBlocksAndUnknownWarns(
      Check check, Level level, int blockers, int warnings, String action) {
    FailoverPlan plan = new PlanFixtures().check(check, level, "why").plan();
    assertThat(plan.blockers()).hasSize(blockers);
    assertThat(plan.warnings()).hasSize(warnings);
    assertThat(plan.exitCode()).isEqualTo(blockers > 0 ? 1 : 0);
    if (blockers > 0) {
      assertThat(plan.blockers().get(0).what()).startsWith(check.label() + " is danger: why");
      assertThat(plan.blockers().get(0).action()).contains(action);
    }
  }

  @Test
  void aGroupActiveOnTheTargetIsABlockerNamingTheGroupAndWhatToDo() {
    PlanFixtures f = new PlanFixtures();
    f.active = true;
    FailoverPlan plan = f.plan();
    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.blockers())
        .extracting(FailoverPlan.Blocker::action)
        .contains("stop consumers of group g on dr before failover");
  }

  @Test
  void rereadIsExactMinusTranslatedAndUnknownStaysUnknown() {
    FailoverPlan plan =
        new PlanFixtures()
            .position(0, 50, 40, new ExactPosition.Found(49))
            .position(1, 50, 40, new ExactPosition.Unknown("no event ID"))
            .plan();
    FailoverPlan.PartitionPlan p0 = plan.groups().get(0).partitions().get(0);
    assertThat(p0.exact()).hasValue(50);
    assertThat(p0.reread()).hasValue(10);
    assertThat(p0.exactBasis()).isEqualTo("event-id");
    FailoverPlan.PartitionPlan p1 = plan.groups().get(0).partitions().get(1);
    assertThat(p1.exact()).isEqualTo(OptionalLong.empty());
    assertThat(p1.reread()).isEqualTo(OptionalLong.empty());
    assertThat(p1.exactBasis())
        .startsWith("unknown (basis: mm2 checkpoint)")
        .contains("no event ID");
  }

  @Test
  void aTranslationPastTheExactPositionWarnsOfSkippedRecords() {
    FailoverPlan plan = new PlanFixtures().position(0, 50, 55, new ExactPosition.Found(49)).plan();
    assertThat(plan.groups().get(0).partitions().get(0).reread()).hasValue(-5);
    assertThat(plan.warnings()).anyMatch(w -> w.contains("would skip 5 record(s)"));
    assertThat(plan.go()).isTrue();
  }

  @Test
  void mixedPoliciesBetweenForwardAndReverseBlock() {
    PlanFixtures f = new PlanFixtures();
    f.extraFlows.add(new FlowRef("dr", "primary", PolicyKind.IDENTITY, "."));
    FailoverPlan plan = f.plan();
    assertThat(plan.policy().consistent()).isFalse();
    assertThat(plan.exitCode()).isEqualTo(1);
  }
}
