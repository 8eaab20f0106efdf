package io.mirrorwatch.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Child JVM main for the heap figure: runs the same agent cycle loop as the bench, alone in a JVM
 * started with the target {@code -Xmx} (256m). Passing means every cycle completed there (no
 * OutOfMemoryError, no collector failure). It prints one {@code RESULT} line: cycle times, heap in
 * use after a full GC with the Pipeline still live (what the agent retains between cycles), the sum
 * of the heap pools' peak usage (an upper bound: it includes garbage not yet collected), and the GC
 * count and time spent during the timed cycles.
 *
 * <p>Usage: {@code AgentHeapProbe <primary bootstrap> <dr bootstrap> <runs>}
 */
public final class AgentHeapProbe {
  private static final int HISTOGRAM_LINES = 17;

  private AgentHeapProbe() {}

  public static void main(String[] args) {
    int runs = Integer.parseInt(args[2]);
    List<Double> cycles = new ArrayList<>();
    long gcCount;
    long gcMillis;
    long retained;
    try (AgentCycle agent = new AgentCycle(args[0], args[1])) {
      agent.warmUp();
      long count0 = gcCount();
      long time0 = gcMillis();
      for (int i = 0; i < runs; i++) {
        cycles.add(agent.timedCycle("idle"));
      }
      gcCount = gcCount() - count0;
      gcMillis = gcMillis() - time0;
      System.gc();
      retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      histogram().lines().limit(HISTOGRAM_LINES).forEach(l -> System.out.println("HISTO " + l));
    }
    long peak =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .mapToLong(p -> p.getPeakUsage().getUsed())
            .sum();
    long max = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    Stats s = Stats.of(cycles);
    System.out.printf(
        "RESULT median=%.4f min=%.4f max=%.4f retainedMb=%.1f peakPoolsMb=%.1f maxHeapMb=%.1f"
            + " gcCount=%d gcMillis=%d%n",
        s.median(), s.min(), s.max(), mb(retained), mb(peak), mb(max), gcCount, gcMillis);
  }

  /** What the live heap is made of: jcmd's GC.class_histogram, asked of this JVM itself. */
  private static String histogram() {
    try {
      return (String)
          ManagementFactory.getPlatformMBeanServer()
              .invoke(
                  new ObjectName("com.sun.management:type=DiagnosticCommand"),
                  "gcClassHistogram",
                  new Object[] {null},
                  new String[] {String[].class.getName()});
    } catch (JMException e) {
      return "(no class histogram: " + e + ")";
    }
  }

  private static double mb(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  private static long gcCount() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount)
        .sum();
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime)
        .sum();
  }
}
