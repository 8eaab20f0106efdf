package io.mirrorwatch.common.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A node of the parsed YAML tree and the key path that leads to it ({@code flows[0].topics}).
 *
 * <p>Contract shared by every read: a problem is recorded against this node's path and the read
 * returns empty (or an empty collection) instead of throwing, so one walk finds every problem. An
 * absent key and an explicit null ({@code key:} with nothing after it) mean the same: the default
 * applies. A read of a child of a node that is not a map sees an absent child, so a wrong type is
 * reported once, at the node, and not again for each key below it.
 *
 * <p>Every string value goes through {@link EnvSubstitution}: {@code ${NAME}} is replaced by the
 * environment variable, and a Kafka config-provider reference ({@code ${file:/path:key}}) is passed
 * through for the Kafka clients to resolve. This is the one YAML reader of every deployable; {@link
 * YamlConfig} builds the root.
 */
public final class ConfigNode {
  private final JsonNode node;
  private final String path;
  private final Problems problems;
  private final Map<String, String> env;

  private ConfigNode(JsonNode node, String path, Problems problems, Map<String, String> env) {
    this.node = node;
    this.path = path;
    this.problems = problems;
    this.env = env;
  }

  public static ConfigNode root(JsonNode tree, Problems problems, Map<String, String> env) {
    return new ConfigNode(tree == null ? MissingNode.getInstance() : tree, "", problems, env);
  }

  public String path() {
    return path;
  }

  public boolean isAbsent() {
    return node.isMissingNode() || node.isNull();
  }

  public boolean isMap() {
    return node.isObject();
  }

  public boolean isList() {
    return node.isArray();
  }

  /** Whether this is a text scalar (a list element may be a name or a map with a name). */
  public boolean isText() {
    return node.isTextual();
  }

  public void problem(String problem) {
    problems.add(path, problem);
  }

  public ConfigNode get(String key) {
    JsonNode child = node.isObject() ? node.path(key) : MissingNode.getInstance();
    return new ConfigNode(child, path.isEmpty() ? key : path + "." + key, problems, env);
  }

