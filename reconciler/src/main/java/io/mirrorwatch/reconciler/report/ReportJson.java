package io.mirrorwatch.reconciler.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrorwatch.common.cluster.ClusterConfig;
import io.mirrorwatch.common.replication.PolicyKind;
import io.mirrorwatch.common.replication.Replication;
import io.mirrorwatch.reconciler.config.AggregatesSpec;
import io.mirrorwatch.reconciler.config.Window;
import io.mirrorwatch.reconciler.finding.BucketTotals;
import io.mirrorwatch.reconciler.finding.FindingKind;
import io.mirrorwatch.reconciler.finding.Tally;
import io.mirrorwatch.reconciler.source.FailoverPositions;
import io.mirrorwatch.reconciler.source.PhysicalTopic;
import io.mirrorwatch.reconciler.source.ReadStats;
import io.mirrorwatch.reconciler.source.Unreadable;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code report.json}, schema version {@value Report#SCHEMA_VERSION}; documented in docs/report.md.
 */
public final class ReportJson {
  private ReportJson() {}

  public static ObjectNode render(Report r) {
    ObjectNode root = FindingsFiles.JSON.createObjectNode();
    root.put("schemaVersion", Report.SCHEMA_VERSION);
    root.put("generatedAt", r.generatedAt().toString());
    root.put("result", r.exitCode() == Report.EXIT_CLEAN ? "clean" : "findings");
    root.put("exitCode", r.exitCode());
    window(root.putObject("window"), r.config().window());
    Replication rep = r.config().replication();
    ObjectNode replication = root.putObject("replication");
    replication.put("policy", lower(rep.kind()));
    if (rep.kind() == PolicyKind.DEFAULT) {
      replication.put("separator", rep.separator());
    }
    ArrayNode clusters = root.putArray("clusters");
    for (ClusterConfig c : r.config().clusters()) {
      clusters
          .addObject()
          .put("role", r.config().roleOf(c))
          .put("alias", c.alias())
          .put("bootstrapServers", c.bootstrapServers());
    }
    ArrayNode topics = root.putArray("topics");
    for (PhysicalTopic t : r.plan().topics()) {
      ReadStats.TopicStats s = r.outcome().read().of(t.cluster(), t.topic());
      topics
          .addObject()
          .put("cluster", t.cluster())
          .put("topic", t.topic())
          .put("role", lower(t.role()))
          .put("origin", lower(t.origin()))
          .put("stream", t.stream())
          .put("eventId", t.eventId().describe())
          .put("exists", !r.missingTopics().contains(t.label()))
          .put("records", s.records())
          .put("events", s.events())
          .put("outsideWindow", s.outsideWindow())
          .put("unreadable", s.unreadableTotal());
    }
    JobOutcome o = r.outcome();
    root.putObject("sourceOfTruth")
        .put("events", o.events())
        .put("processed", o.processed())
        .put("downstreamOnly", o.downstreamOnly());
    unreadable(root.putObject("unreadable"), r);
    ObjectNode findings = root.putObject("findings");
    findings.put("total", r.totalFindings());
    ObjectNode byKind = findings.putObject("byKind");
    Set<FindingKind> checked = r.checked();
    r.findings().entrySet().stream()
        .filter(e -> checked.contains(e.getKey()))
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                byKind
                    .putObject(e.getKey().id())
                    .put("count", e.getValue())
                    .put("file", FindingsFiles.relativeFile(e.getKey())));
    ArrayNode notChecked = root.putArray("notChecked");
    r.notChecked().forEach(notChecked::add);
    r.cutover().ifPresent(c -> stranded(root.putObject("stranded"), c));
    r.config()
        .aggregates()
        .ifPresent(a -> aggregates(root.putObject("aggregates"), a, r.outcome()));
    OffsetsJson.render(root.putObject("offsets"), r.offsets());
    root.put("elapsedSeconds", o.elapsed().toMillis() / 1000.0);
    return root;
  }

  /** What the stranded check knew of MM2's progress at the cutover. */
  private static void stranded(ObjectNode n, FailoverPositions c) {
    n.put("failoverAt", Instant.ofEpochMilli(c.failoverAtMs()).toString());
    n.put("offsetsTopic", c.positions().offsetsTopic());
    n.put("offsetsTopicRead", c.positions().read());
    n.put("skippedOffsetRecords", c.positions().skipped());
    ArrayNode positions = n.putArray("positions");
    c.positions()
        .positions()
        .values()
        .forEach(
            p ->
                positions
                    .addObject()
                    .put("topic", p.topic())
                    .put("partition", p.partition())
                    .put("replicatedUpTo", p.upTo())
                    .put("flushedAt", Instant.ofEpochMilli(p.flushedAtMs()).toString()));
  }

  private static void aggregates(ObjectNode n, AggregatesSpec a, JobOutcome o) {
    n.put("bucket", a.bucket().toString());
    n.put("amount", a.amountPointer());
    a.groupByPointer().ifPresent(g -> n.put("groupBy", g));
    ArrayNode rows = n.putArray("buckets");
    o.buckets().forEach(b -> rows.add(bucket(b)));
  }

  /**
   * One row of the aggregate table; also the {@code aggregate} of an aggregate_mismatch finding.
   */
  static ObjectNode bucket(BucketTotals b) {
    ObjectNode n = FindingsFiles.JSON.createObjectNode();
    n.put("id", b.id());
    n.put("bucket", Instant.ofEpochMilli(b.bucketStartMs()).toString());
    b.groupKeyValue().ifPresent(g -> n.put("groupKey", g));
    tally(n, "source", b.source());
    tally(n, "downstream", b.downstream());
    tally(n, "unprocessed", b.unprocessed());
    tally(n, "downstreamUnexplained", b.downstreamUnexplained());
    tally(n, "primary", b.primary());
    tally(n, "dr", b.dr());
    tally(n, "strandedOffDr", b.strandedOffDr());
    tally(n, "drUnexplained", b.drUnexplained());
    n.put("withoutAmount", b.withoutAmount());
    n.put("amountChanged", b.amountChanged());
    return n;
  }

  private static void tally(ObjectNode n, String name, Tally t) {
    n.putObject(name).put("count", t.count()).put("sum", t.sum());
  }

  private static void window(ObjectNode n, Window w) {
    n.put("from", w.from().toString())
        .put("to", w.to().toString())
        .put("downstreamTo", w.downstreamTo().toString());
    w.failoverAt().ifPresent(t -> n.put("failoverAt", t.toString()));
    w.failbackAt().ifPresent(t -> n.put("failbackAt", t.toString()));
  }

  private static void unreadable(ObjectNode n, Report r) {
    Map<Unreadable.Reason, Long> byReason = new EnumMap<>(Unreadable.Reason.class);
    ArrayNode examples = FindingsFiles.JSON.createArrayNode();
    for (PhysicalTopic t : r.plan().topics()) {
      ReadStats.TopicStats s = r.outcome().read().of(t.cluster(), t.topic());
      s.unreadable().forEach((reason, count) -> byReason.merge(reason, count, Long::sum));
      for (Unreadable u : s.examples()) {
        examples
            .addObject()
            .put("reason", u.reason().id())
            .put("cluster", u.cluster())
            .put("topic", u.topic())
            .put("partition", u.partition())
            .put("offset", u.offset())
            .put("timestamp", Instant.ofEpochMilli(u.timestamp()).toString())
            .put("detail", u.detail());
      }
    }
    n.put("total", r.unreadableTotal());
    ObjectNode reasons = n.putObject("byReason");
    byReason.forEach((reason, count) -> reasons.put(reason.id(), count));
    n.set("examples", examples);
  }

  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
