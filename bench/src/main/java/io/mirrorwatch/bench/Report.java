package io.mirrorwatch.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bench's closing tables: medians side by side, ratios against the targets, the
 * profile.
 */
final class Report {
  static final double TARGET_AGENT_OVER_LIMIT = 2.0;
  static final double TARGET_TOOL_OVER_AGENT = 10.0;

  private Report() {}

  /**
   * The agent's cycle: idle (the estate), busy (every partition moved), a new Pipeline's
   * two first.
   */
  record Agent(Stats idle, Stats busy, Stats cold1, Stats cold2) {}

  static void print(
      BenchOptions o,
      Agent agents,
      Stats limit,
      Stats tool,
      Stats jvm,
      Optional<Map<String, Double>> heap,
      Map<String, List<Double>> collectors,
      Map<String, Stats> primaryCalls,
      Map<String, Stats> drCalls) {
    Stats agent = agents.idle();
    String header =
        String.format("%-58s %9s %9s %9s %5s", "measurement", "median s", "min s", "max s", "runs");
    System.out.println();
    System.out.println(header);
    System.out.println("-".repeat(header.length()));
    System.out.println(agent.row("agent cycle, idle: nothing moved since its previous cycle"));
    System.out.println(
        agents.busy().row("agent cycle, busy: every partition moved since the previous"));
    System.out.println(
        agents.cold1().row("agent cold, new Pipeline: cycle 1 (learns replica names)"));
    System.out.println(agents.cold2().row("agent cold, new Pipeline: cycle 2 (first complete)"));
    System.out.println(limit.row("limit: 1 listConsumerGroupOffsets + 1 listOffsets x 2"));
    System.out.println(tool.row("kafka-consumer-groups --describe --all-groups (primary)"));
    System.out.println(jvm.row("no-op JVM start, same options and classpath"));
    double toolNet = tool.median() - jvm.median();
    System.out.printf("%-58s %9.3f%n", "tool minus no-op JVM start (medians)", toolNet);
    System.out.println();
    double agentOverLimit = agent.median() / limit.median();
    double toolOverAgent = tool.median() / agent.median();
    System.out.printf(
        "agent / limit          = %6.2f   (target <= %.0f)   %s%n",
        agentOverLimit,
        TARGET_AGENT_OVER_LIMIT,
        verdict(agentOverLimit <= TARGET_AGENT_OVER_LIMIT));
    System.out.printf("  busy / limit         = %6.2f%n", agents.busy().median() / limit.median());
    System.out.printf("  cold 2 / limit       = %6.2f%n", agents.cold2().median() / limit.median());
    System.out.printf(
        "tool / agent           = %6.2f   (target >= %.0f)  %s%n",
        toolOverAgent, TARGET_TOOL_OVER_AGENT, verdict(toolOverAgent >= TARGET_TOOL_OVER_AGENT));
    System.out.printf("tool-minus-JVM / agent = %6.2f%n", toolNet / agent.median());
    heap.ifPresentOrElse(
        h ->
            System.out.printf(
                "agent heap, child JVM -Xmx%s: all %d cycles completed (median %.3f s,"
                    + " min %.3f, max %.3f); heap used after full GC %.1f MB; heap pools' peak %.1f MB (includes garbage);"
                    + " max heap %.0f MB; %d GCs, %d ms in GC during the timed cycles   %s%n",
                o.agentHeap(),
                o.runs(),
                h.get("median"),
                h.get("min"),
                h.get("max"),
                h.get("retainedMb"),
                h.get("peakPoolsMb"),
                h.get("maxHeapMb"),
                h.get("gcCount").longValue(),
                h.get("gcMillis").longValue(),
                verdict(h.get("maxHeapMb") <= 256.5)),
        () ->
            System.out.printf(
                "agent heap, child JVM -Xmx%s: the cycle loop did not complete   %s%n",
                o.agentHeap(), verdict(false)));
    System.out.println();
    System.out.println(
        "where the agent's cycle goes (its own collector timings, medians over the timed cycles):");
    collectors.forEach((k, v) -> System.out.println(Stats.of(v).row("  " + k)));
    System.out.println();
    System.out.println("each request the agent makes, timed alone on a warm client (medians):");
    primaryCalls.forEach((k, v) -> System.out.println(v.row("  primary " + k)));
    drCalls.forEach((k, v) -> System.out.println(v.row("  dr " + k)));
  }

  /** CPU seconds per cycle (load-independent where wall time is not). */
  static void printCpu(Map<String, Stats> cpu) {
    System.out.println();
    System.out.println(
        "CPU seconds per measured run (client = the bench JVM, brokers = both broker JVMs):");
    cpu.forEach((k, v) -> System.out.println(v.row("  " + k)));
    Stats limitTotal = cpu.get("limit total");
    for (String agent : List.of("agent idle", "agent busy")) {
      Stats total = cpu.get(agent + " total");
      if (total != null && limitTotal != null && limitTotal.median() > 0) {
        System.out.printf(
            "  %s / limit in CPU seconds (medians) = %.2f%n",
            agent, total.median() / limitTotal.median());
      }
    }
  }

  private static String verdict(boolean met) {
    return met ? "MET" : "MISSED";
  }
}
