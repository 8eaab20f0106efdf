package io.mirrorwatch.reconciler.source;

import java.io.Serializable;

/**
 * A record the offset checks need to find by position: the last record a group consumed on the
 * cluster it left (offset {@code committed - 1}). The job reports every record of its event, so the
 * client can find the event's copy on the other cluster.
 */
public record Anchor(String cluster, String topic, int partition, long offset)
    implements Serializable {
  public static Anchor of(Event e) {
    return new Anchor(e.cluster(), e.topic(), e.partition(), e.offset());
  }
}
