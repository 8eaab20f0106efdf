package io.mirrorwatch.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrorwatch.lab.poll.Poll;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server, a child process of the test on a free loopback port, scraping one agent
 * every second and loading the given rule file. Read through its HTTP API. {@link #close()} kills
 * exactly this process (by its PID via {@link Process}), never anything found by name.
 */
final class PrometheusServer implements AutoCloseable {
  private static final Duration START = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path log;
  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private PrometheusServer(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.base = "http://127.0.0.1:" + port;
  }

  /** Starts Prometheus with its config, data and log in {@code dir}; returns once it is ready. */
  static PrometheusServer start(Path dir, int agentPort, Path rules) throws IOException {
    Path config = dir.resolve("prometheus.yml");
    // scrape_timeout must not exceed the 1 s interval; rules are evaluated as often as they are
    // scraped.
    Files.writeString(
        config,
        String.join(
            "\n",
            "global: {scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1s}",
            "rule_files: ["
                + JSON.writeValueAsString(rules.toAbsolutePath().normalize().toString())
                + "]",
            "scrape_configs:",
            "  - job_name: mirrorwatch",
            "    static_configs: [{targets: [\"127.0.0.1:" + agentPort + "\"]}]",
            ""));
    int port = freePort();
    Path log = dir.resolve("prometheus.log");
    Process process =
        new ProcessBuilder(
                binary(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    PrometheusServer server = new PrometheusServer(process, log, port);
    try {
      Poll.until(
          "Prometheus ready on port " + port,
          START,
          () -> {
            if (!process.isAlive()) {
              // An Error, not a RuntimeException, so Poll gives up at once: a bad rule file or a
              // taken port.
              throw new AssertionError(
                  "Prometheus exited with " + process.exitValue() + ":\n" + server.logTail());
            }
            return server.get("/-/ready").statusCode() == 200;
          });
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** The instant query's whole response: {@code status}, {@code data.result}, or {@code error}. */
  JsonNode query(String promQl) {
    return json(get("/api/v1/query?query=" + URLEncoder.encode(promQl, StandardCharsets.UTF_8)));
  }

  /**
   * The values of {@code label} on series matching {@code selector}, as Grafana's label_values()
   * asks.
   */
  JsonNode labelValues(String label, String selector) {
    return json(
        get(
            "/api/v1/label/"
                + label
                + "/values?match%5B%5D="
                + URLEncoder.encode(selector, StandardCharsets.UTF_8)));
  }

  /** Whether the (only) scrape target, the agent, was up at its last scrape. */
  boolean targetUp() {
    for (JsonNode t : json(get("/api/v1/targets")).path("data").path("activeTargets")) {
      if (t.path("health").asText().equals("up")) {
        return true;
      }
    }
    return false;
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "Prometheus (pid " + process.pid() + ") did not exit after SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private HttpResponse<String> get(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // Prometheus answers errors (bad PromQL: 400, evaluation: 422) with the same JSON envelope.
  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(
          "HTTP " + response.statusCode() + ", not JSON: " + response.body(), e);
    }
  }

  // The port is free when asked; Prometheus binds it a moment later (it exits at once if it lost
  // the race).
  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /**
   * -Dprometheus or PROMETHEUS, else the first on the PATH (Debian's package: /usr/bin/prometheus).
   */
  private static String binary() {
    Optional<String> configured =
        Optional.ofNullable(System.getProperty("prometheus"))
            .or(() -> Optional.ofNullable(System.getenv("PROMETHEUS")))
            .filter(s -> !s.isBlank());
    if (configured.isPresent()) {
      return configured.get();
    }
    for (String dir :
        Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "prometheus"))) {
        return Path.of(dir, "prometheus").toString();
      }
    }
    throw new AssertionError(
        "prometheus not found on the PATH. Install it (Debian/Ubuntu: apt-get install "
            + "prometheus, as .ci/run does) or point -Dprometheus=/path/to/prometheus or PROMETHEUS at it.");
  }
}
