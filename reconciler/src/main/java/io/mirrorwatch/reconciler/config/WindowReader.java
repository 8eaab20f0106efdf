package io.mirrorwatch.reconciler.config;

import io.mirrorwatch.common.config.ConfigNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads {@code window:} and applies {@code --from}/{@code --to}: the window runs from {@code
 * failoverAt - margin} to {@code failbackAt + margin}; each command-line bound replaces the
 * computed one, so the section may be omitted when both are given.
 */
final class WindowReader {
  private WindowReader() {}

  static Window read(ConfigNode node, WindowOverrides overrides) {
    node.expectMap("failoverAt", "failbackAt", "margin", "downstreamGrace");
    Optional<Instant> failoverAt = instant(node.get("failoverAt"));
    Optional<Instant> failbackAt = instant(node.get("failbackAt"));
    Duration margin =
        node.get("margin").nonNegativeDuration(Window.DEFAULT_MARGIN).orElse(Window.DEFAULT_MARGIN);
    Duration grace =
        node.get("downstreamGrace")
            .nonNegativeDuration(Window.DEFAULT_DOWNSTREAM_GRACE)
            .orElse(Window.DEFAULT_DOWNSTREAM_GRACE);
    if (overrides.from().isEmpty() && node.get("failoverAt").isAbsent()) {
      node.get("failoverAt").problem("required unless --from is given");
    }
    if (overrides.to().isEmpty() && node.get("failbackAt").isAbsent()) {
      node.get("failbackAt").problem("required unless --to is given");
    }
    boolean reversed =
        failoverAt.isPresent()
            && failbackAt.isPresent()
            && failbackAt.get().isBefore(failoverAt.get());
    if (reversed) {
      node.get("failbackAt")
          .problem("must not be before window.failoverAt (" + failoverAt.get() + ")");
    }
    Instant from =
        overrides.from().or(() -> failoverAt.map(t -> t.minus(margin))).orElse(Instant.EPOCH);
    Instant to = overrides.to().or(() -> failbackAt.map(t -> t.plus(margin))).orElse(Instant.EPOCH);
    boolean bothKnown =
        (overrides.from().isPresent() || failoverAt.isPresent())
            && (overrides.to().isPresent() || failbackAt.isPresent());
    if (bothKnown && !reversed && to.isBefore(from)) {
      node.problem("the window ends (" + to + ") before it starts (" + from + ")");
    }
    return new Window(from, to, to.plus(grace), failoverAt, failbackAt);
  }

  /** ISO-8601 with an offset: {@code 2025-03-01T10:15:00Z} or {@code 2025-03-01T11:15:00+01:00}. */
  static Optional<Instant> instant(ConfigNode node) {
    return node.optionalText()
        .flatMap(
            text -> {
              try {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
              } catch (DateTimeParseException e) {
                node.problem(
                    "not a timestamp: '"
                        + text
                        + "' (use ISO-8601 with an offset, e.g. 2025-03-01T10:15:00Z)");
                return Optional.empty();
              }
            });
  }
}
