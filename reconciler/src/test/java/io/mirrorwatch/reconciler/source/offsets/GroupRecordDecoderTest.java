package io.mirrorwatch.reconciler.source.offsets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.apache.kafka.coordinator.common.runtime.CoordinatorRecord;
import org.apache.kafka.coordinator.group.GroupCoordinatorRecordSerde;
import org.apache.kafka.coordinator.group.generated.ConsumerGroupMemberMetadataKey;
import org.apache.kafka.coordinator.group.generated.ConsumerGroupMemberMetadataValue;
import org.apache.kafka.coordinator.group.generated.ConsumerGroupMetadataKey;
import org.apache.kafka.coordinator.group.generated.ConsumerGroupMetadataValue;
import org.apache.kafka.coordinator.group.generated.GroupMetadataKey;
import org.apache.kafka.coordinator.group.generated.GroupMetadataValue;
import org.apache.kafka.coordinator.group.generated.OffsetCommitKey;
import org.apache.kafka.coordinator.group.generated.OffsetCommitValue;
import org.apache.kafka.server.common.ApiMessageAndVersion;
import org.junit.jupiter.api.Test;

/**
 * Records serialized by the broker's own serde, decoded back. The real thing, written by a real
 * broker, is read in {@code CommitLogIT}.
 */
class GroupRecordDecoderTest {
  static final GroupCoordinatorRecordSerde SERDE = new GroupCoordinatorRecordSerde();
  static final LogPosition AT = new LogPosition("dr", 3, 17, 1_000);
  final GroupRecordDecoder decoder = new GroupRecordDecoder(java.util.Set.of("g"));

  GroupRecordDecoder.Result decode(CoordinatorRecord r) {
    return decoder.decode(AT, SERDE.serializeKey(r), SERDE.serializeValue(r));
  }

  static CoordinatorRecord commit(String group, long offset) {
    return CoordinatorRecord.record(
        new OffsetCommitKey().setGroup(group).setTopic("orders").setPartition(2),
        new ApiMessageAndVersion(
            new OffsetCommitValue()
                .setOffset(offset)
                .setLeaderEpoch(5)
                .setCommitTimestamp(999)
                .setMetadata(""),
            (short) 3));
  }

  @Test
  void anOffsetCommitOfAConfiguredGroupIsKept() {
    assertThat(decode(commit("g", 42)))
        .isEqualTo(
            new GroupRecordDecoder.Result.Kept(
                new GroupRecord.Commit(
                    "g", AT, new TopicPart("orders", 2), 42, OptionalInt.of(5), 999)));
  }

  @Test
  void aCommitTombstoneIsADeletedPosition() {
    CoordinatorRecord tombstone =
        CoordinatorRecord.tombstone(
            new OffsetCommitKey().setGroup("g").setTopic("orders").setPartition(2));
    assertThat(decode(tombstone))
        .isEqualTo(
            new GroupRecordDecoder.Result.Kept(
                new GroupRecord.CommitDeleted("g", AT, new TopicPart("orders", 2))));
  }

  @Test
  void classicGroupMetadataCountsItsMembers() {
    GroupMetadataValue value =
        new GroupMetadataValue()
            .setProtocolType("consumer")
            .setGeneration(3)
            .setMembers(
                List.of(
                    new GroupMetadataValue.MemberMetadata()
                        .setMemberId("m1")
                        .setClientId("c")
                        .setClientHost("h")
                        .setSubscription(new byte[0])
                        .setAssignment(new byte[0])));
    CoordinatorRecord r =
        CoordinatorRecord.record(
            new GroupMetadataKey().setGroup("g"), new ApiMessageAndVersion(value, (short) 3));
    assertThat(decode(r))
        .isEqualTo(new GroupRecordDecoder.Result.Kept(new GroupRecord.ClassicMembers("g", AT, 1)));
  }

  @Test
  void consumerProtocolMemberRecordsAreJoinsAndTheirTombstonesLeaves() {
    ConsumerGroupMemberMetadataKey key =
        new ConsumerGroupMemberMetadataKey().setGroupId("g").setMemberId("m1");
    CoordinatorRecord joined =
        CoordinatorRecord.record(
            key,
            new ApiMessageAndVersion(
                new ConsumerGroupMemberMetadataValue().setClientId("c"), (short) 0));
    assertThat(decode(joined))
        .isEqualTo(new GroupRecordDecoder.Result.Kept(new GroupRecord.Member("g", AT, "m1", true)));
    assertThat(decode(CoordinatorRecord.tombstone(key)))
        .isEqualTo(
            new GroupRecordDecoder.Result.Kept(new GroupRecord.Member("g", AT, "m1", false)));
  }

  @Test
  void otherGroupsAndRecordTypesAreIgnored() {
    assertThat(decode(commit("other", 1))).isInstanceOf(GroupRecordDecoder.Result.Ignored.class);
    CoordinatorRecord epoch =
        CoordinatorRecord.record(
            new ConsumerGroupMetadataKey().setGroupId("g"),
            new ApiMessageAndVersion(new ConsumerGroupMetadataValue().setEpoch(4), (short) 0));
    assertThat(decode(epoch)).isInstanceOf(GroupRecordDecoder.Result.Ignored.class);
  }

  @Test
  void bytesThatAreNoCoordinatorRecordAreUndecodableNotAnError() {
    assertThat(decoder.decode(AT, new byte[] {0, 1, 2}, new byte[] {9}))
        .isInstanceOf(GroupRecordDecoder.Result.Undecodable.class);
    assertThat(decoder.decode(AT, new byte[] {0, 99, 0, 0}, null))
        .isInstanceOf(GroupRecordDecoder.Result.Undecodable.class);
    assertThat(decoder.decode(AT, null, new byte[] {1}))
        .isInstanceOf(GroupRecordDecoder.Result.Undecodable.class);
  }
}
