package io.mirrorwatch.reconciler.checks.offsets;

import io.mirrorwatch.reconciler.source.offsets.GroupRecord;
import io.mirrorwatch.reconciler.source.offsets.LogPosition;
import io.mirrorwatch.reconciler.source.offsets.TopicPart;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Builds one group's commit history on one cluster, in log order, for tests. Times are seconds. */
final class History {
  static final String GROUP = "g";
  private final String cluster;
  private final List<GroupRecord> records = new ArrayList<>();
  private long offset;

  History(String cluster) {
    this.cluster = cluster;
  }

  private LogPosition at(long second) {
    return new LogPosition(cluster, 7, offset++, second * 1000);
  }

  History commit(long second, String topic, int partition, long position) {
    records.add(
        new GroupRecord.Commit(
            GROUP,
            at(second),
            new TopicPart(topic, partition),
            position,
            OptionalInt.empty(),
            second * 1000));
    return this;
  }

  History deleted(long second, String topic, int partition) {
    records.add(new GroupRecord.CommitDeleted(GROUP, at(second), new TopicPart(topic, partition)));
    return this;
  }

  History members(long second, int count) {
    records.add(new GroupRecord.ClassicMembers(GROUP, at(second), count));
    return this;
  }

  History member(long second, String id, boolean joined) {
    records.add(new GroupRecord.Member(GROUP, at(second), id, joined));
    return this;
  }

  List<GroupRecord> records() {
    return List.copyOf(records);
  }
}
