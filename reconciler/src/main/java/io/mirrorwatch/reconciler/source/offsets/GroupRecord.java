package io.mirrorwatch.reconciler.source.offsets;

import java.util.OptionalInt;

/**
 * One record of a consumer group's history in {@code __consumer_offsets}, as far as the offset
 * checks need it. All records of one group live in one partition of that topic, appended by the
 * group's coordinator, so a group's records in log order are the order in which things happened to
 * it.
 */
public sealed interface GroupRecord {
  String group();

  /** Where the record is in {@code __consumer_offsets}. */
  LogPosition at();

  /**
   * An offset commit (by a consumer, by {@code Admin.alterConsumerGroupOffsets}, by MM2's group
   * offset sync: the log does not say who).
   *
   * @param offset the committed position: the next record the group will read
   */
  record Commit(
      String group,
      LogPosition at,
      TopicPart partition,
      long offset,
      OptionalInt leaderEpoch,
      long commitTimestamp)
      implements GroupRecord {}

  /**
   * A tombstone of a commit: the offset was deleted or expired; the group has no position there.
   */
  record CommitDeleted(String group, LogPosition at, TopicPart partition) implements GroupRecord {}

  /**
   * The classic protocol's group state ({@code GroupMetadataValue}), written when a rebalance
   * completes or the group empties: {@code members} is the member count then. A tombstone (group
   * deleted) is 0 members.
   */
  record ClassicMembers(String group, LogPosition at, int members) implements GroupRecord {}

  /**
   * The consumer protocol (KIP-848): a member's metadata record ({@code joined}) or its tombstone
   * (it left).
   */
  record Member(String group, LogPosition at, String memberId, boolean joined)
      implements GroupRecord {}
}
