package io.mirrorwatch.bench;

import io.mirrorwatch.common.arch.ModuleArchitecture;

class BenchArchitectureTest extends ModuleArchitecture {
  BenchArchitectureTest() {
    super("bench");
  }
}
