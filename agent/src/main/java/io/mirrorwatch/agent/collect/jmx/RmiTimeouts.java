package io.mirrorwatch.agent.collect.jmx;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.rmi.server.RMISocketFactory;
import java.time.Duration;

/**
 * Bounds how long a JMX-over-RMI call can block a thread. {@link Mm2JmxCollector} already gives
 * callers a deadline; these settings make the abandoned scrape thread itself end, so a frozen
 * MirrorMaker does not hold it (and with it every later scrape of that MM2) for ever.
 *
 * <p>The JDK reads these properties once, when the RMI transport is first used ({@code
 * sun.rmi.transport.tcp.TCPChannel}'s static initialiser), so {@link #apply} must run at agent
 * start, before any JMX connection. Values given with {@code -D} on the command line win.
 *
 * <ul>
 *   <li>{@code sun.rmi.transport.tcp.responseTimeout}: read timeout while waiting for the reply to
 *       a remote call. Default 0, i.e. wait for ever: the case of a frozen (SIGSTOPped) MM2 whose
 *       kernel still accepts connections.
 *   <li>{@code sun.rmi.transport.tcp.handshakeTimeout}: read timeout of the JRMP handshake on a new
 *       connection, where a frozen MM2 hangs first. Default 60 s.
 *   <li>{@code sun.rmi.transport.connectionTimeout}: despite its name not a connect timeout, but
 *       how long an idle pooled connection is kept for reuse. Default 15 s; set to the same value
 *       so connections to an MM2 that went away are not held longer than a scrape would wait.
 * </ul>
 *
 * <p>An abandoned scrape may block in more than one read, each bounded: against the lab's frozen
 * MM2 with a 5 s timeout the thread ended 10 to 11 s after the scrape began (RMI first gives up on
 * the pooled connection, then on a new one).
 *
 * <p>No property bounds the TCP connect itself (a black-holed address waits for the kernel, about
 * two minutes on Linux), so {@link #apply} also installs a JVM-wide {@link RMISocketFactory} that
 * connects with the timeout, unless another one is already installed.
 */
public final class RmiTimeouts {
  static final String RESPONSE_TIMEOUT = "sun.rmi.transport.tcp.responseTimeout";
  static final String HANDSHAKE_TIMEOUT = "sun.rmi.transport.tcp.handshakeTimeout";
  static final String IDLE_CONNECTION_TIMEOUT = "sun.rmi.transport.connectionTimeout";

  private RmiTimeouts() {}

  /** Call once at start with the JMX scrape deadline. */
  public static synchronized void apply(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("RMI timeout must be positive: " + timeout);
    }
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    for (String property :
        new String[] {RESPONSE_TIMEOUT, HANDSHAKE_TIMEOUT, IDLE_CONNECTION_TIMEOUT}) {
      if (System.getProperty(property) == null) {
        System.setProperty(property, Integer.toString(millis));
      }
    }
    if (RMISocketFactory.getSocketFactory() == null) {
      try {
        RMISocketFactory.setSocketFactory(new ConnectTimeoutSocketFactory(millis));
      } catch (IOException e) {
        // Only thrown when a factory was installed concurrently: that one stays, and is fine.
      }
    }
  }

  /** The JDK's default RMI sockets, except that connecting gives up after the timeout. */
  private static final class ConnectTimeoutSocketFactory extends RMISocketFactory {
    private final int connectTimeoutMillis;

    ConnectTimeoutSocketFactory(int connectTimeoutMillis) {
      this.connectTimeoutMillis = connectTimeoutMillis;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
        return socket;
      } catch (IOException e) {
        socket.close();
        throw e;
      }
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      return new ServerSocket(port);
    }
  }
}
