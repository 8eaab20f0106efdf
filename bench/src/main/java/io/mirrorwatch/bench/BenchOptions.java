package io.mirrorwatch.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Command-line options of {@link AgentCycleBench}.
 *
 * @param partitions source partitions in all; they are spread over topics of {@code
 *     partitionsPerTopic}
 * @param groups consumer groups with committed offsets on both clusters
 * @param runs timed repetitions of each measurement (after one untimed warm-up)
 * @param toolRuns timed runs of the tool (one JVM each; the slowest measurement), at most {@code
 *     runs}
 * @param recordsPerPartition records produced into each source partition and its replica
 * @param brokerHeap {@code -Xmx} of each lab broker
 * @param agentHeap {@code -Xmx} of the child JVM that runs the agent's cycle for the heap figure
 * @param heapOnly build the estate and run only the heap probe (to study the agent's memory)
 */
record BenchOptions(
    int partitions,
    int partitionsPerTopic,
    int groups,
    int runs,
    int toolRuns,
    int recordsPerPartition,
    String brokerHeap,
    String agentHeap,
    boolean heapOnly) {

  static final String USAGE =
      "AgentCycleBench [--partitions 10000] [--partitions-per-topic 100] [--groups 2000] [--runs 7]"
          + " [--tool-runs RUNS] [--records 5] [--broker-heap 1g] [--agent-heap 256m]";

  BenchOptions {
    if (partitions < 1 || partitionsPerTopic < 1 || partitions % partitionsPerTopic != 0) {
      throw new IllegalArgumentException(
          "--partitions must be a positive multiple of --partitions-per-topic");
    }
    if (groups < 1 || runs < 1 || recordsPerPartition < 1 || toolRuns < 1 || toolRuns > runs) {
      throw new IllegalArgumentException(
          "--groups, --runs, --tool-runs and --records must be >= 1, --tool-runs <= --runs");
    }
  }

  int topics() {
    return partitions / partitionsPerTopic;
  }

  static BenchOptions parse(String[] args) {
    int partitions = 10_000;
    int perTopic = 100;
    int groups = 2_000;
    int runs = 7;
    int toolRuns = -1;
    int records = 5;
    String brokerHeap = "1g";
    String agentHeap = "256m";
    boolean heapOnly = false;
    List<String> rest = new ArrayList<>(List.of(args));
    while (!rest.isEmpty()) {
      String flag = rest.remove(0);
      if (flag.equals("--help") || flag.equals("-h")) {
        throw new IllegalArgumentException(USAGE);
      }
      if (flag.equals("--heap-only")) {
        heapOnly = true;
        continue;
      }
      if (rest.isEmpty()) {
        throw new IllegalArgumentException(flag + " needs a value\n" + USAGE);
      }
      String value = rest.remove(0);
      switch (flag) {
        case "--partitions" -> partitions = Integer.parseInt(value);
        case "--partitions-per-topic" -> perTopic = Integer.parseInt(value);
        case "--groups" -> groups = Integer.parseInt(value);
        case "--runs" -> runs = Integer.parseInt(value);
        case "--tool-runs" -> toolRuns = Integer.parseInt(value);
        case "--records" -> records = Integer.parseInt(value);
        case "--broker-heap" -> brokerHeap = value;
        case "--agent-heap" -> agentHeap = value;
        default -> throw new IllegalArgumentException("unknown option " + flag + "\n" + USAGE);
      }
    }
    return new BenchOptions(
        partitions,
        perTopic,
        groups,
        runs,
        toolRuns < 0 ? runs : toolRuns,
        records,
        brokerHeap,
        agentHeap,
        heapOnly);
  }
}
