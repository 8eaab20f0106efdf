package io.mirrorwatch.reconciler.config;

import java.time.Instant;
import java.util.Optional;

/** {@code --from} / {@code --to} from the command line: they replace the computed bounds. */
public record WindowOverrides(Optional<Instant> from, Optional<Instant> to) {
  public static WindowOverrides none() {
    return new WindowOverrides(Optional.empty(), Optional.empty());
  }
}
