package io.mirrorwatch.reconciler.report;

import io.mirrorwatch.reconciler.config.Window;
import io.mirrorwatch.reconciler.source.PhysicalTopic;
import io.mirrorwatch.reconciler.source.ReadStats;
import java.nio.file.Path;
import java.util.Map;

/** The one-screen summary printed at the end of a run. Pure: renders a {@link Report} to text. */
public final class ConsoleSummary {
  private ConsoleSummary() {}

  public static String render(Report r, Path reportDir) {
    StringBuilder sb = new StringBuilder();
    Window w = r.config().window();
    sb.append(
        String.format(
            "mirrorwatch reconcile: window %s .. %s (downstream to %s), policy %s%n",
            w.from(), w.to(), w.downstreamTo(), ReportJson.lower(r.config().replication().kind())));
    sb.append("read\n");
    for (PhysicalTopic t : r.plan().topics()) {
      ReadStats.TopicStats s = r.outcome().read().of(t.cluster(), t.topic());
      String what =
          r.missingTopics().contains(t.label())
              ? "topic not found"
              : String.format(
                  "%,d events%s%s",
                  s.events(),
                  s.unreadableTotal() > 0
                      ? String.format(", %,d unreadable", s.unreadableTotal())
                      : "",
                  s.outsideWindow() > 0
                      ? String.format(", %,d outside the window", s.outsideWindow())
                      : "");
      sb.append(
          String.format(
              "  %-10s %-28s %-10s %-8s %s%n",
              t.cluster(),
              t.topic(),
              ReportJson.lower(t.role()),
              ReportJson.lower(t.origin()),
              what));
    }
    JobOutcome o = r.outcome();
    sb.append(
        String.format(
            "source of truth: %,d events, %,d of them processed", o.events(), o.processed()));
    if (o.downstreamOnly() > 0) {
      sb.append(
          String.format(
              "; %,d downstream event IDs outside the window (not judged)", o.downstreamOnly()));
    }
    sb.append('\n');
    if (r.unreadableTotal() > 0) {
      sb.append(
          String.format(
              "unreadable: %,d records (examples in report.json)%n", r.unreadableTotal()));
    }
    sb.append("findings\n");
    var checked = r.checked();
    r.findings().entrySet().stream()
        .filter(e -> checked.contains(e.getKey()))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> sb.append(String.format("  %-22s %,d%n", e.getKey().id(), e.getValue())));
    sb.append(OffsetsJson.summary(r.offsets()));
    sb.append("not checked: ").append(String.join(", ", r.notChecked())).append('\n');
    sb.append("report: ")
        .append(reportDir.resolve("report.html"))
        .append("  findings: ")
        .append(reportDir.resolve("findings"))
        .append('\n');
    sb.append(
        r.exitCode() == Report.EXIT_CLEAN
            ? "result: clean (exit 0)"
            : String.format("result: %,d findings (exit 1)", r.totalFindings()));
    return sb.toString();
  }
}
