package io.mirrorwatch.agent.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dashboard and the alert rules may only name metrics of the one catalogue ({@link Metric}) or
 * the raw MM2 series the agent re-exposes under Strimzi's names, so a renamed metric breaks the
 * build instead of a dashboard panel or, worse, silently stopping an alert. Also checks each
 * alert's required fields, its runbook section and that promtool tests cover it firing and staying
 * silent.
 */
class DashboardAndAlertNamesTest {
  private static final Path ROOT = MonitoringFiles.ROOT;
  private static final Path DASHBOARD = MonitoringFiles.DASHBOARD;
  private static final Path RULES = MonitoringFiles.RULES;
  private static final Path RULE_TESTS = ROOT.resolve("alerts/tests");
  private static final Path RUNBOOK = ROOT.resolve("docs/runbook.md");
  private static final String RUNBOOK_URL =
      "https://github.com/mirrorwatch/mirrorwatch/blob/main/docs/runbook.md#";
  private static final String DS_PROMETHEUS = "${DS_PROMETHEUS}";

  /** The raw MM2 JMX series, re-exposed unchanged (see docs/metrics.md). */
  private static final Set<String> RAW_MM2_PREFIXES =
      Set.of(
          "kafka_connect_mirror_mirrorsourceconnector_",
          "kafka_connect_mirror_mirrorcheckpointconnector_",
          "kafka_connect_connector_status",
          "kafka_connect_connector_task_status");

  @Test
  void dashboardQueriesNameOnlyCatalogueOrRawMm2Metrics() {
    assertOnlyKnownMetrics(dashboardQueries());
  }

  @Test
  void alertExpressionsNameOnlyCatalogueOrRawMm2Metrics() {
    Map<String, String> exprs = new TreeMap<>();
    alerts()
        .forEach(
            a ->
                exprs.put(
                    a.get("alert").asText()
                        + " ("
                        + a.path("labels").path("severity").asText()
                        + ")",
                    a.path("expr").asText()));
    assertOnlyKnownMetrics(exprs);
  }

  @Test
  void dashboardShowsEveryCatalogueMetric() {
    Set<String> used =
        dashboardQueries().values().stream()
            .flatMap(q -> PromQlNames.of(q).stream())
            .collect(Collectors.toSet());
    assertThat(Arrays.stream(Metric.values()).map(Metric::prometheusName))
        .as("catalogue metrics with no dashboard panel")
        .allMatch(used::contains);
  }

