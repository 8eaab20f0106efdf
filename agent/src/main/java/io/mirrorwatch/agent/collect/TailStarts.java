package io.mirrorwatch.agent.collect;

import io.mirrorwatch.agent.model.PartitionKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A flow's {@code offsetsForTimes} answers of the previous cycle, per source partition, with what
 * they were asked with; immutable. Which are reused is {@link OffsetReuse#asksTailStart}'s rule.
 */
public final class TailStarts {
  /**
   * One remembered answer.
   *
   * @param timestamp the replica's newest timestamp that was asked for
   * @param sourceLatest the source log end when it was asked
   * @param offset the first source offset at or after the timestamp, if there was one
   */
  record Asked(long timestamp, long sourceLatest, OptionalLong offset) {}

  private static final TailStarts EMPTY = new TailStarts(Map.of());
  private final Map<PartitionKey, Asked> remembered;

  private TailStarts(Map<PartitionKey, Asked> remembered) {
    this.remembered = remembered;
  }

  public static TailStarts none() {
    return EMPTY;
  }

  /**
   * The partitions (with their timestamps) that must be asked this cycle.
   *
   * @param timestamps per source partition, the replica's newest timestamp now
   * @param sourceLatest per source partition, its log end now
   */
  public Map<PartitionKey, Long> toAsk(
      Map<PartitionKey, Long> timestamps, Map<PartitionKey, Long> sourceLatest) {
    Map<PartitionKey, Long> ask = new HashMap<>();
    timestamps.forEach(
        (k, ts) -> {
          Long end = sourceLatest.get(k);
          if (end == null
              || OffsetReuse.asksTailStart(Optional.ofNullable(remembered.get(k)), ts, end)) {
            ask.put(k, ts);
          }
        });
    return ask;
  }

  /**
   * The memory after this cycle: the fresh answers for the partitions in {@code asked}, the
   * remembered ones for the rest of {@code timestamps}. Partitions no longer in {@code timestamps}
   * are forgotten.
   */
  public TailStarts next(
      Map<PartitionKey, Long> timestamps,
      Map<PartitionKey, Long> sourceLatest,
      Map<PartitionKey, Long> asked,
      Map<PartitionKey, Long> answers) {
    Map<PartitionKey, Asked> next = new HashMap<>();
    timestamps.forEach(
        (k, ts) -> {
          Long end = sourceLatest.get(k);
          Asked a =
              !asked.containsKey(k)
                  ? remembered.get(k)
                  : end == null
                      ? null // cannot be reused without the log end it was asked at
                      : new Asked(ts, end, OffsetReuse.optional(answers.get(k)));
          if (a != null) {
            next.put(k, a);
          }
        });
    return new TailStarts(next);
  }

  /**
   * The first source offset at or after the replica's newest timestamp, per partition where one is
   * known.
   */
  public Map<PartitionKey, Long> offsets() {
    Map<PartitionKey, Long> result = new HashMap<>();
    remembered.forEach((k, a) -> a.offset().ifPresent(o -> result.put(k, o)));
    return result;
  }
}
