package io.mirrorwatch.cutover.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mirrorwatch.common.replication.PolicyKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlowChoiceTest {
  private static final FlowRef FWD = new FlowRef("primary", "dr", PolicyKind.DEFAULT, ".");
  private static final FlowRef REV = new FlowRef("dr", "primary", PolicyKind.DEFAULT, ".");

  @Test
  void withoutToTheFirstFlowsTargetIsChosen() {
    assertThat(FlowChoice.select(List.of(FWD, REV), Optional.empty())).isZero();
  }

  @Test
  void toPicksTheFlowWithThatTarget() {
    assertThat(FlowChoice.select(List.of(FWD, REV), Optional.of("primary"))).isEqualTo(1);
  }

  @Test
  void anUnknownTargetIsOneMessageNamingTheKnownOnes() {
    assertThatThrownBy(() -> FlowChoice.select(List.of(FWD), Optional.of("dr2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--to dr2: no flow has target 'dr2' (targets: dr)");
  }
}