  @Test
  void everyDashboardPanelQueriesTheDsPrometheusInput() {
    JsonNode dashboard = MonitoringFiles.dashboard();
    assertThat(dashboard.path("__inputs").findValuesAsText("name"))
        .containsExactly("DS_PROMETHEUS");
    assertThat(dashboard.path("__inputs").get(0).path("pluginId").asText()).isEqualTo("prometheus");
    SoftAssertions soft = new SoftAssertions();
    for (JsonNode panel : MonitoringFiles.panels(dashboard)) {
      if (panel.path("type").asText().equals("row")) {
        continue;
      }
      String title = panel.path("title").asText();
      soft.assertThat(panel.path("datasource").path("uid").asText())
          .as("datasource of panel '%s'", title)
          .isEqualTo(DS_PROMETHEUS);
      soft.assertThat(panel.path("targets")).as("targets of panel '%s'", title).isNotEmpty();
      panel
          .path("targets")
          .forEach(
              t ->
                  soft.assertThat(t.path("datasource").path("uid").asText())
                      .as("datasource of a query of panel '%s'", title)
                      .isEqualTo(DS_PROMETHEUS));
    }
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      if (variable.path("type").asText().equals("query")) {
        soft.assertThat(variable.path("datasource").path("uid").asText())
            .as("datasource of variable %s", variable.path("name").asText())
            .isEqualTo(DS_PROMETHEUS);
      }
    }
    soft.assertThat(dashboard.path("templating").path("list").findValuesAsText("name"))
        .contains("flow", "topic", "group");
    soft.assertAll();
  }

  @Test
  void everyAlertHasForSeveritySummaryDescriptionAndRunbookUrl() {
    SoftAssertions soft = new SoftAssertions();
    for (JsonNode a : alerts()) {
      String name = a.path("alert").asText();
      soft.assertThat(a.path("expr").asText()).as("%s expr", name).isNotBlank();
      soft.assertThat(a.path("for").asText()).as("%s for", name).matches("\\d+[smh]");
      soft.assertThat(a.path("labels").path("severity").asText())
          .as("%s severity", name)
          .isIn("warning", "critical");
      JsonNode annotations = a.path("annotations");
      soft.assertThat(annotations.path("summary").asText()).as("%s summary", name).isNotBlank();
      soft.assertThat(annotations.path("description").asText())
          .as("%s description", name)
          .isNotBlank();
      soft.assertThat(annotations.path("runbook_url").asText())
          .as("%s runbook_url", name)
          .isEqualTo(RUNBOOK_URL + name.toLowerCase(Locale.ROOT));
      // The description names the flow, topic, group or cluster it is about; absent() has no
      // labels.
      if (!a.path("expr").asText().strip().startsWith("absent(")) {
        soft.assertThat(annotations.path("description").asText())
            .as("%s description names its labels", name)
            .contains("{{ $labels.");
      }
    }
    soft.assertAll();
  }

  @Test
  void everyRunbookUrlAndRunbookLinkPointsToARunbookHeading() {
    Set<String> anchors = runbookAnchors();
    assertThat(alerts())
        .extracting(a -> a.path("annotations").path("runbook_url").asText())
        .allSatisfy(
            url -> {
              assertThat(url).startsWith(RUNBOOK_URL);
              assertThat(anchors)
                  .as("headings of docs/runbook.md")
                  .contains(url.substring(RUNBOOK_URL.length()));
            });
    Matcher links = Pattern.compile("\\]\\(#([^)]+)\\)").matcher(readString(RUNBOOK));
    while (links.find()) {
      assertThat(anchors)
          .as("in-page link #%s of docs/runbook.md", links.group(1))
          .contains(links.group(1));
    }
    assertThat(anchors).contains("failover-checklist");
  }

  /** Each (alert, severity) fires in some promtool test, and each alert is shown silent in one. */
  @Test
  void everyAlertHasPromtoolTestsWhereItFiresAndWhereItStaysSilent() throws IOException {
    Set<String> fires = new TreeSet<>();
    Set<String> silent = new TreeSet<>();
    try (Stream<Path> files = Files.list(RULE_TESTS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        for (JsonNode group : MonitoringFiles.readYaml(file).path("tests")) {
          for (JsonNode t : group.path("alert_rule_test")) {
            String alert = t.path("alertname").asText();
            if (t.path("exp_alerts").isEmpty()) {
              silent.add(alert);
            }
            t.path("exp_alerts")
                .forEach(
                    e -> fires.add(alert + "/" + e.path("exp_labels").path("severity").asText()));
          }
        }
      }
    }
    Set<String> ruled = new TreeSet<>();
    alerts()
        .forEach(
            a ->
                ruled.add(
                    a.path("alert").asText() + "/" + a.path("labels").path("severity").asText()));
    assertThat(fires).as("alert/severity pairs a promtool test expects to fire").containsAll(ruled);
    assertThat(silent)
        .as("alerts a promtool test expects to stay silent")
        .containsAll(ruled.stream().map(r -> r.substring(0, r.indexOf('/'))).toList());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "mirrorwatch_ready                                                              | mirrorwatch_ready",
        "label_values(mirrorwatch_rpo_records{flow=~\"$flow\"}, topic)                  | mirrorwatch_rpo_records",
        "label_values(mirrorwatch_ready, flow)                                          | mirrorwatch_ready",
        "sum by (flow) (rate(a_total{x=\"y\",z=~\"$v\"}[$__rate_interval])) > 0        | a_total",
        "a >= 5 unless on (flow) max by (flow) (max_over_time(b[5m])) == 0             | a b",
        "max(x) without (instance) / ignoring(job) group_left(flow) y offset 5m         | x y",
        "topk(10, kafka_connect_mirror_mirrorsourceconnector_replication_latency_ms)    | kafka_connect_mirror_mirrorsourceconnector_replication_latency_ms",
        "absent(m{flow=\"a->b\", q=\"by (x) on {\"}) or n AND bool p                    | m n p",
        "histogram_quantile(0.99, sum by (le) (rate(h_bucket[1m:30s]))) * 1e3          | h_bucket",
      })
  void extractsMetricNamesFromPromQl(String expr, String names) {
    assertThat(PromQlNames.of(expr)).containsExactlyInAnyOrder(names.split(" "));
  }

  @Test
  void rejectsAnUnknownFunctionRatherThanCountingItAsAMetric() {
    assertThatThrownBy(() -> PromQlNames.of("raet(x[5m])")).hasMessageContaining("raet");
  }

  // --- helpers
  // -------------------------------------------------------------------------------------

  private static void assertOnlyKnownMetrics(Map<String, String> exprs) {
    Set<String> catalogue =
        Arrays.stream(Metric.values()).map(Metric::prometheusName).collect(Collectors.toSet());
    SoftAssertions soft = new SoftAssertions();
    exprs.forEach(
        (where, expr) -> {
          Set<String> names = PromQlNames.of(expr);
          soft.assertThat(names).as("metrics of %s: %s", where, expr).isNotEmpty();
          names.forEach(
              n ->
                  soft.assertThat(
                          catalogue.contains(n)
                              || RAW_MM2_PREFIXES.stream().anyMatch(n::startsWith))
                      .as(
                          "%s uses '%s', which is neither in Metric nor a raw MM2 series (docs/metrics.md)",
                          where, n)
                      .isTrue());
        });
    soft.assertAll();
  }

  /** Panel title (or variable name) plus ref -> query, for every target and query variable. */
  private static Map<String, String> dashboardQueries() {
    Map<String, String> queries = new TreeMap<>(MonitoringFiles.panelQueries());
    queries.putAll(MonitoringFiles.variableQueries());
    assertThat(queries).as("queries in %s", DASHBOARD).isNotEmpty();
    return queries;
  }

  private static List<JsonNode> alerts() {
    List<JsonNode> alerts = MonitoringFiles.alerts();
    assertThat(alerts).as("alerts in %s", RULES).isNotEmpty();
    return alerts;
  }

  /**
   * GitHub's heading anchors: lower case, punctuation other than '-' and '_' dropped, spaces to
   * '-'.
   */
  private static Set<String> runbookAnchors() {
    return readString(RUNBOOK)
        .lines()
        .filter(l -> l.startsWith("#"))
        .map(
            l ->
                l.replaceFirst("^#+\\s*", "")
                    .strip()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-'))
        .collect(Collectors.toSet());
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Metric names in a PromQL expression (or a Grafana {@code label_values(...)} query): every
   * identifier outside strings, label matchers, ranges and grouping clauses that is neither a
   * keyword nor a call. A call of an unknown function is an error, so a typo cannot pass as a
   * metric.
   */
  static final class PromQlNames {
    private static final Set<String> FUNCTIONS =
        Set.of(
            // aggregation operators
            "sum",
            "min",
            "max",
            "avg",
            "group",
            "stddev",
            "stdvar",
            "count",
            "count_values",
            "bottomk",
            "topk",
            "quantile",
            "limitk",
            "limit_ratio",
            // functions
            "abs",
            "absent",
            "absent_over_time",
            "acos",
            "acosh",
            "asin",
            "asinh",
            "atan",
            "atanh",
            "avg_over_time",
            "ceil",
            "changes",
            "clamp",
            "clamp_max",
            "clamp_min",
            "cos",
            "cosh",
            "count_over_time",
            "day_of_month",
            "day_of_week",
            "day_of_year",
            "days_in_month",
            "deg",
            "delta",
            "deriv",
            "double_exponential_smoothing",
            "exp",
            "floor",
            "histogram_avg",
            "histogram_count",
            "histogram_fraction",
            "histogram_quantile",
            "histogram_stddev",
            "histogram_stdvar",
            "histogram_sum",
            "holt_winters",
            "hour",
            "idelta",
            "increase",
            "irate",
            "label_join",
            "label_replace",
            "last_over_time",
            "ln",
            "log10",
            "log2",
            "mad_over_time",
            "max_over_time",
            "min_over_time",
            "minute",
            "month",
            "pi",
            "predict_linear",
            "present_over_time",
            "quantile_over_time",
            "rad",
            "rate",
            "resets",
            "round",
            "scalar",
            "sgn",
            "sin",
            "sinh",
            "sort",
            "sort_by_label",
            "sort_by_label_desc",
            "sort_desc",
            "sqrt",
            "stddev_over_time",
            "stdvar_over_time",
            "sum_over_time",
            "tan",
            "tanh",
            "time",
            "timestamp",
            "vector",
            "year",
            "start",
            "end",
            // Grafana's Prometheus variable queries
            "label_values",
            "label_names",
            "metrics",
            "query_result");
    private static final Set<String> KEYWORDS =
        Set.of(
            "and",
            "or",
            "unless",
            "bool",
            "offset",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "atan2",
            "inf",
            "nan");
    private static final Pattern TOKEN =
        Pattern.compile(
            "\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?[a-zA-Z]*|([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

    private PromQlNames() {}

    static Set<String> of(String expr) {
      String s =
          expr.replaceAll(
                  "\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`", "\"\"") // strings
              .replaceAll("#[^\\n]*", " ") // comments
              .replaceAll("\\$\\{[^}]*}|\\$\\w+", " ") // Grafana variables
              .replaceAll("\\{[^}]*\\}", " ") // label matchers
              .replaceAll("\\[[^\\]]*\\]", " ") // ranges and subqueries
              .replaceAll(
                  "(?i)\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
              // label_values(label) and label_values(metric, label): the label is not a metric
              .replaceAll("\\blabel_values\\s*\\(\\s*[a-zA-Z_]\\w*\\s*\\)", " ")
              .replaceAll(
                  "\\blabel_values\\s*\\(([^,()]*),\\s*[a-zA-Z_]\\w*\\s*\\)", "label_values($1)");
      Set<String> names = new TreeSet<>();
      Matcher m = TOKEN.matcher(s);
      while (m.find()) {
        String id = m.group(1);
        if (id == null) {
          continue; // a number or duration
        }
        if (m.group(2) != null) {
          if (!FUNCTIONS.contains(id.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("unknown PromQL function '" + id + "' in: " + expr);
          }
        } else if (!KEYWORDS.contains(id.toLowerCase(Locale.ROOT))) {
          names.add(id);
        }
      }
      return names;
    }
  }
}
