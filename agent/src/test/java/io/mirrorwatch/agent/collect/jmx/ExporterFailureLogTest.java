package io.mirrorwatch.agent.collect.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.rmi.RemoteException;
import org.junit.jupiter.api.Test;

class ExporterFailureLogTest {

  @Test
  void rootCauseOfAnRmiConnectionFailureIsTheInnermostCauseOnOneLine() {
    // The shape JmxScraper produces for a refused connection; RemoteException puts a line break
    // and a tab into its own message.
    Exception refused =
        new IOException(
            "Failed to retrieve RMIServer stub",
            new RemoteException(
                "Connection refused to host: 127.0.0.1",
                new ConnectException("Connection refused")));

    assertThat(ExporterFailureLog.rootCause(printed(refused)))
        .isEqualTo("java.net.ConnectException: Connection refused");
  }

  @Test
  void multiLineMessagesOfTheRootCauseAreJoined() {
    Exception e = new IOException("outer", new RemoteException("first\n\tsecond"));

    assertThat(ExporterFailureLog.rootCause(printed(e)))
        .isEqualTo("java.rmi.RemoteException: first second");
  }

  @Test
  void anExceptionWithoutCauseIsItsOwnRootCause() {
    Exception denied = new SecurityException("Authentication failed! Invalid username or password");
    denied.addSuppressed(new IllegalStateException("not this one"));

    assertThat(ExporterFailureLog.rootCause(printed(denied)))
        .isEqualTo(
            "java.lang.SecurityException: Authentication failed! Invalid username or password");
  }

  private static String printed(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
