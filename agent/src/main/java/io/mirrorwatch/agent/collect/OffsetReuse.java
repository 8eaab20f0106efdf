package io.mirrorwatch.agent.collect;

import io.mirrorwatch.agent.model.PartitionKey;
import io.mirrorwatch.agent.model.PartitionOffsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Which log offsets must be asked again in a cycle, and which answers of an earlier cycle still
 * hold. Pure: the collectors ask only for what these rules return, so an idle estate costs one
 * log-end request per cluster (and a slice of log starts), not every offset every cycle.
 *
 * <p>Invariant: the RPO estimate never under-states. Each reused answer is one that can only make
 * the replicated position lower (or leave it), never higher, than a fresh answer would:
 *
 * <ul>
 *   <li>a log start only advances (retention, {@code deleteRecords}), so a remembered one is at or
 *       below today's; the position is the greatest of its lower bounds, so it can only be lower;
 *   <li>a replica's newest timestamp changes only when records are appended (the log end moves).
 *       Retention can delete the record that held it; the remembered timestamp is then of a record
 *       MM2 did copy, and MM2 copies in order, so it still bounds the position from below;
 *   <li>{@code offsetsForTimes(t)} on a log that has only grown at its end since is unchanged, or
 *       higher if retention deleted the answer: the remembered one is at or below today's.
 * </ul>
 *
 * <p>A log end that went backwards means another log (topic deleted and re-created, unclean
 * truncation): nothing remembered for that partition is used.
 */
public final class OffsetReuse {
  /**
   * Every source log start is asked at least once in this many cycles, one slice per cycle (one
   * minute at the default 10 s interval), so the cost stays flat instead of a spike every N cycles.
   * It is a safety net only: the log start enters the RPO only where no MM2 or replica-tail bound
   * is above it, i.e. where records are at risk, and those partitions are refreshed every cycle
   * from the cycle after they are first seen at risk (in that first cycle a stale log start can
   * only over-state, by the records retention deleted since it was read).
   */
  public static final int LOG_START_REFRESH_CYCLES = 6;

  private OffsetReuse() {}

  /**
   * Rule: a source partition's log start is asked when it is unknown, when its log end went
   * backwards, when the partition had records at risk in the previous cycle (there the log start
   * may be the bound that sets the position), or when it is the partition's refresh turn.
   */
  static boolean asksLogStart(
      Optional<PartitionOffsets.Source> previous,
      long latestNow,
      boolean atRisk,
      boolean refreshTurn) {
    return previous.isEmpty() || latestNow < previous.get().latest() || atRisk || refreshTurn;
  }

  /**
   * Rule: a replica's newest timestamp is reused only while its log end is the one it was read at.
   */
  static boolean asksNewestTimestamp(Optional<PartitionOffsets.Replica> previous, long latestNow) {
    return previous.isEmpty() || previous.get().latest() != latestNow;
  }

  /**
   * Rule: an {@code offsetsForTimes} answer is reused for the same timestamp while the source log
   * end is unchanged, or, when a record was found, while the log has only grown: records appended
   * after the answer cannot come before it. (No record found, then records appended: ask again.)
   */
  static boolean asksTailStart(
      Optional<TailStarts.Asked> previous, long timestampNow, long sourceLatestNow) {
    if (previous.isEmpty() || previous.get().timestamp() != timestampNow) {
      return true;
    }
    long before = previous.get().sourceLatest();
    return !(sourceLatestNow == before
        || previous.get().offset().isPresent() && sourceLatestNow > before);
  }

  /** The partition's turn to refresh its log start: one slice of the partitions per cycle. */
  static boolean refreshTurn(PartitionKey k, long cycle) {
    // Spelled out (not PartitionKey.hashCode()) so the slices do not depend on the record's hash.
    int hash = 31 * k.topic().hashCode() + k.partition();
    return Math.floorMod(hash, LOG_START_REFRESH_CYCLES)
        == Math.floorMod(cycle, LOG_START_REFRESH_CYCLES);
  }

  /**
   * The source partitions whose log start is asked this cycle; {@code latest} holds their log ends
   * now.
   */
  static Set<PartitionKey> logStartsToAsk(
      Set<PartitionKey> sources,
      Map<PartitionKey, Long> latest,
      Map<PartitionKey, PartitionOffsets.Source> previous,
      Set<PartitionKey> atRisk,
      long cycle) {
    Set<PartitionKey> ask = new HashSet<>();
    for (PartitionKey k : sources) {
      Long end = latest.get(k);
      if (end != null
          && asksLogStart(
              Optional.ofNullable(previous.get(k)),
              end,
              atRisk.contains(k),
              refreshTurn(k, cycle))) {
        ask.add(k);
      }
    }
    return ask;
  }

  /** The replica partitions whose newest timestamp is asked this cycle. */
  static Set<PartitionKey> newestTimestampsToAsk(
      Set<PartitionKey> replicas,
      Map<PartitionKey, Long> latest,
      Map<PartitionKey, PartitionOffsets.Replica> previous) {
    Set<PartitionKey> ask = new HashSet<>();
    for (PartitionKey k : replicas) {
      Long end = latest.get(k);
      if (end != null && asksNewestTimestamp(Optional.ofNullable(previous.get(k)), end)) {
        ask.add(k);
      }
    }
    return ask;
  }

  static OptionalLong optional(Long v) {
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }
}
