package io.mirrorwatch.cutover.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrorwatch.agent.evaluate.TopicRpo;
import io.mirrorwatch.cutover.plan.FailoverPlan;
import io.mirrorwatch.cutover.plan.FailoverPlan.PartitionPlan;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The plan as JSON, schema {@value #SCHEMA_VERSION}, documented in {@code docs/cutover.md}. Fields
 * are only ever added within a version; an unknown value is {@code null}, never -1.
 */
public final class PlanJson {
  public static final int SCHEMA_VERSION = 1;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PlanJson() {}

  public static String render(FailoverPlan plan) {
    try {
      return JSON.writeValueAsString(tree(plan));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode tree(FailoverPlan plan) {
    ObjectNode n = JSON.createObjectNode();
    n.put("schemaVersion", SCHEMA_VERSION);
    n.put("command", "failover plan");
    n.put("generatedAt", plan.generatedAt().toString());
    n.put("flow", plan.flow().name());
    n.put("source", plan.flow().source());
    n.put("target", plan.flow().target());
    n.put("policy", plan.flow().policy().name().toLowerCase(Locale.ROOT));
    n.put("verdict", plan.go() ? "go" : "blocked");
    n.put("exitCode", plan.exitCode());
    ArrayNode blockers = n.putArray("blockers");
    plan.blockers()
        .forEach(b -> blockers.addObject().put("what", b.what()).put("action", b.action()));
    ArrayNode warnings = n.putArray("warnings");
    plan.warnings().forEach(warnings::add);
    ArrayNode pre = n.putArray("preconditions");
    plan.preconditions()
        .forEach(
            p -> {
              ObjectNode o = pre.addObject().put("check", p.check()).put("level", level(p.level()));
              p.reasons().forEach(o.putArray("reasons")::add);
            });
    ArrayNode rpo = n.putArray("rpo");
    for (TopicRpo t : plan.rpo()) {
      ObjectNode o =
          rpo.addObject()
              .put("topic", t.topic())
              .put("replica", t.replica())
              .put("records", t.records());
      put(o, "seconds", t.seconds());
      o.put("basis", t.basis().name().toLowerCase(Locale.ROOT));
    }
    ArrayNode groups = n.putArray("groups");
    plan.groups()
        .forEach(
            g -> {
              ObjectNode o =
                  groups
                      .addObject()
                      .put("group", g.group())
                      .put("level", level(g.level()))
                      .put("activeOnTarget", g.activeOnTarget())
                      .put("reprocessEstimate", g.reprocessEstimate());
              g.reasons().forEach(o.putArray("reasons")::add);
              ArrayNode parts = o.putArray("partitions");
              g.partitions().forEach(p -> partition(parts.addObject(), p));
            });
    ArrayNode producers = n.putArray("producers");
    plan.producers()
        .forEach(
            p -> {
              ObjectNode o =
                  producers
                      .addObject()
                      .put("topic", p.topic())
                      .put("cluster", p.cluster())
                      .put("writeTo", p.writeTo());
              p.never().forEach(o.putArray("never")::add);
            });
    ArrayNode consumers = n.putArray("consumers");
    plan.consumers()
        .forEach(
            c -> {
              ObjectNode o = consumers.addObject().put("group", c.group());
              ArrayNode reads = o.putArray("reads");
              c.reads()
                  .forEach(
                      r ->
                          reads
                              .addObject()
                              .put("cluster", r.cluster())
                              .put("topic", r.topic())
                              .put("startAt", r.startAt())
                              .put("note", r.note()));
            });
    n.putObject("policyConsistency")
        .put("consistent", plan.policy().consistent())
        .put("statement", plan.policy().statement());
    n.put("cycles", plan.cycles());
    ObjectNode stale = n.putObject("staleCollectors");
    plan.staleCollectors().forEach(stale::put);
    return n;
  }

  private static void partition(ObjectNode o, PartitionPlan p) {
    o.put("topic", p.topic()).put("partition", p.partition()).put("replica", p.replica());
    put(o, "committedOnSource", p.committedOnSource());
    put(o, "translated", p.translated());
    put(o, "exact", p.exact());
    o.put("exactBasis", p.exactBasis());
    put(o, "reread", p.reread());
  }

  private static String level(io.mirrorwatch.agent.evaluate.Level level) {
    return level.name().toLowerCase(Locale.ROOT);
  }

  private static void put(ObjectNode o, String field, OptionalLong v) {
    if (v.isPresent()) {
      o.put(field, v.getAsLong());
    } else {
      o.putNull(field);
    }
  }

  private static void put(ObjectNode o, String field, OptionalDouble v) {
    if (v.isPresent()) {
      o.put(field, v.getAsDouble());
    } else {
      o.putNull(field);
    }
  }
}
