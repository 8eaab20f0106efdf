package io.mirrorwatch.reconciler;

import java.time.Instant;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/** What a drill injected, as the lab saw it: the report must list exactly this. Filled in as the drill runs. */
final class DrillTruth {
  Instant from;
  Instant to;
  Instant failoverAt;
  Instant failbackAt;
  /** Records MM2 copied after its last flush before it was killed: a restarted MM2 copies them again. */
  Set<String> copiedTwice = Set.of();
  Set<String> producedTwice = Set.of();
  Set<String> processedTwice = Set.of();
  Set<String> neverProcessed = Set.of();
  /** Events whose only downstream record carries another amount, and their buckets. */
  Set<String> altered = Set.of();
  Set<String> alteredBuckets = Set.of();
  Set<String> stranded = Set.of();
  /** The partition on dr where order-processor started R records back at failover. */
  TopicPartition back;
  /** The partition on primary where order-audit started S records forward at failback. */
  TopicPartition forward;

  @Override
  public String toString() {
    return "duplicate_replicated " + copiedTwice.size() + ", K " + producedTwice.size() + ", L "
        + processedTwice.size() + ", M " + neverProcessed.size() + ", A " + altered.size() + " (buckets "
        + alteredBuckets.size() + "), X " + stranded.size() + ", R back on " + back + ", S forward on "
        + forward + ", failoverAt " + failoverAt + ", failbackAt " + failbackAt;
  }
}
