package io.mirrorwatch.common.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Syntax checks for host names and {@code host:port} addresses. Purely textual: validation must not
 * resolve names, so a host that does not exist passes here and fails at the first scrape.
 */
public final class HostPort {
  private static final String HOST_NAME = "[A-Za-z0-9_](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?";
  private static final String IPV6 = "[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?:%[A-Za-z0-9._-]+)?";
  private static final Pattern HOST = Pattern.compile(HOST_NAME + "|" + IPV6);
  private static final Pattern ADDRESS =
      Pattern.compile("(" + HOST_NAME + "|\\[" + IPV6 + "])" + ":(\\d{1,5})");

  private HostPort() {}

  /** What is wrong with {@code address} as {@code host:port} ({@code [ipv6]:port}), if anything. */
  public static Optional<String> addressProblem(String address) {
    Matcher m = ADDRESS.matcher(address);
    if (!m.matches()) {
      return Optional.of("'" + address + "' is not host:port");
    }
    int port = Integer.parseInt(m.group(2));
    if (port < 1 || port > 65535) {
      return Optional.of("'" + address + "': port must be between 1 and 65535");
    }
    return Optional.empty();
  }

  /** Whether {@code host} is a host name or an IP address literal (IPv6 without brackets). */
  public static boolean isHost(String host) {
    return HOST.matcher(host).matches();
  }
}
