package io.mirrorwatch.reconciler.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PayloadHashTest {
  private static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  @Test
  void aCopyHashesLikeItsSource() {
    assertThat(PayloadHash.of(b("k-1"), b("{\"amount\":12.30}")))
        .isEqualTo(PayloadHash.of(b("k-1"), b("{\"amount\":12.30}")));
  }

  @Test
  void nullEmptyAndTheKeyValueBoundaryAreTold() {
    // A list, not Set.of: Set.of throws IllegalArgumentException on the very collision under test.
    List<Long> made =
        List.of(
            PayloadHash.of(null, b("v")),
            PayloadHash.of(b(""), b("v")),
            PayloadHash.of(b("v"), null),
            PayloadHash.of(b("v"), b("")),
            PayloadHash.of(null, null),
            PayloadHash.of(b("ab"), b("c")),
            PayloadHash.of(b("a"), b("bc")));
    assertThat(new HashSet<>(made)).hasSize(made.size());
  }

  /** Every length around the 8-byte steps, every byte position changed: all hashes differ. */
  @Test
  void everyByteCounts() {
    Set<Long> hashes = new HashSet<>();
    int made = 0;
    for (int length = 0; length <= 25; length++) {
      byte[] value = new byte[length];
      hashes.add(PayloadHash.of(b("k"), value.clone()));
      made++;
      for (int i = 0; i < length; i++) {
        byte[] changed = value.clone();
        changed[i] = 1;
        hashes.add(PayloadHash.of(b("k"), changed));
        made++;
      }
    }
    assertThat(hashes).hasSize(made);
  }
}
