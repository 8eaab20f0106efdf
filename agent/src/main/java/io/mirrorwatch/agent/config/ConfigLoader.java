package io.mirrorwatch.agent.config;

import io.mirrorwatch.common.config.ConfigException;
import io.mirrorwatch.common.config.YamlConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Loads and validates the agent's YAML config. Either returns a complete {@link AgentConfig} or
 * throws one {@link ConfigException} listing every problem; never opens a connection or looks up a
 * name, so a config can be checked on a machine that cannot reach the clusters. The YAML rules
 * (strictness, {@code ${ENV}}, durations) are common's {@link YamlConfig}.
 */
public final class ConfigLoader {
  private static final YamlConfig YAML =
      new YamlConfig("agent", "scrape, http, clusters, flows, ...");

  private ConfigLoader() {}

  /**
   * Loads {@code file}; {@code env} resolves {@code ${NAME}} references (pass {@code
   * System.getenv()}).
   */
  public static AgentConfig load(Path file, Map<String, String> env) {
    return YAML.load(file, env, AgentConfigReader::read);
  }

  /** Parses YAML text; {@code env} resolves {@code ${NAME}} references. */
  public static AgentConfig parse(String yaml, Map<String, String> env) {
    return YAML.parse(yaml, env, Optional.empty(), AgentConfigReader::read);
  }
}
