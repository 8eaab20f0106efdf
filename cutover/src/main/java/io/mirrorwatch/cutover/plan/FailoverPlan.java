package io.mirrorwatch.cutover.plan;

import io.mirrorwatch.agent.evaluate.Level;
import io.mirrorwatch.agent.evaluate.TopicRpo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The answer of {@code failover plan}: go or blocked (each blocker with what to do), and everything
 * a person needs to fail over by hand or to check what {@code failover run} will do. A value; the
 * renderers print it, nothing in it does IO.
 */
public record FailoverPlan(
    Instant generatedAt,
    FlowRef flow,
    List<Blocker> blockers,
    List<String> warnings,
    List<Precondition> preconditions,
    List<TopicRpo> rpo,
    List<GroupPlan> groups,
    List<ProducerRoute> producers,
    List<ConsumerRoute> consumers,
    PolicyStatement policy,
    int cycles,
    Map<String, String> staleCollectors) {

  public static final int EXIT_GO = 0;
  public static final int EXIT_BLOCKED = 1;

  public boolean go() {
    return blockers.isEmpty();
  }

  public int exitCode() {
    return go() ? EXIT_GO : EXIT_BLOCKED;
  }

  /** Something that must be fixed (or consciously overridden) before failing over. */
  public record Blocker(String what, String action) {}

  /** One runbook section-1 precondition as the agent judged it. */
  public record Precondition(String check, Level level, List<String> reasons) {}

  /**
   * One group: the agent's verdict and per-partition positions.
   *
   * @param reprocessEstimate the agent's estimate of records re-read after failing over now
   */
  public record GroupPlan(
      String group,
      Level level,
      List<String> reasons,
      boolean activeOnTarget,
      long reprocessEstimate,
      List<PartitionPlan> partitions) {}

  /**
   * @param exact where the group should start, by event ID; empty when unknown
   * @param exactBasis {@code event-id}, or why the exact position is unknown
   * @param reread records re-read (negative: skipped) when starting at {@code translated} rather
   *     than {@code exact}; empty unless both are known
   */
  public record PartitionPlan(
      String topic,
      int partition,
      String replica,
      OptionalLong committedOnSource,
      OptionalLong translated,
      OptionalLong exact,
      String exactBasis,
      OptionalLong reread) {}

  /** Where producers of a source topic write after failover, and where they must not. */
  public record ProducerRoute(String topic, String cluster, String writeTo, List<String> never) {}

  /** Where a group reads after failover. */
  public record ConsumerRoute(String group, List<Read> reads) {}

  /**
   * @param startAt {@code translated}, {@code committed} or {@code log-start}
   * @param note what it means for the person failing over
   */
  public record Read(String cluster, String topic, String startAt, String note) {}

  /** Whether the forward and reverse flows use one policy (runbook 4.2), in words. */
  public record PolicyStatement(boolean consistent, String statement) {}
}
