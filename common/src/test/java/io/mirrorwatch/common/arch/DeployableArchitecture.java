package io.mirrorwatch.common.arch;

import org.junit.jupiter.api.Test;

/** The checks of a deployable module (agent, reconciler), on top of every module's. */
public abstract class DeployableArchitecture extends ModuleArchitecture {
  protected DeployableArchitecture(String module) {
    super(module);
  }

  @Test
  void purePackagesSeeNoKafkaMicrometerPrometheusOrFlinkType() {
    ArchRules.PURE_PACKAGES_SEE_NO_FRAMEWORK.check(mainClasses);
  }

  @Test
  void mainClassesDoNotImportTheLab() {
    ArchRules.DEPLOYABLES_DO_NOT_IMPORT_THE_LAB.check(mainClasses);
  }

  @Test
  void mainClassesDoNotImportTheOtherDeployable() {
    ArchRules.DEPLOYABLES_DO_NOT_IMPORT_EACH_OTHER.check(mainClasses);
  }
}
