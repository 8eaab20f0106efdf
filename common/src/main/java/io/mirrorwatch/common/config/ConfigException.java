package io.mirrorwatch.common.config;

import java.util.List;
import java.util.Optional;

/**
 * A configuration is unusable. Carries every problem found, not just the first, so one edit-run
 * cycle fixes them all; the message lists them one per line, each prefixed with the file (if any)
 * as compilers do: {@code agent.yaml: flows[0].source: unknown cluster 'primry' (known: primary,
 * dr)}. Shared by the agent and the reconciler, whose command lines exit with code 2 on it.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  /**
   * @param subject what is configured, e.g. {@code agent}: "invalid agent configuration"
   */
  public ConfigException(String subject, Optional<String> source, List<String> problems) {
    super(message(subject, source, problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem as {@code <key path>: <problem>}, without the file name. */
  public List<String> problems() {
    return problems;
  }

  private static String message(String subject, Optional<String> source, List<String> problems) {
    String prefix = source.map(s -> s + ": ").orElse("");
    StringBuilder sb =
        new StringBuilder("invalid " + subject + " configuration (")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem):" : " problems):");
    problems.forEach(p -> sb.append('\n').append(prefix).append(p));
    return sb.toString();
  }
}
