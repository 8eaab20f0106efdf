package io.mirrorwatch.common.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} in string values with the environment variable {@code NAME}, so secrets
 * stay out of the file.
 *
 * <p>A reference with a colon is Kafka's config-provider syntax ({@code ${file:/etc/kafka/s.properties:
 * password}}, {@code ${dir:/etc/secrets:password}}, {@code ${env:NAME}}) and is kept as written:
 * the Kafka clients resolve it when the cluster's properties set {@code config.providers}. An
 * environment variable name never contains a colon, so the two cannot be confused.
 *
 * <p>Substituted values are not scanned again: a value that itself contains {@code ${...}} is taken
 * literally, which is also the way to put a literal {@code ${} into the config. A variable that is
 * set but empty substitutes as empty, as in a shell.
 */
public final class EnvSubstitution {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private EnvSubstitution() {}

  /**
   * Returns the substituted text, or empty after reporting every unset variable and malformed
   * reference in {@code text} to {@code problems}.
   */
  public static Optional<String> apply(
      String text, Map<String, String> env, Consumer<String> problems) {
    StringBuilder out = new StringBuilder(text.length());
    boolean ok = true;
    int from = 0;
    while (true) {
      int start = text.indexOf("${", from);
      if (start < 0) {
        out.append(text, from, text.length());
        break;
      }
      out.append(text, from, start);
      int end = text.indexOf('}', start + 2);
      if (end < 0) {
        problems.accept("unterminated '${' (write ${NAME})");
        return Optional.empty();
      }
      String name = text.substring(start + 2, end);
      if (isConfigProviderReference(name)) {
        out.append(text, start, end + 1);
      } else if (!NAME.matcher(name).matches()) {
        problems.accept("invalid environment variable reference '${" + name + "}'");
        ok = false;
      } else if (!env.containsKey(name)) {
        problems.accept("environment variable " + name + " is not set");
        ok = false;
      } else {
        out.append(env.get(name));
      }
      from = end + 1;
    }
    return ok ? Optional.of(out.toString()) : Optional.empty();
  }

  /**
   * {@code provider:key} or {@code provider:path:key}, as Kafka's {@code ConfigTransformer} reads
   * it: a provider name, a colon, and a non-empty rest.
   */
  static boolean isConfigProviderReference(String inside) {
    int colon = inside.indexOf(':');
    return colon > 0
        && colon < inside.length() - 1
        && NAME.matcher(inside.substring(0, colon)).matches();
  }
}
