package io.mirrorwatch.reconciler.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrorwatch.reconciler.checks.offsets.Cutover;
import io.mirrorwatch.reconciler.checks.offsets.GroupPositions;
import io.mirrorwatch.reconciler.checks.offsets.OffsetComparison;
import io.mirrorwatch.reconciler.checks.offsets.OffsetsOutcome;
import io.mirrorwatch.reconciler.finding.FindingKind;
import io.mirrorwatch.reconciler.source.offsets.CheckpointLog;
import io.mirrorwatch.reconciler.source.offsets.CommitHistory;
import io.mirrorwatch.reconciler.source.offsets.GroupRecordDecoder;
import io.mirrorwatch.reconciler.source.offsets.LogPosition;
import java.time.Instant;
import java.util.List;

/**
 * The {@code offsets} section of report.json and its console lines; documented in docs/report.md.
 */
final class OffsetsJson {
  private OffsetsJson() {}

  static void render(ObjectNode n, OffsetsOutcome o) {
    ArrayNode groups = n.putArray("groups");
    o.groups().forEach(groups::add);
    ArrayNode cutovers = n.putArray("cutovers");
    for (Cutover c : o.checked()) {
      ObjectNode cn =
          cutovers
              .addObject()
              .put("cutover", c.kind().id())
              .put("checked", true)
              .put("at", c.at().toString())
              .put("from", c.oldCluster())
              .put("to", c.newCluster());
      ArrayNode gs = cn.putArray("groups");
      for (String g : o.groups()) {
        group(gs.addObject(), o, g, c);
      }
    }
    o.notChecked()
        .forEach(
            (kind, reason) ->
                cutovers
                    .addObject()
                    .put("cutover", kind.id())
                    .put("checked", false)
                    .put("reason", reason));
    ArrayNode checkpoints = n.putArray("checkpoints");
    for (CheckpointLog.Checkpoints c : o.checkpoints()) {
      checkpoints
          .addObject()
          .put("cluster", c.cluster())
          .put("topic", c.topic())
          .put("exists", c.exists())
          .put("checkpoints", c.checkpoints().size())
          .put("undecodable", c.undecodable());
    }
    ArrayNode logs = n.putArray("commitLogs");
    for (CommitHistory h : o.logs()) {
      ObjectNode ln =
          logs.addObject()
              .put("cluster", h.cluster())
              .put("records", h.read())
              .put("undecodable", h.undecodable());
      ArrayNode examples = ln.putArray("examples");
      for (GroupRecordDecoder.Result.Undecodable u : h.examples()) {
        position(examples.addObject(), u.at()).put("detail", u.detail());
      }
    }
  }

  private static void group(ObjectNode gn, OffsetsOutcome o, String group, Cutover c) {
    gn.put("group", group);
    o.positions(group, c.kind())
        .flatMap(GroupPositions::started)
        .ifPresent(s -> position(gn.putObject("started"), s.at()));
    ArrayNode parts = gn.putArray("partitions");
    for (OffsetComparison cmp : o.comparisons()) {
      if (cmp.group().equals(group) && cmp.cutover().kind() == c.kind()) {
        comparison(parts.addObject(), cmp);
      }
    }
  }

  private static void comparison(ObjectNode pn, OffsetComparison cmp) {
    pn.put("oldTopic", cmp.oldPartition().topic()).put("partition", cmp.oldPartition().partition());
    if (cmp instanceof OffsetComparison.Compared c) {
      long moved = c.moved();
      pn.put("newTopic", c.newPartition().topic())
          .put(
              "result",
              moved == 0
                  ? "match"
                  : moved < 0 ? FindingKind.OFFSET_REGRESSION.id() : FindingKind.OFFSET_JUMP.id())
          .put("records", Math.abs(moved))
          .put("oldEnd", c.oldEnd().offset())
          .put("anchorOffset", c.anchor().offset())
          .put("copyOffset", c.copies().get(0).offset())
          .put("copies", c.copies().size())
          .put("expectedStart", c.expectedStart())
          .put("actualStart", c.actualStart());
      c.mm2()
          .ifPresent(
              m ->
                  pn.putObject("mm2Checkpoint")
                      .put("upstreamOffset", m.upstreamOffset())
                      .put("downstreamOffset", m.downstreamOffset())
                      .put("cluster", m.cluster())
                      .put("topic", m.topic())
                      .put("partition", m.recordPartition())
                      .put("offset", m.recordOffset())
                      .put("timestamp", Instant.ofEpochMilli(m.timestamp()).toString()));
    } else if (cmp instanceof OffsetComparison.NotComparable nc) {
      nc.newPartition().ifPresent(tp -> pn.put("newTopic", tp.topic()));
      pn.put("result", "not_comparable").put("reason", nc.reason());
    }
  }

  private static ObjectNode position(ObjectNode n, LogPosition at) {
    return n.put("cluster", at.cluster())
        .put("topic", LogPosition.TOPIC)
        .put("partition", at.partition())
        .put("offset", at.offset())
        .put("timestamp", Instant.ofEpochMilli(at.timestamp()).toString());
  }

  /** One line per checked cutover and group, one per cutover not checked; empty without groups. */
  static String summary(OffsetsOutcome o) {
    StringBuilder sb = new StringBuilder();
    for (Cutover c : o.checked()) {
      for (String g : o.groups()) {
        List<OffsetComparison> mine =
            o.comparisons().stream()
                .filter(x -> x.group().equals(g) && x.cutover().kind() == c.kind())
                .toList();
        long compared = mine.stream().filter(x -> x instanceof OffsetComparison.Compared).count();
        long moved =
            mine.stream()
                .filter(x -> x instanceof OffsetComparison.Compared cc && cc.moved() != 0)
                .count();
        sb.append(
            String.format(
                "offsets at %s (%s -> %s), %s: %d partitions compared, %d moved, %d not comparable%n",
                c.kind().id(),
                c.oldCluster(),
                c.newCluster(),
                g,
                compared,
                moved,
                mine.size() - compared));
      }
    }
    if (!o.groups().isEmpty()) {
      o.notChecked()
          .forEach(
              (k, reason) ->
                  sb.append(String.format("offsets at %s: not checked (%s)%n", k.id(), reason)));
    }
    long undecodable = o.logs().stream().mapToLong(CommitHistory::undecodable).sum();
    if (undecodable > 0) {
      sb.append(
          String.format(
              "__consumer_offsets: %,d undecodable records (examples in report.json)%n",
              undecodable));
    }
    return sb.toString();
  }
}
