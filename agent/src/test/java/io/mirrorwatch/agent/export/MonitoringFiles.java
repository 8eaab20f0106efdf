package io.mirrorwatch.agent.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shipped Grafana dashboard and Prometheus alert rules, parsed once for every test that checks
 * them: the name test here and the end-to-end Prometheus IT (which is in another package, hence
 * public). Paths are relative to the agent module, the working directory of Surefire and Failsafe.
 */
public final class MonitoringFiles {
  public static final Path ROOT = Path.of("..");
  public static final Path DASHBOARD = ROOT.resolve("dashboards/mirrorwatch-readiness.json");
  public static final Path RULES = ROOT.resolve("alerts/mirrorwatch-rules.yaml");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private MonitoringFiles() {}

  public static JsonNode dashboard() {
    return read(JSON, DASHBOARD);
  }

  /** Every panel, including those nested in collapsed rows. */
  public static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> all = new ArrayList<>();
    collect(dashboard.path("panels"), all);
    return all;
  }

  /** "panel '&lt;title&gt;' &lt;refId&gt;" -> PromQL, for every target of every panel. */
  public static Map<String, String> panelQueries() {
    Map<String, String> queries = new TreeMap<>();
    for (JsonNode panel : panels(dashboard())) {
      panel
          .path("targets")
          .forEach(
              t ->
                  queries.put(
                      "panel '" + panel.path("title").asText() + "' " + t.path("refId").asText(),
                      t.path("expr").asText()));
    }
    return queries;
  }

  /**
   * "variable &lt;name&gt;" -> Grafana query (e.g. {@code label_values(...)}), for every query
   * variable.
   */
  public static Map<String, String> variableQueries() {
    Map<String, String> queries = new TreeMap<>();
    for (JsonNode variable : dashboard().path("templating").path("list")) {
      if (variable.path("type").asText().equals("query")) {
        JsonNode q = variable.path("query");
        queries.put(
            "variable " + variable.path("name").asText(),
            q.isTextual() ? q.asText() : q.path("query").asText());
      }
    }
    return queries;
  }

  /** Every alerting rule (recording rules excluded), in file order. */
  public static List<JsonNode> alerts() {
    List<JsonNode> alerts = new ArrayList<>();
    read(YAML, RULES)
        .path("groups")
        .forEach(
            g ->
                g.path("rules")
                    .forEach(
                        r -> {
                          if (r.has("alert")) {
                            alerts.add(r);
                          }
                        }));
    return alerts;
  }

  public static JsonNode readYaml(Path file) {
    return read(YAML, file);
  }

  private static void collect(JsonNode panels, List<JsonNode> into) {
    for (JsonNode p : panels) {
      into.add(p);
      collect(p.path("panels"), into);
    }
  }

  private static JsonNode read(ObjectMapper mapper, Path file) {
    try {
      return mapper.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file.toAbsolutePath().normalize(), e);
    }
  }
}
