package io.mirrorwatch.agent;

import io.mirrorwatch.agent.archfixture.evaluate.UsesKafka;
import io.mirrorwatch.agent.archfixture.lab.UsesTheLab;
import io.mirrorwatch.common.arch.ArchRules;
import io.mirrorwatch.common.arch.DeployableArchitecture;
import io.mirrorwatch.reconciler.archfixture.UsesTheAgent;
import org.junit.jupiter.api.Test;

class AgentArchitectureTest extends DeployableArchitecture {
  AgentArchitectureTest() {
    super("agent");
  }

  @Test
  void thePurityRuleRejectsAnEvaluatePackageThatSeesKafka() {
    ArchRules.assertBrokenBy(
        ArchRules.PURE_PACKAGES_SEE_NO_FRAMEWORK,
        "io.mirrorwatch.agent.archfixture.evaluate",
        UsesKafka.class);
  }

  @Test
  void theLabRuleRejectsAnAgentClassThatCallsTheLab() {
    ArchRules.assertBrokenBy(
        ArchRules.DEPLOYABLES_DO_NOT_IMPORT_THE_LAB,
        "io.mirrorwatch.agent.archfixture.lab",
        UsesTheLab.class);
  }

  @Test
  void theDeployablesRuleRejectsAReconcilerClassThatImportsTheAgent() {
    ArchRules.assertBrokenBy(
        ArchRules.DEPLOYABLES_DO_NOT_IMPORT_EACH_OTHER,
        "io.mirrorwatch.reconciler.archfixture",
        UsesTheAgent.class);
  }
}
