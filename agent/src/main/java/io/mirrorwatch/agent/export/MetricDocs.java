package io.mirrorwatch.agent.export;

import java.util.stream.Collectors;

/** Renders docs/metrics.md from the catalogue, so the documentation cannot drift from the code. */
public final class MetricDocs {
  private MetricDocs() {}

  public static String render() {
    StringBuilder md = new StringBuilder();
    md.append("# mirrorwatch agent metrics\n\n")
        .append(
            "Generated from `io.mirrorwatch.agent.export.Metric` (the one metric catalogue); a test fails when\n")
        .append("this file and the catalogue differ. Regenerate with\n")
        .append(
            "`./mvnw -pl agent test -Dtest=MetricCatalogueTest -Dmirrorwatch.regenerateDocs=true`.\n\n")
        .append("| metric | type | labels | meaning |\n|---|---|---|---|\n");
    for (Metric m : Metric.values()) {
      md.append("| `")
          .append(m.prometheusName())
          .append("` | ")
          .append(m.kind().name().toLowerCase(java.util.Locale.ROOT))
          .append(" | ")
          .append(m.labels().stream().map(l -> "`" + l + "`").collect(Collectors.joining(", ")))
          .append(" | ")
          .append(m.help().replace("|", "\\|"))
          .append(" |\n");
    }
    md.append("\nThe raw MM2 JMX series are re-exposed under Strimzi's names:\n")
        .append(
            "`kafka_connect_mirror_mirrorsourceconnector_*` (labels `source`, `target`, `topic`, `partition`),\n")
        .append(
            "`kafka_connect_mirror_mirrorcheckpointconnector_*` (plus `group`), `kafka_connect_connector_status`\n")
        .append("and `kafka_connect_connector_task_status`.\n");
    return md.toString();
  }
}
