package io.mirrorwatch.agent.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What MM2's JMX said about one flow at one scrape.
 *
 * @param connectorStatus connector name (e.g. {@code MirrorSourceConnector}) -> Connect status in
 *     lower case ({@code running}, {@code paused}, {@code failed}, {@code unassigned}, ...)
 * @param taskStates connector name -> task status -> number of tasks in that status
 * @param replicationLatencyMs {@code replication-latency-ms} of every partition of this flow's
 *     MirrorSourceConnector; only finite values (MM2 reports NaN for idle partitions)
 */
public record Mm2JmxSnapshot(
    Map<String, String> connectorStatus,
    Map<String, Map<String, Integer>> taskStates,
    List<Double> replicationLatencyMs) {
  public Mm2JmxSnapshot {
    connectorStatus = Map.copyOf(connectorStatus);
    taskStates = Map.copyOf(taskStates);
    replicationLatencyMs = List.copyOf(replicationLatencyMs);
  }

  /**
   * Rule: several MM2 nodes serve one flow. A connector runs on one node at a time, so a node that
   * reports it running wins over the others; task counts per status add up; the latencies of all
   * partitions are pooled.
   */
  public static Mm2JmxSnapshot pool(List<Mm2JmxSnapshot> nodes) {
    Map<String, String> status = new HashMap<>();
    Map<String, Map<String, Integer>> tasks = new HashMap<>();
    List<Double> latency = new ArrayList<>();
    for (Mm2JmxSnapshot n : nodes) {
      n.connectorStatus()
          .forEach((c, s) -> status.merge(c, s, (a, b) -> "running".equals(a) ? a : b));
      n.taskStates()
          .forEach(
              (c, states) ->
                  states.forEach(
                      (s, count) ->
                          tasks
                              .computeIfAbsent(c, k -> new HashMap<>())
                              .merge(s, count, Integer::sum)));
      latency.addAll(n.replicationLatencyMs());
    }
    return new Mm2JmxSnapshot(status, tasks, latency);
  }
}
