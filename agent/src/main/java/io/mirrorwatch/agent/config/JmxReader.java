package io.mirrorwatch.agent.config;

import io.mirrorwatch.common.config.ConfigNode;
import java.net.MalformedURLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.management.remote.JMXServiceURL;

/** Reads {@code mm2.jmx:}, the MM2 JVMs' remote JMX endpoints of one flow. */
final class JmxReader {
  private JmxReader() {}

  static List<JmxEndpoint> read(ConfigNode list) {
    List<JmxEndpoint> endpoints = new ArrayList<>();
    for (ConfigNode node : list.elements()) {
      node.expectMap("url", "username", "password");
      String url = url(node.get("url")).orElse("");
      ConfigNode username = node.get("username");
      ConfigNode password = node.get("password");
      // JMX authenticates with both or neither: one alone is a half-finished edit.
      if (!username.isAbsent() && password.isAbsent()) {
        password.problem("required when username is set");
      }
      if (username.isAbsent() && !password.isAbsent()) {
        username.problem("required when password is set");
      }
      endpoints.add(new JmxEndpoint(url, optional(username), optional(password)));
    }
    return endpoints;
  }

  /** Only parses: {@link JMXServiceURL}'s constructor opens no connection and resolves no name. */
  private static Optional<String> url(ConfigNode node) {
    Optional<String> url = node.requiredText().map(String::trim);
    if (url.isPresent()) {
      try {
        new JMXServiceURL(url.get());
      } catch (MalformedURLException e) {
        node.problem(
            "not a JMX service URL: '"
                + url.get()
                + "' ("
                + e.getMessage()
                + "; use e.g. service:jmx:rmi:///jndi/rmi://host:9999/jmxrmi)");
        return Optional.empty();
      }
    }
    return url;
  }

  private static Optional<String> optional(ConfigNode node) {
    return node.isAbsent() ? Optional.empty() : node.requiredText();
  }
}
