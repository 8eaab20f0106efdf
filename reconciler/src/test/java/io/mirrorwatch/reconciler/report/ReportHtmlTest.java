package io.mirrorwatch.reconciler.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.reconciler.config.ConfigLoader;
import io.mirrorwatch.reconciler.config.ReconcileConfig;
import io.mirrorwatch.reconciler.config.WindowOverrides;
import io.mirrorwatch.reconciler.finding.BucketTotals;
import io.mirrorwatch.reconciler.finding.Finding;
import io.mirrorwatch.reconciler.finding.FindingKind;
import io.mirrorwatch.reconciler.finding.RecordRef;
import io.mirrorwatch.reconciler.finding.Tally;
import io.mirrorwatch.reconciler.source.Origin;
import io.mirrorwatch.reconciler.source.ReadStats;
import io.mirrorwatch.reconciler.source.Role;
import io.mirrorwatch.reconciler.source.TopicPlan;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class ReportHtmlTest {
  static final ReconcileConfig CONFIG =
      ConfigLoader.parse(
          """
      clusters: {primary: {bootstrap.servers: "a:1"}, dr: {bootstrap.servers: "b:2"}}
      eventId: {from: header, name: event-id}
      streams: [orders]
      downstream: [orders-processed]
      aggregates: {amount: /amount, groupBy: /customerId}
      window: {failoverAt: "2025-03-01T10:00:00Z", failbackAt: "2025-03-01T11:00:00Z"}
      """,
          WindowOverrides.none());
  static final String EVIL = "<script>alert('x')</script>&";

  static Tally t(long n, String sum) {
    return new Tally(n, new BigDecimal(sum));
  }

  static BucketTotals bucket(long startMs, String group, Tally downstream) {
    Tally src = t(3, "30");
    return new BucketTotals(
        startMs,
        group,
        src,
        downstream,
        src.minus(downstream).count() == 0 ? Tally.ZERO : t(src.count() - downstream.count(), "10"),
        src,
        src,
        Tally.ZERO,
        0,
        0,
        List.of());
  }

  static String html(
      Map<FindingKind, Long> counts,
      Map<FindingKind, List<Finding>> samples,
      List<BucketTotals> buckets) {
    String html = ReportHtml.render(report(counts, buckets), samples);
    // Self-contained: no script, no stylesheet link, no fetched resource (the SVG namespace is a
    // name, not a fetch).
    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("<link")
        .doesNotContain("src=")
        .doesNotContain("url(")
        .doesNotContain("href=\"http");
    return html;
  }

  /** A report whose offset checks did not run (no groups configured). */
  static Report report(Map<FindingKind, Long> counts, List<BucketTotals> buckets) {
    return new Report(
        Instant.parse("2025-03-01T12:00:00Z"),
        CONFIG,
        TopicPlan.resolve(CONFIG),
        Set.of(),
        new JobOutcome(new ReadStats(), 9, 8, 0, Duration.ofSeconds(2), buckets),
        counts);
  }

  /** Parses the page as XML: it must be well-formed. */
  static Document parse(String html) throws Exception {
    var f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void thePageIsWellFormedSelfContainedAndEscapesEveryText() throws Exception {
    Map<FindingKind, Long> counts = new EnumMap<>(FindingKind.class);
    Map<FindingKind, List<Finding>> samples = new EnumMap<>(FindingKind.class);
    for (FindingKind k : FindingKind.values()) {
      counts.put(k, 1L);
      samples.put(
          k,
          List.of(
              new Finding(
                  k,
                  EVIL + k.id(),
                  1,
                  "detail " + EVIL,
                  List.of(
                      new RecordRef(Role.SOURCE, "primary", "orders", 0, 4, 0, Origin.ORIGINAL)))));
    }
    List<BucketTotals> buckets =
        List.of(
            bucket(60_000, "c-1", t(3, "30")),
            bucket(60_000, EVIL, t(2, "20")),
            bucket(120_000, "c-1", t(3, "31")));

    String html = html(counts, samples, buckets);
    Document doc = parse(html);

    assertThat(doc.getElementsByTagName("script").getLength()).isZero();
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;");
    String text = doc.getDocumentElement().getTextContent();
    Report report = report(counts, buckets);
    assertThat(report.notChecked()).containsExactly("offset_regression", "offset_jump");
    for (FindingKind k : FindingKind.values()) {
      assertThat(text).contains(k.id());
      if (report.checked().contains(k)) {
        assertThat(text).contains(EVIL + k.id());
      }
    }
    for (BucketTotals b : buckets) {
      assertThat(text).contains(b.id());
    }
    NodeList svg = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
    assertThat(svg.getLength()).isEqualTo(1);
    List<String> titles = new ArrayList<>();
    NodeList rects = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
    for (int i = 0; i < rects.getLength(); i++) {
      titles.add(rects.item(i).getTextContent());
    }
    // Two buckets, source and downstream bars each, group keys summed; the unexplained sum marks
    // the second.
    assertThat(titles)
        .containsExactly(
            "1970-01-01T00:01:00Z source 6",
            "1970-01-01T00:01:00Z downstream 5",
            "1970-01-01T00:02:00Z source 3",
            "1970-01-01T00:02:00Z downstream 3",
            "1970-01-01T00:02:00Z aggregate mismatch");
  }

  @Test
  void findingsBeyondTheShownOnesPointToTheirFile() throws Exception {
    List<Finding> many = new ArrayList<>();
    for (int i = 0; i < ReportHtml.SHOWN_PER_KIND; i++) {
      many.add(
          new Finding(
              FindingKind.UNPROCESSED, "e-" + i, 0, "never recorded downstream", List.of()));
    }
    Document doc =
        parse(
            html(
                Map.of(FindingKind.UNPROCESSED, 120L),
                Map.of(FindingKind.UNPROCESSED, many),
                List.of()));
    assertThat(doc.getDocumentElement().getTextContent())
        .contains((120 - ReportHtml.SHOWN_PER_KIND) + " more in findings/unprocessed.jsonl")
        .contains("unprocessed (120)");
  }
}
