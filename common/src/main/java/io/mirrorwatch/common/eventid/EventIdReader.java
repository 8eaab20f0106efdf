package io.mirrorwatch.common.eventid;

import com.fasterxml.jackson.core.JsonPointer;
import io.mirrorwatch.common.config.ConfigNode;
import java.util.Optional;

/**
 * Reads an {@code eventId:} setting: {@code {from: header, name: event-id}}, {@code {from: json,
 * pointer: /eventId}} or {@code {from: key}}.
 */
public final class EventIdReader {
  private EventIdReader() {}

  /** The location at {@code node}, which must be present. */
  public static Optional<EventIdLocation> read(ConfigNode node) {
    if (node.isAbsent()) {
      node.problem("required");
      return Optional.empty();
    }
    if (!node.expectMap("from", "name", "pointer")) {
      return Optional.empty();
    }
    Optional<String> from = node.get("from").requiredText();
    if (from.isEmpty()) {
      return Optional.empty();
    }
    switch (from.get()) {
      case "header" -> {
        notAllowed(node, "pointer", "header");
        return node.get("name").requiredText().map(EventIdLocation.Header::new);
      }
      case "json" -> {
        notAllowed(node, "name", "json");
        return node.get("pointer")
            .requiredText()
            .flatMap(p -> jsonPointer(node.get("pointer"), p))
            .map(EventIdLocation.JsonField::new);
      }
      case "key" -> {
        notAllowed(node, "name", "key");
        notAllowed(node, "pointer", "key");
        return Optional.of(new EventIdLocation.Key());
      }
      default -> {
        node.get("from").problem("unknown source '" + from.get() + "' (known: header, json, key)");
        return Optional.empty();
      }
    }
  }

  /** {@code text} if it is a JSON pointer into a value ({@code /eventId}), else a problem. */
  public static Optional<String> jsonPointer(ConfigNode node, String text) {
    try {
      JsonPointer.compile(text);
      if (!text.startsWith("/")) {
        throw new IllegalArgumentException("must start with '/'");
      }
      return Optional.of(text);
    } catch (IllegalArgumentException e) {
      node.problem("not a JSON pointer: '" + text + "' (write e.g. /eventId)");
      return Optional.empty();
    }
  }

  private static void notAllowed(ConfigNode node, String key, String from) {
    if (!node.get(key).isAbsent()) {
      node.get(key).problem("not used with from: " + from);
    }
  }
}
