package io.mirrorwatch.agent.it;

import static io.mirrorwatch.agent.it.AgentHarness.FLOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrorwatch.agent.export.MonitoringFiles;
import io.mirrorwatch.lab.Lab;
import io.mirrorwatch.lab.LabExtension;
import io.mirrorwatch.lab.poll.Poll;
import io.mirrorwatch.lab.workload.Orders;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, test 3: a real Prometheus scrapes the real agent watching the lab. Every dashboard query
 * returns data, the replication and RPO alert expressions (read from the rules file, not copied)
 * are silent in steady state and return series once MirrorMaker 2 is stopped.
 */
@ExtendWith(LabExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusDashboardAlertsIT {
  private static final Duration DEADLINE = Duration.ofSeconds(90);

  /**
   * Per dashboard query: rate() needs two scrapes in its window, some series the agent's first
   * cycles.
   */
  private static final Duration QUERY_DEADLINE = Duration.ofSeconds(60);

  /**
   * What Grafana substitutes with this lab's flow, topic and group selected; all uses are =~
   * matchers.
   */
  private static final Map<String, String> VARIABLES =
      Map.of(
          "$flow", promRegex(FLOW),
          "$topic", promRegex(Orders.TOPIC),
          "$group", promRegex(Orders.GROUP),
          "$__rate_interval", "1m",
          "$__interval", "15s");

  /** Replication and RPO alerts (issue 5: these must be silent when replication is healthy). */
  private static final Set<String> REPLICATION_AND_RPO_ALERTS =
      Set.of(
          "MirrorwatchReplicationLatencyWarning",
          "MirrorwatchReplicationLatencyDanger",
          "MirrorwatchReplicationDown",
          "MirrorwatchMM2ConnectorNotRunning",
          "MirrorwatchMM2TaskFailed",
          "MirrorwatchReplicaStalled",
          "MirrorwatchRpoRecordsHigh",
          "MirrorwatchRpoSecondsHigh",
          "MirrorwatchHeartbeatStale");

  private static AgentHarness agent;
  private static PrometheusServer prometheus;

  @BeforeAll
  static void startAgentAndPrometheus(Lab lab, @TempDir Path dir) throws IOException {
    lab.startProcessor(lab.primary());
    lab.producer().start(20);
    agent = AgentHarness.start(lab, "default", List.of(Orders.GROUP));
    prometheus = PrometheusServer.start(dir, agent.port(), MonitoringFiles.RULES);
    Poll.until("Prometheus' scrape of the agent to be up", DEADLINE, prometheus::targetUp);
    await(
        "mirrorwatch_ready = 1 in Prometheus",
        "mirrorwatch_ready{flow=\"" + FLOW + "\"} == 1",
        DEADLINE);
  }

  @AfterAll
  static void stopAll(Lab lab) {
    // Nested, so a failure to stop one never leaves Prometheus or the agent running.
    try {
      if (prometheus != null) {
        prometheus.close();
      }
    } finally {
      try {
        if (agent != null) {
          agent.close();
        }
      } finally {
        lab.producer().stop();
      }
    }
  }

  @Test
  @Order(1)
  void templateVariablesOfferTheLabsFlowTopicAndGroup() {
    Map<String, String> expected =
        Map.of("flow", FLOW, "topic", Orders.TOPIC, "group", Orders.GROUP);
    Pattern labelValues = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");
    Map<String, String> variables = MonitoringFiles.variableQueries();
    assertThat(variables.keySet())
        .containsExactlyInAnyOrder("variable flow", "variable topic", "variable group");
    variables.forEach(
        (variable, query) -> {
          Matcher m = labelValues.matcher(query);
          assertThat(m.matches())
              .as("%s is label_values(selector, label): %s", variable, query)
              .isTrue();
          String label = m.group(2);
          Poll.until(
              variable + " offering " + expected.get(label),
              QUERY_DEADLINE,
              () ->
                  StreamSupport.stream(
                          prometheus
                              .labelValues(label, substitute(m.group(1)))
                              .path("data")
                              .spliterator(),
                          false)
                      .anyMatch(v -> v.asText().equals(expected.get(label))));
        });
  }

  @Test
  @Order(2)
  void everyDashboardPanelQueryReturnsData() {
    Map<String, String> panels = MonitoringFiles.panelQueries();
    assertThat(panels).isNotEmpty();
    long start = System.nanoTime();
    // All panels are tried before failing, so one run names every broken query.
    List<String> failures = new ArrayList<>();
    panels.forEach(
        (panel, expr) -> {
          try {
            await(panel, substitute(expr), QUERY_DEADLINE);
          } catch (AssertionError e) {
            failures.add(e.getMessage());
          }
        });
    assertThat(failures).as("dashboard queries without data").isEmpty();
    System.out.printf(
        "[PrometheusDashboardAlertsIT] %d panel queries returned data within %d s%n",
        panels.size(), Duration.ofNanos(System.nanoTime() - start).toSeconds());
  }

  @Test
  @Order(3)
  void replicationAndRpoAlertExpressionsAreSilentInSteadyState() {
    Map<String, String> exprs = new TreeMap<>();
    Set<String> found = new TreeSet<>();
    for (JsonNode a : MonitoringFiles.alerts()) {
      if (REPLICATION_AND_RPO_ALERTS.contains(a.path("alert").asText())) {
        found.add(a.path("alert").asText());
        exprs.put(
            a.path("alert").asText() + " (" + a.path("labels").path("severity").asText() + ")",
            a.path("expr").asText());
      }
    }
    assertThat(found)
        .as("alerts in %s", MonitoringFiles.RULES)
        .isEqualTo(REPLICATION_AND_RPO_ALERTS);
    Map<String, JsonNode> firing = new TreeMap<>();
    exprs.forEach(
        (alert, expr) -> {
          JsonNode result = evaluate(expr);
          if (!result.isEmpty()) {
            firing.put(alert, result);
          }
        });
    assertThat(firing)
        .as(
            "alert expressions returning series in steady state; /readiness: %s",
            agent.get("/readiness"))
        .isEmpty();
  }

  @Test
  @Order(4)
  void stoppedMirrorMakerMakesReplicationDownAndRpoSecondsReturnSeries(Lab lab) {
    String down = alertExpr("MirrorwatchReplicationDown", "critical");
    String rpoSeconds = alertExpr("MirrorwatchRpoSecondsHigh", "warning");
    assertThat(evaluate(down)).as("ReplicationDown before the stop").isEmpty();
    lab.mirrorMaker().stop(); // the producer keeps writing to the primary
    long stopped = System.nanoTime();
    try {
      JsonNode downSeries = await("ReplicationDown with MM2 stopped", down, DEADLINE);
      long downAfter = Duration.ofNanos(System.nanoTime() - stopped).toSeconds();
      JsonNode rpoSeries = await("RPO seconds >= 5 with MM2 stopped", rpoSeconds, DEADLINE);
      assertThat(downSeries.findValuesAsText("flow")).containsOnly(FLOW);
      assertThat(rpoSeries.get(0).path("metric").path("topic").asText()).isEqualTo(Orders.TOPIC);
      System.out.printf(
          "[PrometheusDashboardAlertsIT] after stopping MM2: ReplicationDown expr after %d s, "
              + "RPO seconds >= 5 after %d s%n",
          downAfter, Duration.ofNanos(System.nanoTime() - stopped).toSeconds());
    } finally {
      lab.mirrorMaker().start();
    }
  }

  /** The expr of the one rule {@code alert} at {@code severity} in the rules file. */
  private static String alertExpr(String alert, String severity) {
    List<String> exprs =
        MonitoringFiles.alerts().stream()
            .filter(
                a ->
                    a.path("alert").asText().equals(alert)
                        && a.path("labels").path("severity").asText().equals(severity))
            .map(a -> a.path("expr").asText())
            .toList();
    assertThat(exprs).as("%s (%s) in %s", alert, severity, MonitoringFiles.RULES).hasSize(1);
    return exprs.get(0);
  }

  /** Polls {@code promQl} until it returns series; a query Prometheus rejects fails at once. */
  private static JsonNode await(String what, String promQl, Duration deadline) {
    JsonNode[] last = {null};
    try {
      return Poll.until(
          what,
          deadline,
          () -> Optional.of(last[0] = evaluate(promQl)).filter(Predicate.not(JsonNode::isEmpty)));
    } catch (Poll.LabTimeoutException e) {
      throw new AssertionError(
          what
              + ": no series within "
              + deadline.toSeconds()
              + " s from "
              + promQl
              + " (last result "
              + last[0]
              + ")",
          e);
    } catch (AssertionError rejected) {
      throw new AssertionError(what + ": " + rejected.getMessage(), rejected);
    }
  }

  /**
   * The instant vector {@code promQl} evaluates to now. An Error, so that Poll does not retry it.
   */
  private static JsonNode evaluate(String promQl) {
    JsonNode response = prometheus.query(promQl);
    if (!response.path("status").asText().equals("success")) {
      throw new AssertionError("Prometheus rejected " + promQl + ": " + response);
    }
    return response.path("data").path("result");
  }

  private static String substitute(String query) {
    String q = query;
    for (Map.Entry<String, String> v : VARIABLES.entrySet()) {
      q = q.replace(v.getKey(), v.getValue());
    }
    assertThat(q)
        .as("a template variable this test does not substitute in %s", query)
        .doesNotContain("$");
    return q;
  }

  /**
   * A literal as Grafana puts a selected value into a regex matcher: regex-escaped, then
   * PromQL-string-escaped.
   */
  private static String promRegex(String literal) {
    return literal.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0").replace("\\", "\\\\");
  }
}
