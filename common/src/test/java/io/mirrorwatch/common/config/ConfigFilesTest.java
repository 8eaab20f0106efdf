package io.mirrorwatch.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {

  @Test
  void missingFileIsOneProblemNamingTheFile(@TempDir Path dir) {
    Path missing = dir.resolve("agent.yaml");
    assertThatThrownBy(() -> ConfigFiles.read(missing, "agent"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "invalid agent configuration (1 problem):\n"
                + missing
                + ": cannot read the file: it does not exist");
  }

  @Test
  void notUtf8IsSaidInWords(@TempDir Path dir) throws Exception {
    Path binary = Files.write(dir.resolve("x.yaml"), new byte[] {(byte) 0xC3, (byte) 0x28});
    assertThatThrownBy(() -> ConfigFiles.read(binary, "reconciler"))
        .hasMessageContaining("not UTF-8 text");
  }

  @Test
  void messageListsEveryProblemWithTheFile() {
    ConfigException e =
        new ConfigException("agent", Optional.of("a.yaml"), List.of("x: bad", "y: worse"));
    assertThat(e.getMessage())
        .isEqualTo("invalid agent configuration (2 problems):\na.yaml: x: bad\na.yaml: y: worse");
    assertThat(e.problems()).containsExactly("x: bad", "y: worse");
  }
}