  /**
   * Checks that this is a map with no key outside {@code knownKeys}; absent counts as empty. False
   * when it is something else than a map (reported), so a caller can skip reading its keys.
   */
  public boolean expectMap(String... knownKeys) {
    if (isAbsent()) {
      return true;
    }
    if (expect(JsonNode::isObject, "a map")) {
      List<String> known = Arrays.asList(knownKeys);
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!known.contains(key)) {
          get(key).problem("unknown key (known: " + String.join(", ", known) + ")");
        }
      }
      return true;
    }
    return false;
  }

  /** The entries of a map whose keys the user chooses (cluster aliases, client properties). */
  public Map<String, ConfigNode> entries() {
    Map<String, ConfigNode> entries = new LinkedHashMap<>();
    if (!isAbsent() && expect(JsonNode::isObject, "a map")) {
      node.fieldNames().forEachRemaining(key -> entries.put(key, get(key)));
    }
    return entries;
  }

  public List<ConfigNode> elements() {
    List<ConfigNode> elements = new ArrayList<>();
    if (!isAbsent() && expect(JsonNode::isArray, "a list")) {
      for (int i = 0; i < node.size(); i++) {
        elements.add(new ConfigNode(node.get(i), path + "[" + i + "]", problems, env));
      }
    }
    return elements;
  }

  /** Non-blank text after {@code ${ENV}} substitution; {@code defaultValue} when absent. */
  public Optional<String> text(String defaultValue) {
    return isAbsent() ? Optional.of(defaultValue) : presentText();
  }

  /** Non-blank text after substitution, or empty when absent (no default applies). */
  public Optional<String> optionalText() {
    return isAbsent() ? Optional.empty() : presentText();
  }

  /** An integer of at least {@code min}, or empty when absent. */
  public Optional<Integer> optionalInteger(int min) {
    return isAbsent() ? Optional.empty() : integer(min, min, Integer.MAX_VALUE);
  }

  /** Like {@link #text(String)}, but absence is a problem. */
  public Optional<String> requiredText() {
    if (isAbsent()) {
      problem("required");
      return Optional.empty();
    }
    return presentText();
  }

  /**
   * A Kafka client property value: text, a number or a boolean, as text (YAML reads {@code 30000}
   * as a number, Kafka wants {@code "30000"}); may be empty.
   */
  public Optional<String> scalarText() {
    if (node.isNumber() || node.isBoolean()) {
      return Optional.of(node.asText());
    }
    if (isAbsent()) {
      problem("value required (remove the key to leave the property unset)");
      return Optional.empty();
    }
    return expect(JsonNode::isTextual, "text") ? substituted() : Optional.empty();
  }

  /** An integer in {@code [min, max]}; text is accepted so that {@code ${PORT}} works. */
  public Optional<Integer> integer(int defaultValue, int min, int max) {
    if (isAbsent()) {
      return Optional.of(defaultValue);
    }
    Optional<Integer> value =
        number(
            "an integer",
            n -> n.isIntegralNumber() && n.canConvertToInt(),
            JsonNode::intValue,
            Integer::valueOf);
    if (value.isPresent() && (value.get() < min || value.get() > max)) {
      problem(
          max == Integer.MAX_VALUE
              ? "must be at least " + min + ", got " + value.get()
              : "must be between " + min + " and " + max + ", got " + value.get());
      return Optional.empty();
    }
    return value;
  }

  /** A finite number in {@code [min, max]}. */
  public Optional<Double> decimal(double defaultValue, double min, double max) {
    if (isAbsent()) {
      return Optional.of(defaultValue);
    }
    Optional<Double> value =
        number("a number", JsonNode::isNumber, JsonNode::doubleValue, Double::valueOf);
    // NaN fails both comparisons below, so it is tested on its own.
    if (value.isPresent() && (value.get().isNaN() || value.get() < min || value.get() > max)) {
      problem("must be between " + min + " and " + max + ", got " + value.get());
      return Optional.empty();
    }
    return value;
  }

  /** A duration greater than zero. */
  public Optional<Duration> positiveDuration(Duration defaultValue) {
    Optional<Duration> d = duration(defaultValue);
    if (d.isPresent() && (d.get().isZero() || d.get().isNegative())) {
      problem("must be greater than 0, got " + Durations.format(d.get()));
      return Optional.empty();
    }
    return d;
  }

  /** A duration of zero or more. */
  public Optional<Duration> nonNegativeDuration(Duration defaultValue) {
    Optional<Duration> d = duration(defaultValue);
    if (d.isPresent() && d.get().isNegative()) {
      problem("must not be negative, got " + Durations.format(d.get()));
      return Optional.empty();
    }
    return d;
  }

  private Optional<Duration> duration(Duration defaultValue) {
    if (isAbsent()) {
      return Optional.of(defaultValue);
    }
    if (node.isNumber()) { // a bare number has no unit: say so rather than "expected text"
      problem("not a duration: '" + node.asText() + "' " + Durations.HINT);
      return Optional.empty();
    }
    Optional<String> text =
        expect(JsonNode::isTextual, "a duration") ? substituted() : Optional.empty();
    try {
      return text.map(Durations::parse);
    } catch (IllegalArgumentException e) {
      problem(e.getMessage());
      return Optional.empty();
    }
  }

  private <T> Optional<T> number(
      String what,
      Predicate<JsonNode> fits,
      Function<JsonNode, T> fromNode,
      Function<String, T> fromText) {
    if (node.isNumber() && fits.test(node)) {
      return Optional.of(fromNode.apply(node));
    }
    if (node.isTextual()) {
      Optional<String> text = substituted();
      try {
        return text.map(t -> fromText.apply(t.trim()));
      } catch (NumberFormatException e) {
        problem("expected " + what + ", got '" + text.orElse("") + "'");
        return Optional.empty();
      }
    }
    problem("expected " + what + ", got " + describe(node));
    return Optional.empty();
  }

  private Optional<String> presentText() {
    if (node.isNumber() || node.isBoolean()) {
      problem("expected text, got " + describe(node) + " (quote it if it is meant as text)");
      return Optional.empty();
    }
    Optional<String> text = expect(JsonNode::isTextual, "text") ? substituted() : Optional.empty();
    if (text.isPresent() && text.get().isBlank()) {
      problem("must not be empty");
      return Optional.empty();
    }
    return text;
  }

  private Optional<String> substituted() {
    return EnvSubstitution.apply(node.textValue(), env, this::problem);
  }

  private boolean expect(Predicate<JsonNode> isType, String expected) {
    if (isType.test(node)) {
      return true;
    }
    problem("expected " + expected + ", got " + describe(node));
    return false;
  }

  private static String describe(JsonNode n) {
    if (n.isObject()) {
      return "a map";
    }
    if (n.isArray()) {
      return "a list";
    }
    if (n.isTextual()) {
      return "text '" + n.textValue() + "'";
    }
    if (n.isNumber()) {
      return "number " + n.asText();
    }
    if (n.isBoolean()) {
      return "boolean " + n.asText();
    }
    return n.getNodeType().toString().toLowerCase(Locale.ROOT);
  }
}
