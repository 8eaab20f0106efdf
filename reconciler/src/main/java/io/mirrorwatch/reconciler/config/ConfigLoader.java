package io.mirrorwatch.reconciler.config;

import io.mirrorwatch.common.config.ConfigException;
import io.mirrorwatch.common.config.ConfigFiles;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads and validates the reconciler's YAML job spec. Either returns a complete {@link
 * ReconcileConfig} or throws one {@link ConfigException} listing every problem with its key path.
 * Never opens a connection: a spec can be checked on a machine that cannot reach the clusters.
 */
public final class ConfigLoader {
  private static final String SUBJECT = "reconciler";
  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private ConfigLoader() {}

  public static ReconcileConfig load(Path file, WindowOverrides overrides) {
    Optional<String> source = Optional.of(file.toString());
    String yaml = ConfigFiles.read(file, SUBJECT);
    return parse(yaml, overrides, source);
  }

  public static ReconcileConfig parse(String yaml, WindowOverrides overrides) {
    return parse(yaml, overrides, Optional.empty());
  }

  private static ReconcileConfig parse(
      String yaml, WindowOverrides overrides, Optional<String> source) {
    JsonNode tree;
    try {
      tree = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      String first = Optional.ofNullable(e.getOriginalMessage()).orElse("").split("\\R")[0];
      throw new ConfigException(SUBJECT, source, List.of("YAML syntax error" + where + ": " + first));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (tree != null && !tree.isMissingNode() && !tree.isObject()) {
      throw new ConfigException(
            SUBJECT,
          source, List.of("(top level): expected a map of sections (clusters, streams, window, ...)"));
    }
    List<String> problems = new ArrayList<>();
    ReconcileConfig config = SpecReader.read(YamlNode.root(tree, problems), overrides);
    if (!problems.isEmpty()) {
      throw new ConfigException(SUBJECT, source, problems);
    }
    return config;
  }
}
