package io.mirrorwatch.common.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The checks every module runs on its own main classes: extend it as {@code
 * <Module>ArchitectureTest} and pass the module's name ({@code io.mirrorwatch.<name>}). The classes
 * are imported once per test class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ModuleArchitecture {
  protected final JavaClasses mainClasses;

  protected ModuleArchitecture(String module) {
    this.mainClasses = ArchRules.mainClasses(module);
  }

  @Test
  void packagesDependOnEachOtherInOneDirectionOnly() {
    ArchRules.assertHolds(ArchRules.NO_PACKAGE_CYCLES, mainClasses);
  }
}
