package io.mirrorwatch.reconciler.checks;

import io.mirrorwatch.reconciler.source.Event;
import io.mirrorwatch.reconciler.source.Origin;
import io.mirrorwatch.reconciler.source.Role;
import java.math.BigDecimal;
import java.util.List;

/**
 * Builds test events: {@code payload} stands for the payload hash, {@code ts} for the timestamp.
 */
final class Records {
  private static long offsets;

  private Records() {}

  static Event source(String cluster, String topic, Origin origin, long ts, long payload) {
    return new Event(
        "e-1", cluster, topic, 0, offsets++, ts, Role.SOURCE, origin, payload, null, null);
  }

  /** An original on primary/orders. */
  static Event produced(long ts, long payload) {
    return source("primary", "orders", Origin.ORIGINAL, ts, payload);
  }

  /** MM2's copy on dr/primary.orders. */
  static Event copied(long ts, long payload) {
    return source("dr", "primary.orders", Origin.REPLICA, ts, payload);
  }

  static Event processed(String cluster, long ts, long payload) {
    return new Event(
        "e-1",
        cluster,
        "orders-processed",
        0,
        offsets++,
        ts,
        Role.DOWNSTREAM,
        Origin.ORIGINAL,
        payload,
        null,
        null);
  }

  /** A record with everything given: for the stranded and aggregate tests. */
  static Event record(
      String cluster,
      String topic,
      Role role,
      Origin origin,
      int partition,
      long offset,
      long ts,
      long payload,
      String amount,
      String group) {
    return new Event(
        "e-1",
        cluster,
        topic,
        partition,
        offset,
        ts,
        role,
        origin,
        payload,
        amount == null ? null : new BigDecimal(amount),
        group);
  }

  static EventRecords of(Event... events) {
    return new EventRecords("e-1", List.of(events));
  }
}
