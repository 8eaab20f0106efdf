package io.mirrorwatch.reconciler.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleConfigTest {
  @Test
  void theDocumentedExampleIsValid() {
    ReconcileConfig c =
        ConfigLoader.load(Path.of("reconcile.example.yaml"), WindowOverrides.none(), Map.of());
    assertThat(c.streams()).extracting(StreamSpec::name).containsExactly("orders");
    assertThat(c.parallelism()).contains(2);
  }
}
