package io.mirrorwatch.reconciler;

import io.mirrorwatch.common.arch.ArchRules;
import io.mirrorwatch.common.arch.DeployableArchitecture;
import io.mirrorwatch.reconciler.archfixture.finding.UsesFlink;
import org.junit.jupiter.api.Test;

class ReconcilerArchitectureTest extends DeployableArchitecture {
  ReconcilerArchitectureTest() {
    super("reconciler");
  }

  @Test
  void thePurityRuleRejectsAFindingPackageThatSeesFlink() {
    ArchRules.assertBrokenBy(
        ArchRules.PURE_PACKAGES_SEE_NO_FRAMEWORK,
        "io.mirrorwatch.reconciler.archfixture.finding",
        UsesFlink.class);
  }
}
