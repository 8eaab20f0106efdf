package io.mirrorwatch.reconciler.config;

import io.mirrorwatch.common.config.ConfigException;
import io.mirrorwatch.common.config.YamlConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Loads and validates the reconciler's YAML job spec. Either returns a complete {@link
 * ReconcileConfig} or throws one {@link ConfigException} listing every problem with its key path.
 * Never opens a connection: a spec can be checked on a machine that cannot reach the clusters. The
 * YAML rules (strictness, {@code ${ENV}} and config-provider references, durations) are common's
 * {@link YamlConfig}, the same as the agent's.
 */
public final class ConfigLoader {
  private static final YamlConfig YAML =
      new YamlConfig("reconciler", "clusters, streams, window, ...");

  private ConfigLoader() {}

  /** Loads {@code file}; {@code env} resolves {@code ${NAME}} references. */
  public static ReconcileConfig load(
      Path file, WindowOverrides overrides, Map<String, String> env) {
    return YAML.load(file, env, root -> SpecReader.read(root, overrides));
  }

  /** Parses YAML text with no environment: a {@code ${NAME}} reference is reported unset. */
  public static ReconcileConfig parse(String yaml, WindowOverrides overrides) {
    return parse(yaml, overrides, Map.of());
  }

  /** Parses YAML text; {@code env} resolves {@code ${NAME}} references. */
  public static ReconcileConfig parse(
      String yaml, WindowOverrides overrides, Map<String, String> env) {
    return YAML.parse(yaml, env, Optional.empty(), root -> SpecReader.read(root, overrides));
  }
}
