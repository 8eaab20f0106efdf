package io.mirrorwatch.cutover;

import io.mirrorwatch.common.arch.ArchRules;
import io.mirrorwatch.common.arch.DeployableArchitecture;
import io.mirrorwatch.cutover.archfixture.lab.UsesTheLab;
import org.junit.jupiter.api.Test;

class CutoverArchitectureTest extends DeployableArchitecture {
  CutoverArchitectureTest() {
    super("cutover");
  }

  @Test
  void theLabRuleRejectsACutoverClassThatCallsTheLab() {
    ArchRules.assertBrokenBy(
        ArchRules.DEPLOYABLES_DO_NOT_IMPORT_THE_LAB,
        "io.mirrorwatch.cutover.archfixture.lab",
        UsesTheLab.class);
  }
}
