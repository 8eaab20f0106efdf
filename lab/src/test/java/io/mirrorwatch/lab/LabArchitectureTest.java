package io.mirrorwatch.lab;

import io.mirrorwatch.common.arch.ModuleArchitecture;

class LabArchitectureTest extends ModuleArchitecture {
  LabArchitectureTest() {
    super("lab");
  }
}
