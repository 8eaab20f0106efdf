package io.mirrorwatch.reconciler.source.offsets;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.coordinator.common.runtime.CoordinatorRecord;
import org.apache.kafka.coordinator.common.runtime.CoordinatorRecordSerde;
import org.apache.kafka.coordinator.group.GroupCoordinatorRecordSerde;
import org.apache.kafka.coordinator.group.generated.ConsumerGroupMemberMetadataKey;
import org.apache.kafka.coordinator.group.generated.GroupMetadataKey;
import org.apache.kafka.coordinator.group.generated.GroupMetadataValue;
import org.apache.kafka.coordinator.group.generated.LegacyOffsetCommitKey;
import org.apache.kafka.coordinator.group.generated.LegacyOffsetCommitValue;
import org.apache.kafka.coordinator.group.generated.OffsetCommitKey;
import org.apache.kafka.coordinator.group.generated.OffsetCommitValue;

/**
 * Decodes one {@code __consumer_offsets} record with the broker's own classes ({@link
 * GroupCoordinatorRecordSerde}, as kafka-tools' {@code OffsetsMessageFormatter} does), keeping only
 * the configured groups' offset commits and membership records. Pure, and never throws on record
 * content: a record it cannot read is a {@link Result.Undecodable}.
 *
 * <p>Kept: offset commits (both key versions) and their tombstones; the classic protocol's {@code
 * GroupMetadata} (member count); the consumer protocol's {@code ConsumerGroupMemberMetadata}
 * (member joined / left). Deliberately ignored: every other record type (the consumer protocol's
 * epochs and assignments, share and streams groups: they do not move a committed position), and
 * every record of another group.
 */
public final class GroupRecordDecoder {
  private static final short NO_LEADER_EPOCH = -1;

  private final CoordinatorRecordSerde serde = new GroupCoordinatorRecordSerde();
  private final Set<String> groups;

  public GroupRecordDecoder(Set<String> groups) {
    this.groups = Set.copyOf(groups);
  }

  /** What became of one record. */
  public sealed interface Result {
    record Kept(GroupRecord record) implements Result {}

    /** Another group, or a record type the offset checks do not need. */
    record Ignored() implements Result {}

    record Undecodable(LogPosition at, String detail) implements Result {}
  }

  public Result decode(LogPosition at, byte[] key, byte[] value) {
    if (key == null) {
      return new Result.Undecodable(at, "null key");
    }
    CoordinatorRecord r;
    try {
      r = serde.deserialize(ByteBuffer.wrap(key), value == null ? null : ByteBuffer.wrap(value));
    } catch (CoordinatorRecordSerde.UnknownRecordTypeException e) {
      return new Result.Undecodable(at, "unknown record type: " + e.getMessage());
    } catch (RuntimeException e) {
      return new Result.Undecodable(at, String.valueOf(e.getMessage()));
    }
    ApiMessage v = r.value() == null ? null : r.value().message();
    return interpret(at, r.key(), v).<Result>map(Result.Kept::new).orElseGet(Result.Ignored::new);
  }

  private Optional<GroupRecord> interpret(LogPosition at, ApiMessage key, ApiMessage value) {
    if (key instanceof OffsetCommitKey k && groups.contains(k.group())) {
      return Optional.of(commit(k.group(), at, new TopicPart(k.topic(), k.partition()), value));
    }
    if (key instanceof LegacyOffsetCommitKey k && groups.contains(k.group())) {
      return Optional.of(commit(k.group(), at, new TopicPart(k.topic(), k.partition()), value));
    }
    if (key instanceof GroupMetadataKey k && groups.contains(k.group())) {
      int members = value instanceof GroupMetadataValue g ? g.members().size() : 0;
      return Optional.of(new GroupRecord.ClassicMembers(k.group(), at, members));
    }
    if (key instanceof ConsumerGroupMemberMetadataKey k && groups.contains(k.groupId())) {
      return Optional.of(new GroupRecord.Member(k.groupId(), at, k.memberId(), value != null));
    }
    return Optional.empty();
  }

  private static GroupRecord commit(String group, LogPosition at, TopicPart tp, ApiMessage value) {
    if (value instanceof OffsetCommitValue v) {
      OptionalInt epoch =
          v.leaderEpoch() == NO_LEADER_EPOCH
              ? OptionalInt.empty()
              : OptionalInt.of(v.leaderEpoch());
      return new GroupRecord.Commit(group, at, tp, v.offset(), epoch, v.commitTimestamp());
    }
    if (value instanceof LegacyOffsetCommitValue v) {
      return new GroupRecord.Commit(
          group, at, tp, v.offset(), OptionalInt.empty(), v.commitTimestamp());
    }
    return new GroupRecord.CommitDeleted(group, at, tp);
  }
}
