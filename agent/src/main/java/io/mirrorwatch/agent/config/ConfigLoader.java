package io.mirrorwatch.agent.config;

import io.mirrorwatch.common.config.ConfigException;
import io.mirrorwatch.common.config.ConfigFiles;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads and validates the agent's YAML config. Either returns a complete {@link AgentConfig} or
 * throws one {@link ConfigException} listing every problem; never opens a connection or looks up a
 * name, so a config can be checked on a machine that cannot reach the clusters.
 *
 * <p>The YAML is read into a tree and walked by hand ({@link ConfigNode}) rather than bound to the
 * records by Jackson: binding stops at the first error and reports it in Jackson's terms, while the
 * walk reports every problem under the key path the user wrote.
 */
public final class ConfigLoader {
  private static final String SUBJECT = "agent";
  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          // A key written twice is a copy-paste slip; by default the last one would silently win.
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  private ConfigLoader() {}

  /**
   * Loads {@code file}; {@code env} resolves {@code ${NAME}} references (pass {@code
   * System.getenv()}).
   */
  public static AgentConfig load(Path file, Map<String, String> env) {
    Optional<String> source = Optional.of(file.toString());
    String yaml = ConfigFiles.read(file, SUBJECT);
    return parse(yaml, env, source);
  }

  /** Parses YAML text; {@code env} resolves {@code ${NAME}} references. */
  public static AgentConfig parse(String yaml, Map<String, String> env) {
    return parse(yaml, env, Optional.empty());
  }

  private static AgentConfig parse(String yaml, Map<String, String> env, Optional<String> source) {
    JsonNode tree;
    try (JsonParser parser = YAML.createParser(yaml)) {
      tree = YAML.readTree(parser); // null for an empty file: every required key is then reported
      // A second "---" document would otherwise be ignored without a word.
      if (parser.nextToken() != null) {
        throw new ConfigException(
            SUBJECT,
            source,
            List.of(
                "YAML: more than one document (a second '---'"
                    + " near line "
                    + parser.currentLocation().getLineNr()
                    + "); write a single one"));
      }
    } catch (JsonProcessingException e) {
      throw new ConfigException(SUBJECT, source, List.of(syntaxProblem(e)));
    } catch (IOException e) { // reading from a String: cannot happen
      throw new UncheckedIOException(e);
    }
    if (tree != null && !tree.isObject()) {
      // Every section would also be reported missing: one line says it better.
      throw new ConfigException(
            SUBJECT,
          source,
          List.of(
              Problems.ROOT
                  + ": expected a map of sections (scrape, http, clusters, flows, ...), got "
                  + (tree.isArray() ? "a list" : "'" + tree.asText() + "'")));
    }
    Problems problems = new Problems();
    AgentConfig config = AgentConfigReader.read(ConfigNode.root(tree, problems, Map.copyOf(env)));
    if (!problems.isEmpty()) {
      throw new ConfigException(SUBJECT, source, problems.asList());
    }
    return config;
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
