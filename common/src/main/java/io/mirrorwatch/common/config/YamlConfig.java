package io.mirrorwatch.common.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads one YAML configuration into a typed value, for every deployable: either the value, or one
 * {@link ConfigException} listing every problem with its key path. Opens no connection and looks up
 * no name, so a config can be checked on a machine that cannot reach the clusters.
 *
 * <p>Strict where YAML is lenient: a key written twice (the last would silently win) and a second
 * {@code ---} document (it would be ignored) are errors; the root must be a map.
 *
 * <p>The YAML is read into a tree and walked by hand ({@link ConfigNode}) rather than bound to
 * records by Jackson: binding stops at the first error and reports it in Jackson's terms, while the
 * walk reports every problem under the key path the user wrote.
 *
 * @param subject what is configured ({@code agent}, {@code reconciler}): "invalid agent
 *     configuration"
 * @param sections the top-level sections, named in the message when the root is not a map
 */
public record YamlConfig(String subject, String sections) {
  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  /** Reads {@code file} and walks it with {@code reader}; {@code env} resolves {@code ${NAME}}. */
  public <T> T load(Path file, Map<String, String> env, Function<ConfigNode, T> reader) {
    return parse(ConfigFiles.read(file, subject), env, Optional.of(file.toString()), reader);
  }

  /** Parses YAML text and walks it with {@code reader}. */
  public <T> T parse(
      String yaml,
      Map<String, String> env,
      Optional<String> source,
      Function<ConfigNode, T> reader) {
    JsonNode tree = tree(yaml, source);
    if (tree != null && !tree.isObject()) {
      // Every section would also be reported missing: one line says it better.
      throw new ConfigException(
          subject,
          source,
          List.of(
              Problems.ROOT
                  + ": expected a map of sections ("
                  + sections
                  + "), got "
                  + (tree.isArray() ? "a list" : "'" + tree.asText() + "'")));
    }
    Problems problems = new Problems();
    T value = reader.apply(ConfigNode.root(tree, problems, Map.copyOf(env)));
    if (!problems.isEmpty()) {
      throw new ConfigException(subject, source, problems.asList());
    }
    return value;
  }

  /** The document's tree; null for an empty document (every required key is then reported). */
  private JsonNode tree(String yaml, Optional<String> source) {
    try (JsonParser parser = YAML.createParser(yaml)) {
      JsonNode tree = YAML.readTree(parser);
      if (parser.nextToken() != null) {
        throw new ConfigException(
            subject,
            source,
            List.of(
                "YAML: more than one document (a second '---' near line "
                    + parser.currentLocation().getLineNr()
                    + "); write a single one"));
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw new ConfigException(subject, source, List.of(syntaxProblem(e)));
    } catch (IOException e) { // reading from a String: cannot happen
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One line, to keep {@link ConfigException}'s one problem per line: SnakeYAML's message spans
   * several, each {@code in 'reader', line L, column C:} followed by the source line and a caret,
   * which are dropped here (the location is stated once, up front).
   */
  private static String syntaxProblem(JsonProcessingException e) {
    String message = Optional.ofNullable(e.getOriginalMessage()).orElse(e.toString());
    List<String> kept = new ArrayList<>();
    int skip = 0;
    for (String line : message.split("\\R")) {
      if (line.strip().startsWith("in 'reader'")) {
        skip = 2; // the quoted source line and the caret under it
      } else if (skip > 0) {
        skip--;
      } else if (!line.isBlank()) {
        // Jackson's word for a repeated key; "field" means nothing to someone editing YAML.
        kept.add(line.strip().replace("Duplicate field", "duplicate key"));
      }
    }
    JsonLocation at = e.getLocation();
    String where =
        at != null && at.getLineNr() > 0
            ? " at line " + at.getLineNr() + ", column " + at.getColumnNr()
            : "";
    return "YAML syntax error" + where + ": " + String.join(": ", kept);
  }
}
