package io.mirrorwatch.reconciler;

import java.time.Instant;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * What a drill injected, as the lab saw it: the report must list exactly this. Filled in as the
 * drill runs.
 */
final class DrillTruth {
  Instant from;
  Instant to;
  Instant failoverAt;
  Instant failbackAt;

  /**
   * Records MM2 copied after its last flush before it was killed: a restarted MM2 copies them
   * again.
   */
  Set<String> copiedTwice = Set.of();

  Set<String> producedTwice = Set.of();
  Set<String> processedTwice = Set.of();
  Set<String> neverProcessed = Set.of();

  /** Events whose only downstream record carries another amount, and their buckets. */
  Set<String> altered = Set.of();

  Set<String> alteredBuckets = Set.of();
  Set<String> stranded = Set.of();

  /**
   * The partition on dr where order-processor started {@link
   * FailoverFailbackDrill#PROCESSOR_RESET_BACK} records back at failover.
   */
  TopicPartition back;

  /**
   * The partition on primary where order-audit started {@link
   * FailoverFailbackDrill#AUDIT_SKIPPED_FORWARD} records forward at failback.
   */
  TopicPartition forward;

  @Override
  public String toString() {
    return "copied twice "
        + copiedTwice.size()
        + ", produced twice "
        + producedTwice.size()
        + ", processed twice "
        + processedTwice.size()
        + ", never processed "
        + neverProcessed.size()
        + ", altered "
        + altered.size()
        + " (buckets "
        + alteredBuckets.size()
        + "), stranded "
        + stranded.size()
        + ", reset back on "
        + back
        + ", skipped forward on "
        + forward
        + ", failoverAt "
        + failoverAt
        + ", failbackAt "
        + failbackAt;
  }
}
