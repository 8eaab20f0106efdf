package io.mirrorwatch.bench;

import io.mirrorwatch.common.replication.PolicyKind;
import io.mirrorwatch.lab.Lab;
import io.mirrorwatch.lab.LabSpec;
import io.mirrorwatch.lab.cluster.KafkaCluster;
import io.mirrorwatch.lab.process.ChildClasspath;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/**
 * The agent's collect cycle on a large estate, side by side in one run with the tool a user would
 * run instead ({@code kafka-consumer-groups --describe --all-groups}) and with the raw limit (one
 * batched committed-offsets request and one log-end request per cluster). Each measurement is
 * repeated {@code --runs} times after one untimed warm-up, in rounds (agent, limit, tool, no-op
 * JVM) so that drift on a shared machine hits all of them alike. See bench/README.md.
 */
public final class AgentCycleBench {
  static final String TOOL = "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand";
  private static final long SETTLE_MILLIS = 5_000;
  private static final Pattern RESULT = Pattern.compile("(\\w+)=([0-9.]+)");

  private AgentCycleBench() {}

  public static void main(String[] args) throws IOException {
    BenchOptions o;
    try {
      o = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    if (System.getProperty(KafkaCluster.BROKER_HEAP_PROPERTY) == null) {
      System.setProperty(KafkaCluster.BROKER_HEAP_PROPERTY, o.brokerHeap());
    }
    // Brokers run from the lab's jar (its manifest names the broker jars), as in the agent's ITs,
    // rather than from this classpath with the agent's shaded jar on it.
    if (System.getProperty(ChildClasspath.PROPERTY) == null) {
      Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
          .filter(e -> e.endsWith("mirrorwatch-lab.jar"))
          .findFirst()
          .ifPresent(jar -> System.setProperty(ChildClasspath.PROPERTY, jar));
    }
    System.out.printf(
        "machine: %d cores (availableProcessors), %s %s (%s), %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        System.getProperty("java.vendor"),
        System.getProperty("os.name"));
    System.out.printf(
        "estate: %d partitions (%d topics x %d), %d records each, %d groups; runs %d; broker heap %s%n",
        o.partitions(),
        o.topics(),
        o.partitionsPerTopic(),
        o.recordsPerPartition(),
        o.groups(),
        o.runs(),
        System.getProperty(KafkaCluster.BROKER_HEAP_PROPERTY));
    System.out.println("load average at start: " + loadAverage());
    Lab lab = null;
    try {
      lab = Lab.start(new LabSpec(PolicyKind.DEFAULT, 3, false));
      run(o, lab);
    } catch (RuntimeException e) {
      if (lab != null) {
        System.err.println(lab.logTails(30));
      }
      throw e;
    } finally {
      if (lab != null) {
        lab.close(); // kills both broker JVMs by PID and removes the lab directory
      }
    }
  }

  private static void run(BenchOptions o, Lab lab) throws IOException {
    String primary = lab.primary().bootstrapServers();
    String dr = lab.dr().bootstrapServers();
    Estate estate = new Estate(o);
    long t0 = System.nanoTime();
    estate.build(primary, false);
    estate.build(dr, true);
    System.out.printf(
        "estate built in %.1f s (primary %s, dr %s)%n",
        Stats.seconds(System.nanoTime() - t0), primary, dr);

    Path work = Files.createTempDirectory("mirrorwatch-bench-");
    if (o.heapOnly()) {
      heapProbe(o, primary, dr, work).ifPresent(h -> System.out.println("agent heap: " + h));
      Lab.deleteTree(work);
      return;
    }
    Rounds r = rounds(o, lab, estate, work);
    Optional<Map<String, Double>> heap = heapProbe(o, primary, dr, work);

    Map<TopicPartition, Long> replicaTs =
        CallBreakdown.newestTimestamps(dr, estate.partitions(true));
    Map<TopicPartition, Long> sourceTs = new HashMap<>();
    replicaTs.forEach(
        (tp, ts) ->
            sourceTs.put(
                new TopicPartition(
                    tp.topic().substring(Estate.SOURCE.length() + 1), tp.partition()),
                ts));
    int reps = Math.min(o.runs(), 5);
    Map<String, Stats> primaryCalls =
        CallBreakdown.measure(primary, estate.partitions(false), estate.groups(), sourceTs, reps);
    Map<String, Stats> drCalls =
        CallBreakdown.measure(dr, estate.partitions(true), estate.groups(), Map.of(), reps);
    Map<String, Stats> cpuStats = new LinkedHashMap<>();
    r.cpu().forEach((k, v) -> cpuStats.put(k, Stats.of(v)));
    Report.print(
        o,
        new Report.Agent(
            Stats.of(r.agent()), Stats.of(r.busy()), Stats.of(r.cold1()), Stats.of(r.cold2())),
        Stats.of(r.limit()),
        Stats.of(r.tool()),
        Stats.of(r.jvm()),
        heap,
        r.collectors(),
        primaryCalls,
        drCalls);
    Report.printCpu(cpuStats);
    printPairedRatios(r);
    System.out.println("load average at end: " + loadAverage());
    Lab.deleteTree(work);
  }

  /**
   * Seconds of each timed run: the agent idle (nothing moved since its previous cycle), busy (every
   * partition moved), cold (a new Pipeline's first and second cycle); the limit, the tool and a
   * no-op JVM. CPU seconds per run; the agent's own collector timings.
   */
  private record Rounds(
      List<Double> agent,
      List<Double> busy,
      List<Double> cold1,
      List<Double> cold2,
      List<Double> limit,
      List<Double> tool,
      List<Double> jvm,
      Map<String, List<Double>> cpu,
      Map<String, List<Double>> collectors) {}

  /**
   * Interleaved round by round: the agent idle, the limit, the agent cold, the estate moved
   * (untimed), the agent busy, the tool and a no-op JVM.
   */
  private static Rounds rounds(BenchOptions o, Lab lab, Estate estate, Path work) {
    String primary = lab.primary().bootstrapServers();
    List<String> toolArgs = List.of("--bootstrap-server", primary, "--describe", "--all-groups");
    Rounds r =
        new Rounds(
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new LinkedHashMap<>(),
            new LinkedHashMap<>());
    String dr = lab.dr().bootstrapServers();
    CpuMeter cpu = new CpuMeter(List.of(lab.primary().process().pid(), lab.dr().process().pid()));
    try (AgentCycle agent = new AgentCycle(primary, lab.dr().bootstrapServers());
        MinimalCycle limit = new MinimalCycle(primary, lab.dr().bootstrapServers(), estate)) {
      System.out.println("agent warm-up: " + agent.warmUp());
      limit.timedCycle();
      // The tool has no warm-up run: every run is a fresh JVM, as for a user; the brokers are warm
      // from the agent's and the limit's warm-up.
      ChildRun.run(
          ChildRun.KAFKA_TOOL_JVM, Noop.class.getName(), List.of(), work.resolve("noop.txt"));
      for (int i = 0; i < o.runs(); i++) {
        CpuMeter.Reading c0 = cpu.read();
        r.agent().add(agent.timedCycle("idle"));
        CpuMeter.Reading c1 = cpu.read();
        r.limit().add(limit.timedCycle());
        CpuMeter.Reading c2 = cpu.read();
        addCpu(r.cpu(), "agent idle", c1.minus(c0));
        addCpu(r.cpu(), "limit", c2.minus(c1));
        double[] cold = AgentCycle.coldCycles(primary, dr);
        r.cold1().add(cold[0]);
        r.cold2().add(cold[1]);
        estate.appendRound(primary, dr, i); // untimed: every partition moves before the busy cycle
        CpuMeter.Reading b0 = cpu.read();
        r.busy().add(agent.timedCycle("busy"));
        addCpu(r.cpu(), "agent busy", cpu.read().minus(b0));
        c2 = cpu.read();
        String tool = "-";
        if (i < o.toolRuns()) {
          ChildRun.Result run =
              ChildRun.run(ChildRun.KAFKA_TOOL_JVM, TOOL, toolArgs, work.resolve("tool.txt"));
          r.cpu()
              .computeIfAbsent("tool brokers", k -> new ArrayList<>())
              .add(cpu.read().minus(c2).brokers());
          checkToolOutput(run, estate);
          r.tool().add(run.seconds());
          tool = String.format("%.3f s", run.seconds());
          settle(); // the brokers have just served 2,000 group fetches: not the agent's bill
        }
        r.jvm()
            .add(
                ChildRun.run(
                        ChildRun.KAFKA_TOOL_JVM,
                        Noop.class.getName(),
                        List.of(),
                        work.resolve("noop.txt"))
                    .seconds());
        System.out.printf(
            "round %d: agent idle %.3f s, busy %.3f s, cold %.3f + %.3f s, limit %.3f s, tool %s,"
                + " no-op JVM %.3f s%n",
            i + 1,
            r.agent().get(i),
            r.busy().get(i),
            r.cold1().get(i),
            r.cold2().get(i),
            r.limit().get(i),
            tool,
            r.jvm().get(i));
      }
      System.out.println("agent's last cycle: " + agent.lastCycle());
      r.collectors().putAll(agent.collectorSeconds());
    }
    return r;
  }

  /**
   * Each round's agent and limit run back to back, so their ratio within a round is less exposed to
   * the load drifting over the run (other work on the shared machine) than the ratio of medians.
   */
  private static void printPairedRatios(Rounds r) {
    List<Double> idle = new ArrayList<>();
    List<Double> busy = new ArrayList<>();
    List<Double> cold2 = new ArrayList<>();
    for (int i = 0; i < r.agent().size(); i++) {
      idle.add(r.agent().get(i) / r.limit().get(i));
      busy.add(r.busy().get(i) / r.limit().get(i));
      cold2.add(r.cold2().get(i) / r.limit().get(i));
    }
    System.out.println();
    System.out.println(
        "ratios within each round (agent / limit of the same round), median, min, max:");
    System.out.println(Stats.of(idle).row("  idle / limit"));
    System.out.println(Stats.of(busy).row("  busy / limit"));
    System.out.println(Stats.of(cold2).row("  cold cycle 2 / limit"));
  }

  /** The machine is shared: the load it carried is part of every figure. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "(unknown)";
    }
  }

  private static void addCpu(Map<String, List<Double>> runs, String what, CpuMeter.Reading r) {
    runs.computeIfAbsent(what + " client", k -> new ArrayList<>()).add(r.client());
    runs.computeIfAbsent(what + " brokers", k -> new ArrayList<>()).add(r.brokers());
    runs.computeIfAbsent(what + " total", k -> new ArrayList<>()).add(r.client() + r.brokers());
  }

  private static void settle() {
    try {
      Thread.sleep(SETTLE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The tool must have printed one row per committed partition, or its time means nothing. */
  private static void checkToolOutput(ChildRun.Result tool, Estate estate) {
    long rows = tool.output().lines().filter(l -> l.startsWith("bench-group-")).count();
    if (rows != estate.committedRows()) {
      throw new IllegalStateException(
          "the tool printed "
              + rows
              + " group rows, expected "
              + estate.committedRows()
              + " (see "
              + tool.out()
              + ")");
    }
  }

  /**
   * The agent's cycle loop alone in a child JVM with the target heap; empty if it did not complete.
   */
  private static Optional<Map<String, Double>> heapProbe(
      BenchOptions o, String primary, String dr, Path work) {
    System.out.println(
        "agent heap: child JVM -Xmx" + o.agentHeap() + " running the same cycle loop ...");
    ChildRun.Result heapRun =
        ChildRun.runAllowingFailure(
            List.of("-Xmx" + o.agentHeap()),
            AgentHeapProbe.class.getName(),
            List.of(primary, dr, Integer.toString(o.runs())),
            work.resolve("heap.txt"));
    Optional<Map<String, Double>> heap = parseResult(heapRun.output());
    if (heap.isEmpty()) {
      System.out.println(
          "agent heap: the cycle loop FAILED under -Xmx"
              + o.agentHeap()
              + " (exit "
              + heapRun.exitCode()
              + "):\n"
              + heapRun
                  .tails()
                  .lines()
                  .filter(l -> !l.startsWith("\tat "))
                  .limit(12)
                  .collect(Collectors.joining("\n")));
    }
    System.out.println(
        "agent heap: largest classes live after a full GC (jcmd GC.class_histogram):");
    heapRun
        .output()
        .lines()
        .filter(l -> l.startsWith("HISTO "))
        .forEach(l -> System.out.println("  " + l.substring(6)));
    return heap;
  }

  /**
   * The heap probe's RESULT line; empty if it did not finish (OutOfMemoryError, failed collector).
   */
  private static Optional<Map<String, Double>> parseResult(String output) {
    return output
        .lines()
        .filter(l -> l.startsWith("RESULT "))
        .findFirst()
        .map(
            line -> {
              Map<String, Double> m = new HashMap<>();
              Matcher matcher = RESULT.matcher(line);
              while (matcher.find()) {
                m.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
              }
              return m;
            });
  }
}
