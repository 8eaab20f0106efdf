package io.mirrorwatch.cutover.render;

import io.mirrorwatch.agent.evaluate.TopicRpo;
import io.mirrorwatch.cutover.plan.FailoverPlan;
import io.mirrorwatch.cutover.plan.FailoverPlan.PartitionPlan;
import java.util.Locale;
import java.util.OptionalLong;

/** The plan for a person at 3 AM: one screen, sections, plain ASCII, the verdict first. */
public final class PlanText {
  private PlanText() {}

  public static String render(FailoverPlan plan) {
    StringBuilder b = new StringBuilder();
    line(
        b,
        "FAILOVER PLAN  "
            + plan.flow().name()
            + "  (fail over to "
            + plan.flow().target()
            + ", policy "
            + plan.flow().describePolicy()
            + ")  "
            + plan.generatedAt());
    line(b, "VERDICT: " + (plan.go() ? "GO" : "BLOCKED (" + plan.blockers().size() + ")"));
    plan.blockers()
        .forEach(
            x -> {
              line(b, "  BLOCKER " + x.what());
              line(b, "    -> " + x.action());
            });
    plan.warnings().forEach(w -> line(b, "  warning: " + w));
    section(b, "1. Preconditions (runbook 1; the agent's rules, " + plan.cycles() + " cycle(s))");
    plan.preconditions()
        .forEach(
            p ->
                line(
                    b,
                    String.format(
                        "  %-20s %-8s %s",
                        p.check(), lower(p.level().name()), String.join("; ", p.reasons()))));
    section(b, "2. RPO now");
    for (TopicRpo t : plan.rpo()) {
      line(
          b,
          String.format(
              "  %-20s -> %-24s %d record(s), %s (basis %s)",
              t.topic(),
              t.replica(),
              t.records(),
              t.seconds().isPresent()
                  ? String.format("%.1f s", t.seconds().getAsDouble())
                  : "age unknown",
              lower(t.basis().name())));
    }
    section(b, "3. Consumer groups (positions on " + plan.flow().target() + ")");
    plan.groups()
        .forEach(
            g -> {
              line(
                  b,
                  "  "
                      + g.group()
                      + ": "
                      + lower(g.level().name())
                      + ", re-reads about "
                      + g.reprocessEstimate()
                      + " record(s) (agent estimate)"
                      + (g.activeOnTarget() ? ", ACTIVE on " + plan.flow().target() : ""));
              g.partitions().forEach(p -> line(b, "    " + partition(p)));
            });
    section(b, "4. Groups with active members on " + plan.flow().target());
    plan.groups().stream()
        .filter(g -> g.activeOnTarget())
        .forEach(
            g ->
                line(
                    b,
                    "  "
                        + g.group()
                        + ": stop consumers of group "
                        + g.group()
                        + " on "
                        + plan.flow().target()
                        + " before failover"));
    if (plan.groups().stream().noneMatch(g -> g.activeOnTarget())) {
      line(b, "  none");
    }
    section(b, "5. After failover");
    plan.producers()
        .forEach(
            p ->
                line(
                    b,
                    "  producers of "
                        + p.topic()
                        + " write to "
                        + p.cluster()
                        + ":"
                        + p.writeTo()
                        + (p.never().isEmpty()
                            ? ""
                            : "  (never " + String.join(", ", p.never()) + ")")));
    plan.consumers()
        .forEach(
            c ->
                c.reads()
                    .forEach(
                        r ->
                            line(
                                b,
                                "  group "
                                    + c.group()
                                    + " reads "
                                    + r.cluster()
                                    + ":"
                                    + r.topic()
                                    + " from "
                                    + r.startAt()
                                    + ": "
                                    + r.note())));
    section(b, "6. Replication policy");
    line(
        b, "  " + (plan.policy().consistent() ? "" : "INCONSISTENT: ") + plan.policy().statement());
    return b.toString();
  }

  private static String partition(PartitionPlan p) {
    String exact =
        p.exact().isPresent()
            ? "exact " + p.exact().getAsLong() + ", " + reread(p.reread())
            : "exact: " + p.exactBasis();
    return String.format(
        "%s-%d -> %s-%d: committed %s, translated %s, %s",
        p.topic(),
        p.partition(),
        p.replica(),
        p.partition(),
        value(p.committedOnSource()),
        value(p.translated()),
        exact);
  }

  private static String reread(OptionalLong r) {
    if (r.isEmpty()) {
      return "re-read unknown";
    }
    long n = r.getAsLong();
    return n >= 0 ? "re-reads " + n : "SKIPS " + -n;
  }

  private static String value(OptionalLong v) {
    return v.isPresent() ? Long.toString(v.getAsLong()) : "-";
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static void section(StringBuilder b, String title) {
    line(b, "");
    line(b, title);
  }

  private static void line(StringBuilder b, String s) {
    b.append(s).append('\n');
  }
}
