package io.mirrorwatch.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The bench's closing tables: medians side by side, ratios against the targets, the profile. */
final class Report {
  static final double TARGET_AGENT_OVER_LIMIT = 2.0;
  static final double TARGET_TOOL_OVER_AGENT = 10.0;

  private Report() {}

  static void print(BenchOptions o, Stats agent, Stats limit, Stats tool, Stats jvm, Optional<Map<String, Double>> heap,
      Map<String, List<Double>> collectors, Map<String, Stats> primaryCalls, Map<String, Stats> drCalls) {
    String header = String.format("%-58s %9s %9s %9s %5s", "measurement", "median s", "min s", "max s", "runs");
    System.out.println();
    System.out.println(header);
    System.out.println("-".repeat(header.length()));
    System.out.println(agent.row("agent cycle, Pipeline.runOnce() (primary + dr)"));
    System.out.println(limit.row("limit: 1 listConsumerGroupOffsets + 1 listOffsets x 2"));
    System.out.println(tool.row("kafka-consumer-groups --describe --all-groups (primary)"));
    System.out.println(jvm.row("no-op JVM start, same options and classpath"));
    double toolNet = tool.median() - jvm.median();
    System.out.printf("%-58s %9.3f%n", "tool minus no-op JVM start (medians)", toolNet);
    System.out.println();
    double agentOverLimit = agent.median() / limit.median();
    double toolOverAgent = tool.median() / agent.median();
    System.out.printf("agent / limit          = %6.2f   (target <= %.0f)   %s%n", agentOverLimit,
        TARGET_AGENT_OVER_LIMIT, verdict(agentOverLimit <= TARGET_AGENT_OVER_LIMIT));
    System.out.printf("tool / agent           = %6.2f   (target >= %.0f)  %s%n", toolOverAgent,
        TARGET_TOOL_OVER_AGENT, verdict(toolOverAgent >= TARGET_TOOL_OVER_AGENT));
    System.out.printf("tool-minus-JVM / agent = %6.2f%n", toolNet / agent.median());
    heap.ifPresentOrElse(h -> System.out.printf("agent heap, child JVM -Xmx%s: all %d cycles completed (median %.3f s,"
            + " min %.3f, max %.3f); heap used after full GC %.1f MB; heap pools' peak %.1f MB (includes garbage);"
            + " max heap %.0f MB; %d GCs, %d ms in GC during the timed cycles   %s%n",
        o.agentHeap(), o.runs(), h.get("median"), h.get("min"), h.get("max"), h.get("retainedMb"),
        h.get("peakPoolsMb"), h.get("maxHeapMb"), h.get("gcCount").longValue(), h.get("gcMillis").longValue(),
        verdict(h.get("maxHeapMb") <= 256.5)),
        () -> System.out.printf("agent heap, child JVM -Xmx%s: the cycle loop did not complete   %s%n", o.agentHeap(),
            verdict(false)));
    System.out.println();
    System.out.println("where the agent's cycle goes (its own collector timings, medians over the timed cycles):");
    collectors.forEach((k, v) -> System.out.println(Stats.of(v).row("  " + k)));
    System.out.println();
    System.out.println("each request the agent makes, timed alone on a warm client (medians):");
    primaryCalls.forEach((k, v) -> System.out.println(v.row("  primary " + k)));
    drCalls.forEach((k, v) -> System.out.println(v.row("  dr " + k)));
  }

  /** CPU seconds per cycle (load-independent where wall time is not) and the collect A/B. */
  static void printCpuAndAb(Map<String, Stats> cpu, Map<String, Stats> ab) {
    System.out.println();
    System.out.println("CPU seconds per measured run (client = the bench JVM, brokers = both broker JVMs):");
    cpu.forEach((k, v) -> System.out.println(v.row("  " + k)));
    Stats agentTotal = cpu.get("agent total");
    Stats limitTotal = cpu.get("limit total");
    if (agentTotal != null && limitTotal != null && limitTotal.median() > 0) {
      System.out.printf("  agent / limit in CPU seconds (medians) = %.2f%n", agentTotal.median() / limitTotal.median());
    }
    System.out.println();
    System.out.println("ClusterCollector.collect request pattern, both clusters at once, alternating (wall s):");
    System.out.println(ab.get("sequential").row("  awaited one after another (as the collector does)"));
    System.out.println(ab.get("concurrent").row("  all sent, then awaited (tried, not adopted)"));
  }

  private static String verdict(boolean met) {
    return met ? "MET" : "MISSED";
  }
}
