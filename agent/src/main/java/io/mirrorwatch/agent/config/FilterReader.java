package io.mirrorwatch.agent.config;

import io.mirrorwatch.common.config.ConfigNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads a {@code topics:} or {@code groups:} filter: include and exclude lists of Java regexes. */
final class FilterReader {
  private FilterReader() {}

  /** Absent means everything, as MM2's own {@code topics} and {@code groups} defaults do. */
  static TopicFilter read(ConfigNode node) {
    node.expectMap("include", "exclude");
    ConfigNode include = node.get("include");
    List<Pattern> includes = include.isAbsent() ? TopicFilter.ALL.include() : patterns(include);
    // An explicit empty include selects nothing: a flow watching nothing is surely a mistake.
    if (include.isList() && include.elements().isEmpty()) {
      include.problem("must not be empty (leave it out to include everything)");
    }
    return new TopicFilter(includes, patterns(node.get("exclude")));
  }

  private static List<Pattern> patterns(ConfigNode list) {
    List<Pattern> patterns = new ArrayList<>();
    for (ConfigNode element : list.elements()) {
      compile(element).ifPresent(patterns::add);
    }
    return patterns;
  }

  private static Optional<Pattern> compile(ConfigNode node) {
    Optional<String> regex = node.requiredText();
    try {
      return regex.map(Pattern::compile);
    } catch (PatternSyntaxException e) {
      node.problem(
          "invalid regex '"
              + regex.orElse("")
              + "': "
              + e.getDescription()
              + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
      return Optional.empty();
    }
  }
}
