package io.mirrorwatch.reconciler.source;

import java.io.Serializable;

/**
 * A record that could not be decoded into an {@link Event}. It is counted per topic and reason, a
 * few are kept as examples, and the job goes on.
 *
 * @param detail what was wrong, with at most the first 120 characters of the value
 */
public record Unreadable(
    String cluster,
    String topic,
    int partition,
    long offset,
    long timestamp,
    Reason reason,
    String detail)
    implements Decoded, Serializable {

  /** Why; {@link #id()} is the name used in reports. */
  public enum Reason {
    /** The value is null: a deletion marker, not an event. */
    TOMBSTONE("tombstone"),
    /** The value had to be JSON (a JSON pointer is configured) and is not. */
    NOT_JSON("not_json"),
    /** No event ID where the config says it is (header, JSON pointer or key), or an empty one. */
    NO_EVENT_ID("no_event_id");

    private final String id;

    Reason(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }
}
