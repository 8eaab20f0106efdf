package io.mirrorwatch.reconciler.config;

import java.util.List;
import java.util.Optional;

/**
 * The job spec is unusable. Carries every problem found, one per line as {@code <file>: <key path>:
 * <problem>}, so one edit fixes them all. The CLI exits with code 2 on it.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  ConfigException(Optional<String> source, List<String> problems) {
    super(message(source, problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem as {@code <key path>: <problem>}, without the file name. */
  public List<String> problems() {
    return problems;
  }

  private static String message(Optional<String> source, List<String> problems) {
    String prefix = source.map(s -> s + ": ").orElse("");
    StringBuilder sb =
        new StringBuilder("invalid reconciler configuration (")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem):" : " problems):");
    problems.forEach(p -> sb.append('\n').append(prefix).append(p));
    return sb.toString();
  }
}
