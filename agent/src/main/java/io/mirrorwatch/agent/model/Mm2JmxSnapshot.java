package io.mirrorwatch.agent.model;

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
}
