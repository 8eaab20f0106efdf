package io.mirrorwatch.agent.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One MM2 JVM's remote JMX endpoint.
 *
 * @param url a {@code service:jmx:...} URL; its syntax is checked, nothing is connected
 * @param username present exactly when {@code password} is
 */
public record JmxEndpoint(String url, Optional<String> username, Optional<String> password) {

  public JmxEndpoint {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  /** Never prints the password: endpoints end up in logs and error messages. */
  @Override
  public String toString() {
    return "JmxEndpoint[url="
        + url
        + ", username="
        + username.orElse("<none>")
        + ", password="
        + (password.isPresent() ? "[hidden]" : "<none>")
        + "]";
  }
}
