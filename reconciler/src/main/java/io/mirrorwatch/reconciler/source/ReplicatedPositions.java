package io.mirrorwatch.reconciler.source;

import io.mirrorwatch.common.mm2.Mm2OffsetRecord;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * How far MirrorMaker 2 had replicated each partition of the primary's topics at the failover
 * cutover, from its Connect offsets topic. Pure.
 *
 * <p>Rule: per source partition, the position is the greatest flushed {@code lastCopied + 1} among
 * the offsets records with timestamp at or before the cutover; a tombstone at or before the cutover
 * resets the partition. Every offset below the position had reached DR at the cutover. This is
 * exact after a graceful MM2 stop or a quiet flush (MM2 commits what it has copied); otherwise MM2
 * may have copied records after its last flush and before the cutover, so records at or above the
 * position are an upper bound on what was lost.
 *
 * <p>A partition with no flush at or before the cutover has no position ({@link #upTo} is empty):
 * either MM2 had copied nothing of it, or compaction of the offsets topic removed the older
 * flushes. The two cannot be told apart, so the stranded rule then relies on the absence of a DR
 * copy alone (a lower bound), and the report lists the partitions it knows.
 *
 * @param offsetsTopic the topic read on the DR cluster
 * @param read whether that topic existed and was read; if not, no partition has a position
 * @param positions {@code topic/partition} -> position
 * @param skipped offsets-topic records that were not the source connector's (other connectors,
 *     malformed); counted, never fatal
 */
public record ReplicatedPositions(
    String offsetsTopic, boolean read, Map<String, Position> positions, long skipped)
    implements Serializable {

  /**
   * @param upTo the first offset of the partition that had not reached DR at the cutover
   * @param flushedAtMs when MM2 flushed that position (the offsets record's timestamp)
   */
  public record Position(String topic, int partition, long upTo, long flushedAtMs)
      implements Serializable {}

  public ReplicatedPositions {
    positions = Map.copyOf(positions);
  }

  /** Nothing read: the topic does not exist on the DR cluster. */
  public static ReplicatedPositions unknown(String offsetsTopic) {
    return new ReplicatedPositions(offsetsTopic, false, Map.of(), 0);
  }

  /**
   * The positions at {@code cutoverMs} of {@code sourceCluster}'s partitions, from the offsets
   * records in topic order ({@code decoded} empty for a record that is not the source connector's).
   */
  public static ReplicatedPositions atCutover(
      String offsetsTopic,
      String sourceCluster,
      List<Optional<Mm2OffsetRecord>> decoded,
      long cutoverMs) {
    Map<String, Position> positions = new TreeMap<>();
    long skipped = 0;
    for (Optional<Mm2OffsetRecord> d : decoded) {
      if (d.isEmpty()) {
        skipped++;
        continue;
      }
      Mm2OffsetRecord r = d.get();
      if (!r.sourceCluster().equals(sourceCluster) || r.flushedAtMs() > cutoverMs) {
        continue;
      }
      String key = key(r.topic(), r.partition());
      if (r.lastCopied().isEmpty()) {
        positions.remove(key);
        continue;
      }
      long upTo = r.lastCopied().getAsLong() + 1;
      Position old = positions.get(key);
      if (old == null || upTo >= old.upTo()) {
        positions.put(key, new Position(r.topic(), r.partition(), upTo, r.flushedAtMs()));
      }
    }
    return new ReplicatedPositions(offsetsTopic, true, positions, skipped);
  }

  /**
   * The first offset of {@code topic/partition} that had not reached DR at the cutover, if known.
   */
  public OptionalLong upTo(String topic, int partition) {
    Position p = positions.get(key(topic, partition));
    return p == null ? OptionalLong.empty() : OptionalLong.of(p.upTo());
  }

  private static String key(String topic, int partition) {
    return topic + "/" + partition;
  }
}
