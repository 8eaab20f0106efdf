package io.mirrorwatch.common.config;

import java.util.ArrayList;
import java.util.List;

/** Every problem found in one config, in the order found, each as {@code <key path>: <problem>}. */
public final class Problems {
  /** How the path of the document's root is shown: an empty prefix would read as a typo. */
  public static final String ROOT = "(top level)";

  private final List<String> problems = new ArrayList<>();

  public void add(String path, String problem) {
    problems.add((path.isEmpty() ? ROOT : path) + ": " + problem);
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public List<String> asList() {
    return List.copyOf(problems);
  }
}
