package io.mirrorwatch.reconciler;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrorwatch.common.replication.PolicyKind;
import io.mirrorwatch.lab.Lab;
import io.mirrorwatch.lab.workload.Orders;
import io.mirrorwatch.lab.workload.ProcessedEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the reconciler over a drill's window and checks its report against the drill's ground truth:
 * every finding kind lists exactly what was injected, nothing more.
 */
final class DrillReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Lab lab;
  private final DrillTruth truth;
  private final Path dir;
  private final Path out;

  DrillReport(Lab lab, DrillTruth truth, Path dir) {
    this.lab = lab;
    this.truth = truth;
    this.dir = dir;
    this.out = dir.resolve("report");
  }

  void assertExactlyTheGroundTruth() throws Exception {
    Set<String> tmpBefore = flinkScratch();
    int exit = reconcile();
    assertThat(exit).isEqualTo(1);
    assertThat(flinkScratch())
        .as("embedded Flink files left in java.io.tmpdir")
        .isSubsetOf(tmpBefore);

    Set<String> unprocessed = neverProcessed();
    assertThat(truth.copiedTwice).isNotEmpty();
    assertThat(truth.alteredBuckets).isNotEmpty();
    assertThat(eventIds("duplicate_replicated"))
        .containsExactlyInAnyOrderElementsOf(truth.copiedTwice);
    assertThat(eventIds("duplicate_produced"))
        .containsExactlyInAnyOrderElementsOf(truth.producedTwice);
    assertThat(eventIds("duplicate_processed"))
        .containsExactlyInAnyOrderElementsOf(truth.processedTwice);
    assertThat(eventIds("unprocessed")).containsExactlyInAnyOrderElementsOf(unprocessed);
    assertThat(eventIds("stranded")).containsExactlyInAnyOrderElementsOf(truth.stranded);
    assertThat(eventIds("aggregate_mismatch"))
        .containsExactlyInAnyOrderElementsOf(truth.alteredBuckets);
    JsonNode regression = single("offset_regression");
    assertThat(regression.get("eventId").asText())
        .isEqualTo("failover/dr/" + truth.back + "/" + Orders.GROUP);
    assertThat(regression.get("count").asInt())
        .isEqualTo(FailoverFailbackDrill.PROCESSOR_RESET_BACK);
    JsonNode jump = single("offset_jump");
    assertThat(jump.get("eventId").asText())
        .isEqualTo("failback/primary/" + truth.forward + "/" + FailoverFailbackDrill.AUDIT);
    assertThat(jump.get("count").asInt()).isEqualTo(FailoverFailbackDrill.AUDIT_SKIPPED_FORWARD);
    // The anchor on the old cluster, its copy on the new one, and both commits.
    assertThat(regression.get("records"))
        .hasSize(4)
        .allSatisfy(
            r ->
                assertThat(
                        r.has("cluster")
                            && r.has("topic")
                            && r.has("offset")
                            && r.has("timestampMs"))
                    .isTrue());
    assertThat(regression.get("detail").asText())
        .contains("so the start was set by something else");
    JsonNode duplicate =
        JSON.readTree(Files.readAllLines(out.resolve("findings/duplicate_produced.jsonl")).get(0));
    // Two produces on primary/orders and MM2's copy of each on dr.
    assertThat(duplicate.get("records")).hasSize(4);
    assertThat(duplicate.get("count").asInt()).isEqualTo(2);

    JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
    assertThat(report.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(report.get("notChecked")).isEmpty();
    assertThat(report.at("/findings/total").asLong())
        .isEqualTo(
            truth.copiedTwice.size()
                + truth.producedTwice.size()
                + truth.processedTwice.size()
                + unprocessed.size()
                + truth.stranded.size()
                + truth.alteredBuckets.size()
                + 2);
    long events = FailoverFailbackDrill.producedIds(lab).size();
    assertThat(report.at("/sourceOfTruth/events").asLong()).isEqualTo(events);
    assertThat(report.at("/sourceOfTruth/processed").asLong())
        .isEqualTo(events - unprocessed.size());
    long bucketed = 0;
    for (JsonNode row : report.at("/aggregates/buckets")) {
      bucketed += row.at("/source/count").asLong();
    }
    assertThat(bucketed).as("events in the bucket table").isEqualTo(events);
    assertThat(report.at("/stranded/offsetsTopicRead").asBoolean()).isTrue();
    assertThat(report.at("/unreadable/total").asLong()).isZero();
    assertThat(report.at("/offsets/commitLogs/0/undecodable").asLong()).isZero();
    assertThat(report.at("/offsets/commitLogs/1/undecodable").asLong()).isZero();
    assertOffsetComparisons(report);
    assertThat(Files.readString(out.resolve("report.html")))
        .contains(truth.stranded.iterator().next())
        .contains(truth.alteredBuckets.iterator().next());
  }

  /**
   * The events with no downstream record, from the lab's own record of what the processor wrote:
   * the {@link FailoverFailbackDrill#NEVER_PROCESSED} skipped ones and, under the identity policy,
   * the stranded ones too. There the processor moves back to primary's {@code orders} at the
   * reverse MM2's translation, which lies past the stranded records (written before the copies of
   * dr's records), so it never reads them; under the default policy it resumes primary's {@code
   * orders} at its pre-failover commit and reads them.
   */
  private Set<String> neverProcessed() {
    Set<String> none = FailoverFailbackDrill.producedIds(lab);
    none.removeAll(
        lab.truth().processed().stream().map(ProcessedEvent::eventId).collect(Collectors.toSet()));
    none.removeAll(truth.altered);
    Set<String> expected = new HashSet<>(truth.neverProcessed);
    if (lab.policyKind() == PolicyKind.IDENTITY) {
      expected.addAll(truth.stranded);
    }
    System.out.println(
        "never processed (lab ground truth): "
            + none.size()
            + ", never-processed + stranded-and-skipped expected: "
            + expected.size());
    assertThat(none).isEqualTo(expected);
    return none;
  }

  /**
   * Both cutovers are checked, and every partition of both groups is a match but the two moves.
   * Where MM2 translated the group, its checkpoint says where the group should have started.
   */
  private void assertOffsetComparisons(JsonNode report) {
    List<String> results = new ArrayList<>();
    for (int c = 0; c < 2; c++) {
      JsonNode cutover = report.at("/offsets/cutovers/" + c);
      assertThat(cutover.get("checked").asBoolean()).as(cutover.toString()).isTrue();
      String replica =
          c == 0
              ? lab.replicaTopic(Lab.PRIMARY, Orders.TOPIC)
              : lab.replicaTopic(Lab.DR, Orders.TOPIC);
      cutover
          .get("groups")
          .forEach(
              g ->
                  g.get("partitions")
                      .forEach(
                          p -> {
                            results.add(
                                cutover.get("cutover").asText()
                                    + " "
                                    + g.get("group").asText()
                                    + " "
                                    + p.get("newTopic").asText()
                                    + "-"
                                    + p.get("partition").asInt()
                                    + " "
                                    + p.get("result").asText());
                            if (p.get("newTopic").asText().equals(replica)) {
                              assertThat(p.at("/mm2Checkpoint/downstreamOffset").asLong())
                                  .as(g.get("group") + " " + p)
                                  .isEqualTo(p.get("expectedStart").asLong());
                            }
                          }));
    }
    System.out.println("offset comparisons: " + results);
    assertThat(results)
        .anyMatch(r -> r.startsWith("failback "))
        .filteredOn(r -> !r.endsWith(" match"))
        .containsExactlyInAnyOrder(
            "failover " + Orders.GROUP + " " + truth.back + " offset_regression",
            "failback " + FailoverFailbackDrill.AUDIT + " " + truth.forward + " offset_jump");
  }

  private int reconcile() throws IOException {
    Path config = dir.resolve("reconcile.yaml");
    Files.writeString(
        config,
        """
        clusters:
          primary: {bootstrap.servers: "%s"}
          dr: {bootstrap.servers: "%s"}
        replication: {policy: %s}
        eventId: {from: header, name: event-id}
        streams: [orders]
        downstream: [orders-processed]
        aggregates: {amount: /amount, groupBy: /customerId}
        groups: [order-processor, order-audit]
        window: {failoverAt: "%s", failbackAt: "%s"}
        parallelism: 2
        """
            .formatted(
                lab.primary().bootstrapServers(),
                lab.dr().bootstrapServers(),
                lab.policyKind() == PolicyKind.IDENTITY ? "identity" : "default",
                truth.failoverAt,
                truth.failbackAt));
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    long start = System.nanoTime();
    int exit =
        ReconcileMain.run(
            new String[] {
              "--config",
              config.toString(),
              "--from",
              truth.from.toString(),
              "--to",
              truth.to.toString(),
              "--out",
              out.toString()
            },
            new PrintStream(console, true, UTF_8),
            System.err);
    System.out.printf(
        "reconciler took %d ms%n%s%n",
        (System.nanoTime() - start) / 1_000_000, console.toString(UTF_8));
    return exit;
  }

  private List<String> eventIds(String kind) throws IOException {
    List<String> ids = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve("findings/" + kind + ".jsonl"))) {
      ids.add(JSON.readTree(line).get("eventId").asText());
    }
    return ids;
  }

  private JsonNode single(String kind) throws IOException {
    List<String> lines = Files.readAllLines(out.resolve("findings/" + kind + ".jsonl"));
    assertThat(lines).as(kind).hasSize(1);
    return JSON.readTree(lines.get(0));
  }

  /** What an embedded Flink cluster leaves in java.io.tmpdir when nobody removes it. */
  private static Set<String> flinkScratch() throws IOException {
    try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(
              n ->
                  n.startsWith("flink-rpc")
                      || n.startsWith("minicluster_")
                      || n.startsWith("mirrorwatch-reconciler-")
                      || n.equals("flink-web-upload"))
          .collect(Collectors.toSet());
    }
  }
}
