package io.mirrorwatch.reconciler.finding;

import io.mirrorwatch.reconciler.source.Event;
import io.mirrorwatch.reconciler.source.Origin;
import io.mirrorwatch.reconciler.source.Role;
import java.util.Comparator;

/** Where one record involved in a finding is: enough to fetch it again with any Kafka tool. */
public record RecordRef(
    Role role,
    String cluster,
    String topic,
    int partition,
    long offset,
    long timestamp,
    Origin origin) {

  /** Source records first, then by cluster, topic, partition, offset: stable report order. */
  public static final Comparator<RecordRef> ORDER =
      Comparator.comparing(RecordRef::role)
          .thenComparing(RecordRef::cluster)
          .thenComparing(RecordRef::topic)
          .thenComparingInt(RecordRef::partition)
          .thenComparingLong(RecordRef::offset);

  public static RecordRef of(Event e) {
    return new RecordRef(
        e.role(), e.cluster(), e.topic(), e.partition(), e.offset(), e.timestamp(), e.origin());
  }
}
