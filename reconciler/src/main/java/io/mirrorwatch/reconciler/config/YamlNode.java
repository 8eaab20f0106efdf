package io.mirrorwatch.reconciler.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node of the parsed YAML tree with the key path that leads to it ({@code streams[0].eventId}).
 *
 * <p>Every read records a problem against this path and returns empty instead of throwing, so one
 * walk finds every problem. Absent and explicit null mean the same: the default applies.
 *
 * <p>Deliberately minimal: the agent has a fuller reader (env substitution, numbers as text, ...)
 * in {@code io.mirrorwatch.agent.config}; both should move to a shared module.
 */
final class YamlNode {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,12})(ms|s|m|h)");

  private final JsonNode node;
  private final String path;
  private final List<String> problems;

  private YamlNode(JsonNode node, String path, List<String> problems) {
    this.node = node == null ? MissingNode.getInstance() : node;
    this.path = path;
    this.problems = problems;
  }

  static YamlNode root(JsonNode tree, List<String> problems) {
    return new YamlNode(tree, "", problems);
  }

  String path() {
    return path.isEmpty() ? "(top level)" : path;
  }

  boolean isAbsent() {
    return node.isMissingNode() || node.isNull();
  }

  boolean isList() {
    return node.isArray();
  }

  boolean isText() {
    return node.isTextual();
  }

  void problem(String problem) {
    problems.add(path() + ": " + problem);
  }

  YamlNode get(String key) {
    JsonNode child = node.isObject() ? node.get(key) : null;
    return new YamlNode(child, path.isEmpty() ? key : path + "." + key, problems);
  }

  /** Checks that this is a map (or absent) whose keys are all among {@code known}. */
  boolean expectMap(String... known) {
    if (isAbsent()) {
      return true;
    }
    if (!node.isObject()) {
      problem("expected a map, got " + describe());
      return false;
    }
    List<String> knownKeys = Arrays.asList(known);
    node.fieldNames()
        .forEachRemaining(
            k -> {
              if (!knownKeys.contains(k)) {
                get(k).problem("unknown key (known: " + String.join(", ", knownKeys) + ")");
              }
            });
    return true;
  }

  /** The entries of a map whose keys the user chooses (client properties). */
  Map<String, YamlNode> entries() {
    Map<String, YamlNode> entries = new LinkedHashMap<>();
    if (isAbsent()) {
      return entries;
    }
    if (!node.isObject()) {
      problem("expected a map, got " + describe());
      return entries;
    }
    node.fieldNames().forEachRemaining(k -> entries.put(k, get(k)));
    return entries;
  }

  List<YamlNode> elements() {
    List<YamlNode> elements = new ArrayList<>();
    if (isAbsent()) {
      return elements;
    }
    if (!node.isArray()) {
      problem("expected a list, got " + describe());
      return elements;
    }
    for (int i = 0; i < node.size(); i++) {
      elements.add(new YamlNode(node.get(i), path + "[" + i + "]", problems));
    }
    return elements;
  }

  Optional<String> requiredText() {
    if (isAbsent()) {
      problem("required");
      return Optional.empty();
    }
    return text();
  }

  Optional<String> optionalText() {
    return isAbsent() ? Optional.empty() : text();
  }

  /** A Kafka client property: text, number or boolean, as text. */
  Optional<String> scalar() {
    if (node.isNumber() || node.isBoolean() || node.isTextual()) {
      return Optional.of(node.asText());
    }
    problem("expected text, a number or a boolean, got " + describe());
    return Optional.empty();
  }

  Optional<Integer> optionalInt(int min) {
    if (isAbsent()) {
      return Optional.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      problem("expected an integer, got " + describe());
      return Optional.empty();
    }
    if (node.intValue() < min) {
      problem("must be at least " + min + ", got " + node.intValue());
      return Optional.empty();
    }
    return Optional.of(node.intValue());
  }

  /** A whole number and a unit: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}. */
  Optional<Duration> duration(Duration defaultValue, boolean allowZero) {
    if (isAbsent()) {
      return Optional.of(defaultValue);
    }
    Matcher m = node.isTextual() ? DURATION.matcher(node.textValue().trim()) : null;
    if (m == null || !m.matches()) {
      problem("not a duration: " + describe() + " (use e.g. 500ms, 30s, 5m, 1h)");
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    Duration d =
        switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
    if (d.isZero() && !allowZero) {
      problem("must be greater than 0");
      return Optional.empty();
    }
    return Optional.of(d);
  }

  private Optional<String> text() {
    if (!node.isTextual()) {
      problem("expected text, got " + describe() + (node.isNumber() ? " (quote it)" : ""));
      return Optional.empty();
    }
    if (node.textValue().isBlank()) {
      problem("must not be empty");
      return Optional.empty();
    }
    return Optional.of(node.textValue().trim());
  }

  private String describe() {
    if (node.isObject()) {
      return "a map";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isTextual()) {
      return "'" + node.textValue() + "'";
    }
    return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " " + node.asText();
  }
}
