package io.mirrorwatch.agent.export;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code /metrics}, {@code /readiness} and {@code /health}. Handlers only read the last published
 * snapshot and registry: a dead or hung cluster can never make a scrape wait.
 */
public final class HttpEndpoints implements AutoCloseable {
  private final HttpServer server;

  public HttpEndpoints(
      String bind,
      int port,
      MetricsPublisher metrics,
      Supplier<AgentSnapshot> snapshot,
      Duration staleAfter,
      Clock clock)
      throws IOException {
    server = HttpServer.create(new InetSocketAddress(bind, port), 16);
    server.createContext(
        "/metrics",
        ex -> reply(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
    server.createContext(
        "/readiness",
        ex ->
            reply(
                ex,
                200,
                "application/json",
                ReadinessJson.render(snapshot.get(), clock.instant())));
    server.createContext(
        "/health",
        ex -> {
          Duration age = Duration.between(snapshot.get().cycleEndedAt(), clock.instant());
          boolean fresh = age.compareTo(staleAfter) <= 0;
          reply(
              ex,
              fresh ? 200 : 503,
              "application/json",
              "{\"status\":\""
                  + (fresh ? "ok" : "stale")
                  + "\",\"lastCycleAgeSeconds\":"
                  + age.toMillis() / 1000.0
                  + "}\n");
        });
    server.setExecutor(
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "mirrorwatch-http");
              t.setDaemon(true);
              return t;
            }));
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void reply(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
