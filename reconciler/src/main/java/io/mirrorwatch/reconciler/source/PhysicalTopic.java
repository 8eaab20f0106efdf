package io.mirrorwatch.reconciler.source;

import io.mirrorwatch.common.eventid.EventIdLocation;
import java.io.Serializable;

/**
 * A topic on one cluster that the job reads, and how to read it.
 *
 * @param cluster the cluster's MM2 alias
 * @param stream the logical stream (for {@link Role#SOURCE}) or downstream topic it belongs to
 * @param eventId where its records carry the event ID
 */
public record PhysicalTopic(
    String cluster, String topic, Role role, Origin origin, String stream, EventIdLocation eventId)
    implements Serializable {

  /** {@code cluster/topic}, for logs and reports. */
  public String label() {
    return cluster + "/" + topic;
  }
}
