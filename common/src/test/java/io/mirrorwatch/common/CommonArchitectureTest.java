package io.mirrorwatch.common;

import io.mirrorwatch.common.arch.ArchRules;
import io.mirrorwatch.common.arch.ModuleArchitecture;
import io.mirrorwatch.common.archfixture.cycle.ping.Ping;
import org.junit.jupiter.api.Test;

class CommonArchitectureTest extends ModuleArchitecture {
  CommonArchitectureTest() {
    super("common");
  }

  @Test
  void theCycleRuleRejectsTwoPackagesThatImportEachOther() {
    ArchRules.assertBrokenBy(
        ArchRules.NO_PACKAGE_CYCLES, "io.mirrorwatch.common.archfixture.cycle", Ping.class);
  }
}
