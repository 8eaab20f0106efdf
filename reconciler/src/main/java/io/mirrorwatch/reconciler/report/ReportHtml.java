package io.mirrorwatch.reconciler.report;

import io.mirrorwatch.reconciler.config.Window;
import io.mirrorwatch.reconciler.finding.BucketTotals;
import io.mirrorwatch.reconciler.finding.Finding;
import io.mirrorwatch.reconciler.finding.FindingKind;
import io.mirrorwatch.reconciler.finding.Tally;
import io.mirrorwatch.reconciler.source.PhysicalTopic;
import io.mirrorwatch.reconciler.source.ReadStats;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code report.html}: one self-contained page (inline CSS, an inline SVG chart, no script and no
 * external URL), for people. Pure: renders a {@link Report} and a sample of findings to text.
 *
 * <p>Invariants: every text that comes from data (event IDs, topic names, details, group keys) goes
 * through {@link #esc}, so no record content can inject markup; the page is well-formed XML (XHTML
 * syntax: closed tags, no named entities besides XML's five), so tests and tools can parse it.
 */
public final class ReportHtml {
  /** Findings shown per kind; the rest are counted with a pointer to the kind's jsonl file. */
  public static final int SHOWN_PER_KIND = 50;

  /** Aggregate rows shown in the table (the chart shows every bucket). */
  static final int SHOWN_BUCKET_ROWS = 500;

  private static final int CHART_HEIGHT = 160;

  private static final String CSS =
      "body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}"
          + "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 6px;"
          + "text-align:left;vertical-align:top;font-size:90%}th{background:#eee}.num{text-align:right}"
          + ".bad{color:#b00;font-weight:bold}.ok{color:#070}.src{fill:#4a78c2}.out{fill:#e09a2b}"
          + ".mis{fill:#c00}code{font-size:90%}";

  private ReportHtml() {}

  /**
   * @param samples up to {@link #SHOWN_PER_KIND} findings of each kind, in any order
   */
  public static String render(Report r, Map<FindingKind, List<Finding>> samples) {
    StringBuilder h = new StringBuilder(16_384);
    h.append(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>mirrorwatch reconcile report</title>");
    h.append("<style>").append(CSS).append("</style></head><body>\n");
    boolean clean = r.exitCode() == Report.EXIT_CLEAN;
    h.append("<h1>mirrorwatch reconcile: <span class=\"")
        .append(clean ? "ok\">clean" : "bad\">findings")
        .append("</span></h1>\n");
    Window w = r.config().window();
    h.append("<p>window ")
        .append(esc(w.from() + " .. " + w.to()))
        .append(", downstream to ")
        .append(esc(w.downstreamTo().toString()));
    w.failoverAt().ifPresent(t -> h.append(", failover ").append(esc(t.toString())));
    w.failbackAt().ifPresent(t -> h.append(", failback ").append(esc(t.toString())));
    h.append("; generated ").append(esc(r.generatedAt().toString())).append("</p>\n");
    summary(h, r);
    read(h, r);
    buckets(h, r);
    findings(h, r, samples);
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void summary(StringBuilder h, Report r) {
    h.append(
        "<h2>Summary</h2>\n<table id=\"summary\"><tr><th>finding kind</th><th>count</th><th>file</th></tr>\n");
    Set<FindingKind> checked = r.checked();
    for (FindingKind k : FindingKind.values()) {
      if (checked.contains(k)) {
        long n = r.findings().get(k);
        h.append("<tr><td><a href=\"#")
            .append(k.id())
            .append("\">")
            .append(k.id())
            .append("</a></td><td class=\"num")
            .append(n > 0 ? " bad" : "")
            .append("\">")
            .append(n)
            .append("</td><td><code>")
            .append(FindingsFiles.relativeFile(k))
            .append("</code></td></tr>\n");
      }
    }
    h.append("</table>\n<p>not checked: ")
        .append(esc(String.join(", ", r.notChecked())))
        .append("</p>\n");
    JobOutcome o = r.outcome();
    h.append("<p>source of truth: ")
        .append(o.events())
        .append(" events, ")
        .append(o.processed())
        .append(" processed; ")
        .append(o.downstreamOnly())
        .append(" downstream-only event IDs (not judged); ")
        .append(r.unreadableTotal())
        .append(" unreadable records (examples in report.json)</p>\n");
  }

  private static void read(StringBuilder h, Report r) {
    h.append(
        "<h2>Records read</h2>\n<table id=\"read\"><tr><th>cluster</th><th>topic</th><th>role</th><th>origin</th>"
            + "<th>events</th><th>outside window</th><th>unreadable</th></tr>\n");
    for (PhysicalTopic t : r.plan().topics()) {
      ReadStats.TopicStats s = r.outcome().read().of(t.cluster(), t.topic());
      h.append("<tr><td>")
          .append(esc(t.cluster()))
          .append("</td><td>")
          .append(esc(t.topic()))
          .append("</td><td>")
          .append(ReportJson.lower(t.role()))
          .append("</td><td>")
          .append(ReportJson.lower(t.origin()))
          .append("</td>");
      if (r.missingTopics().contains(t.label())) {
        h.append("<td colspan=\"3\">topic not found</td></tr>\n");
      } else {
        h.append(num(s.events()))
            .append(num(s.outsideWindow()))
            .append(num(s.unreadableTotal()))
            .append("</tr>\n");
      }
    }
    h.append("</table>\n");
  }

  private static void buckets(StringBuilder h, Report r) {
    if (r.config().aggregates().isEmpty()) {
      return;
    }
    List<BucketTotals> rows = r.outcome().buckets();
    h.append("<h2>Per bucket: source vs. downstream events</h2>\n");
    h.append(BucketChart.svg(rows, CHART_HEIGHT)).append('\n');
    h.append(
        "<table id=\"buckets\"><tr><th>bucket / group</th><th>source</th><th>downstream</th><th>unprocessed</th>"
            + "<th>unexplained</th><th>primary</th><th>dr</th><th>stranded off dr</th><th>unexplained</th></tr>\n");
    for (BucketTotals b : rows.subList(0, Math.min(rows.size(), SHOWN_BUCKET_ROWS))) {
      h.append("<tr><td>")
          .append(esc(b.id()))
          .append("</td>")
          .append(tally(b.source()))
          .append(tally(b.downstream()))
          .append(tally(b.unprocessed()))
          .append(tally(b.downstreamUnexplained()))
          .append(tally(b.primary()))
          .append(tally(b.dr()))
          .append(tally(b.strandedOffDr()))
          .append(tally(b.drUnexplained()))
          .append("</tr>\n");
    }
    h.append("</table>\n");
    if (rows.size() > SHOWN_BUCKET_ROWS) {
      h.append("<p>")
          .append(rows.size() - SHOWN_BUCKET_ROWS)
          .append(" more rows in report.json</p>\n");
    }
  }

  private static void findings(StringBuilder h, Report r, Map<FindingKind, List<Finding>> samples) {
    h.append("<h2>Findings</h2>\n");
    Set<FindingKind> checked = r.checked();
    for (FindingKind k : FindingKind.values()) {
      if (!checked.contains(k)) {
        continue;
      }
      long total = r.findings().get(k);
      h.append("<h3 id=\"")
          .append(k.id())
          .append("\">")
          .append(k.id())
          .append(" (")
          .append(total)
          .append(")</h3>\n");
      List<Finding> shown =
          samples.getOrDefault(k, List.of()).stream()
              .sorted(Comparator.comparing(Finding::eventId))
              .limit(SHOWN_PER_KIND)
              .toList();
      if (shown.isEmpty()) {
        h.append("<p>none</p>\n");
        continue;
      }
      h.append(
          "<table class=\"findings\"><tr><th>id</th><th>count</th><th>detail</th><th>records</th></tr>\n");
      for (Finding f : shown) {
        h.append("<tr><td><code>")
            .append(esc(f.eventId()))
            .append("</code></td>")
            .append(num(f.count()))
            .append("<td>")
            .append(esc(f.detail()))
            .append("</td><td>");
        f.records()
            .forEach(
                ref ->
                    h.append(
                            esc(
                                ref.cluster()
                                    + "/"
                                    + ref.topic()
                                    + "/"
                                    + ref.partition()
                                    + "@"
                                    + ref.offset()
                                    + " "
                                    + Instant.ofEpochMilli(ref.timestamp())))
                        .append("<br/>"));
        h.append("</td></tr>\n");
      }
      h.append("</table>\n");
      if (total > shown.size()) {
        h.append("<p>")
            .append(total - shown.size())
            .append(" more in <code>")
            .append(FindingsFiles.relativeFile(k))
            .append("</code></p>\n");
      }
    }
  }

  private static String num(long n) {
    return "<td class=\"num\">" + n + "</td>";
  }

  private static String tally(Tally t) {
    return "<td class=\"num\">" + esc(t.toString()) + "</td>";
  }

  /** Escapes text for element content and attribute values (XML's five special characters). */
  public static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? '\uFFFD' : c);
      }
    }
    return sb.toString();
  }

  /** Per bucket start, summed over group keys: [source count, downstream count, mismatch flag]. */
  static Map<Long, long[]> perBucket(List<BucketTotals> rows) {
    Map<Long, long[]> m = new TreeMap<>();
    for (BucketTotals b : rows) {
      long[] v = m.computeIfAbsent(b.bucketStartMs(), k -> new long[3]);
      v[0] += b.source().count();
      v[1] += b.downstream().count();
      if (!b.downstreamUnexplained().isZero() || !b.drUnexplained().isZero()) {
        v[2] = 1;
      }
    }
    return m;
  }
}
