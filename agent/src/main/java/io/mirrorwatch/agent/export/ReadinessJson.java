package io.mirrorwatch.agent.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrorwatch.agent.evaluate.Check;
import io.mirrorwatch.agent.evaluate.CheckResult;
import io.mirrorwatch.agent.evaluate.FlowAssessment;
import io.mirrorwatch.agent.evaluate.GroupStatus;
import io.mirrorwatch.agent.evaluate.RpoBasis;
import io.mirrorwatch.agent.evaluate.TopicRpo;
import io.mirrorwatch.agent.model.CollectorHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The {@code /readiness} document: per flow, each check's level with reasons in words, RPO figures
 * with where they came from, and per-group translation status. For scripts and for people at 3 AM.
 */
public final class ReadinessJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReadinessJson() {}

  public static String render(AgentSnapshot s, Instant now) {
    ObjectNode root = JSON.createObjectNode();
    root.put("generatedAt", s.cycleEndedAt().toString());
    root.put("ready", !s.flows().isEmpty() && s.flows().stream().allMatch(FlowAssessment::ready));
    ObjectNode clusters = root.putObject("clusters");
    s.clusterUp().forEach((c, up) -> clusters.putObject(c).put("up", up));
    ArrayNode flows = root.putArray("flows");
    s.flows().forEach(f -> flow(flows.addObject(), f));
    ArrayNode collectors = root.putArray("collectors");
    s.collectors().forEach(h -> collector(collectors.addObject(), h, now));
    try {
      return JSON.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void flow(ObjectNode n, FlowAssessment f) {
    n.put("flow", f.flow());
    n.put("ready", f.ready());
    ObjectNode checks = n.putObject("checks");
    for (Check c : Check.values()) {
      CheckResult r = f.checks().get(c);
      ObjectNode cn = checks.putObject(c.label());
      cn.put("level", r.level().name().toLowerCase(Locale.ROOT));
      cn.put("value", r.level().value());
      r.reasons().forEach(cn.putArray("reasons")::add);
    }
    ArrayNode rpo = n.putArray("rpo");
    for (TopicRpo t : f.topics()) {
      ObjectNode tn = rpo.addObject();
      tn.put("topic", t.topic());
      tn.put("replica", t.replica());
      tn.put("records", t.records());
      t.seconds().ifPresentOrElse(v -> tn.put("seconds", v), () -> tn.putNull("seconds"));
      number(tn, "sourceRecordsPerSecond", t.producedPerSecond());
      tn.put("stalledSeconds", t.stalledSeconds());
      tn.put("basis", t.basis().name().toLowerCase(Locale.ROOT));
      tn.put("upperBound", t.basis() != RpoBasis.MM2_OFFSETS || t.records() > 0);
      tn.put("note", basisNote(t.basis()));
    }
    ArrayNode groups = n.putArray("groups");
    for (GroupStatus g : f.groups()) {
      ObjectNode gn = groups.addObject();
      gn.put("group", g.group());
      gn.put("level", g.level().name().toLowerCase(Locale.ROOT));
      g.checkpointAge()
          .ifPresentOrElse(
              a -> gn.put("checkpointAgeSeconds", seconds(a)),
              () -> gn.putNull("checkpointAgeSeconds"));
      gn.put("synced", g.synced());
      gn.put("activeOnTarget", g.activeOnTarget());
      gn.put("failoverReprocessRecords", g.reprocessRecords());
      g.reasons().forEach(gn.putArray("reasons")::add);
    }
    ObjectNode mm2 = n.putObject("mm2");
    f.jmxUp().ifPresentOrElse(up -> mm2.put("jmxUp", up), () -> mm2.putNull("jmxUp"));
    f.jmx()
        .ifPresent(
            j -> {
              ObjectNode cs = mm2.putObject("connectors");
              j.connectorStatus().forEach(cs::put);
              ObjectNode ts = mm2.putObject("tasks");
              j.taskStates()
                  .forEach(
                      (c, states) -> {
                        ObjectNode sn = ts.putObject(c);
                        states.forEach(sn::put);
                      });
            });
    f.latencyQuantilesMs()
        .ifPresent(
            q -> {
              ObjectNode ln = mm2.putObject("replicationLatencyMs");
              q.forEach((quantile, ms) -> ln.put(MetricRows.quantileLabel(quantile), ms));
            });
    f.heartbeatAge()
        .ifPresentOrElse(
            a -> mm2.put("heartbeatAgeSeconds", seconds(a)),
            () -> mm2.putNull("heartbeatAgeSeconds"));
    ObjectNode coverage = n.putObject("eventIdCoverage");
    f.coverage().forEach(coverage::put);
  }

  private static void collector(ObjectNode n, CollectorHealth h, Instant now) {
    n.put("collector", h.collector());
    n.put("cluster", h.cluster());
    n.put("stale", h.lastError().isPresent() || h.lastSuccess().isEmpty());
    n.put("lastDurationSeconds", seconds(h.lastDuration()));
    n.put("errors", h.errors());
    h.lastSuccess()
        .ifPresentOrElse(
            t -> n.put("dataAgeSeconds", seconds(Duration.between(t, now))),
            () -> n.putNull("dataAgeSeconds"));
    h.lastError().ifPresentOrElse(e -> n.put("lastError", e), () -> n.putNull("lastError"));
  }

  static String basisNote(RpoBasis basis) {
    return switch (basis) {
      case MM2_OFFSETS ->
          "from MM2's committed offsets on the target: exact once MM2 has flushed, otherwise an upper bound"
              + " (after an MM2 crash MM2 copies those records again)";
      case REPLICA_TAIL_TIMESTAMP ->
          "from the replica's newest timestamp mapped to the source (offsetsForTimes): an upper bound";
      case NONE -> "nothing known to be replicated: the whole source log is counted";
    };
  }

  private static void number(ObjectNode n, String field, double v) {
    if (Double.isNaN(v)) {
      n.putNull(field);
    } else {
      n.put(field, v);
    }
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
