package io.mirrorwatch.agent.config;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Include/exclude regexes over topic or group names, with MM2's semantics: a name is selected when
 * it fully matches at least one include and no exclude.
 *
 * <p>Equality compares the regex sources and flags, because {@link Pattern} itself has identity
 * equality and two loads of one file must give equal configs.
 */
public record TopicFilter(List<Pattern> include, List<Pattern> exclude) {

  /** Everything: include {@code .*}, exclude nothing. */
  public static final TopicFilter ALL = new TopicFilter(List.of(Pattern.compile(".*")), List.of());

  public TopicFilter {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  public boolean matches(String name) {
    return include.stream().anyMatch(p -> p.matcher(name).matches())
        && exclude.stream().noneMatch(p -> p.matcher(name).matches());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TopicFilter other
        && sources(include).equals(sources(other.include))
        && sources(exclude).equals(sources(other.exclude));
  }

  @Override
  public int hashCode() {
    return Objects.hash(sources(include), sources(exclude));
  }

  @Override
  public String toString() {
    return "TopicFilter[include=" + include + ", exclude=" + exclude + "]";
  }

  private static List<String> sources(List<Pattern> patterns) {
    return patterns.stream().map(p -> p.flags() + "/" + p.pattern()).toList();
  }
}
