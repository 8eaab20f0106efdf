package io.mirrorwatch.reconciler.report;

import io.mirrorwatch.reconciler.finding.BucketTotals;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The inline SVG bar chart of {@code report.html}: per bucket (group keys summed), the source of
 * truth's event count next to the downstream count; a red mark under a bucket with an aggregate
 * mismatch. Each bar carries a {@code <title>} (the tooltip) with the bucket and the exact counts.
 */
final class BucketChart {
  private static final int BAR = 6;
  private static final int GAP = 4;
  private static final int LEFT = 50;
  private static final int BOTTOM = 40;

  private BucketChart() {}

  static String svg(List<BucketTotals> rows, int height) {
    Map<Long, long[]> buckets = ReportHtml.perBucket(rows);
    long max =
        Math.max(1, buckets.values().stream().mapToLong(v -> Math.max(v[0], v[1])).max().orElse(1));
    int width = LEFT + Math.max(300, buckets.size() * (2 * BAR + GAP)) + 10;
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"chart\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height + BOTTOM)
        .append(
            "\" role=\"img\"><title>source (blue) vs downstream (orange) events per bucket</title>");
    s.append("<text x=\"0\" y=\"12\" font-size=\"11\">").append(max).append("</text>");
    s.append("<text x=\"0\" y=\"").append(height).append("\" font-size=\"11\">0</text>");
    s.append("<line x1=\"")
        .append(LEFT - 2)
        .append("\" y1=\"")
        .append(height)
        .append("\" x2=\"")
        .append(width)
        .append("\" y2=\"")
        .append(height)
        .append("\" stroke=\"#999\"/>");
    int x = LEFT;
    for (Map.Entry<Long, long[]> e : buckets.entrySet()) {
      String at = Instant.ofEpochMilli(e.getKey()).toString();
      long[] v = e.getValue();
      bar(s, x, v[0], max, height, "src", at + " source " + v[0]);
      bar(s, x + BAR, v[1], max, height, "out", at + " downstream " + v[1]);
      if (v[2] != 0) {
        s.append("<rect class=\"mis\" x=\"")
            .append(x)
            .append("\" y=\"")
            .append(height + 3)
            .append("\" width=\"")
            .append(2 * BAR)
            .append("\" height=\"4\"><title>")
            .append(ReportHtml.esc(at + " aggregate mismatch"))
            .append("</title></rect>");
      }
      x += 2 * BAR + GAP;
    }
    if (!buckets.isEmpty()) {
      // The first bucket's start under the left edge, the last one's under the right edge.
      long first = buckets.keySet().iterator().next();
      long last = buckets.keySet().stream().reduce((a, b) -> b).orElse(first);
      s.append("<text x=\"")
          .append(LEFT)
          .append("\" y=\"")
          .append(height + 22)
          .append("\" font-size=\"11\">")
          .append(ReportHtml.esc(Instant.ofEpochMilli(first).toString()))
          .append("</text>");
      if (last != first) {
        s.append("<text x=\"")
            .append(x - GAP)
            .append("\" y=\"")
            .append(height + 34)
            .append("\" font-size=\"11\" text-anchor=\"end\">")
            .append(ReportHtml.esc(Instant.ofEpochMilli(last).toString()))
            .append("</text>");
      }
    }
    return s.append("</svg>").toString();
  }

  private static void bar(
      StringBuilder s, int x, long n, long max, int height, String cls, String title) {
    long h = Math.round((double) n * (height - 16) / max);
    s.append("<rect class=\"")
        .append(cls)
        .append("\" x=\"")
        .append(x)
        .append("\" y=\"")
        .append(height - h)
        .append("\" width=\"")
        .append(BAR)
        .append("\" height=\"")
        .append(h)
        .append("\"><title>")
        .append(ReportHtml.esc(title))
        .append("</title></rect>");
  }
}
