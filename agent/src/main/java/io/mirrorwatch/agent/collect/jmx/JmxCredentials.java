package io.mirrorwatch.agent.collect.jmx;

import java.util.Objects;

/**
 * Credentials for a password-protected JMX endpoint ({@code
 * com.sun.management.jmxremote.authenticate =true}). The exporter sends them only when both are
 * non-empty, so both must be. A value written as {@code ${NAME}} is read from environment variable
 * {@code NAME} by the exporter, which keeps passwords out of config files.
 */
public record JmxCredentials(String username, String password) {
  public JmxCredentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    if (username.isBlank() || password.isBlank()) {
      throw new IllegalArgumentException("JMX username and password must both be non-empty");
    }
  }

  /** Never prints the password: records end up in logs and error messages. */
  @Override
  public String toString() {
    return "JmxCredentials[username=" + username + ", password=***]";
  }
}
