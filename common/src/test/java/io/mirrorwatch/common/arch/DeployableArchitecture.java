package io.mirrorwatch.common.arch;

import org.junit.jupiter.api.Test;

/** The checks of a deployable module (agent, reconciler), on top of every module's. */
public abstract class DeployableArchitecture extends ModuleArchitecture {
  protected DeployableArchitecture(String module) {
    super(module);
  }

  @Test
  void purePackagesSeeNoKafkaMicrometerPrometheusOrFlinkType() {
    ArchRules.assertHolds(ArchRules.PURE_PACKAGES_SEE_NO_FRAMEWORK, mainClasses);
  }

  @Test
  void mainClassesDoNotImportTheLab() {
    ArchRules.assertHolds(ArchRules.DEPLOYABLES_DO_NOT_IMPORT_THE_LAB, mainClasses);
  }

  @Test
  void mainClassesDoNotImportTheOtherDeployable() {
    ArchRules.assertHolds(ArchRules.DEPLOYABLES_DO_NOT_IMPORT_EACH_OTHER, mainClasses);
  }
}
