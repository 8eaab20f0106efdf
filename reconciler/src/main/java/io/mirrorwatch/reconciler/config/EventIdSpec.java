package io.mirrorwatch.reconciler.config;

import java.io.Serializable;

/**
 * Where a record carries its event ID (the idempotency key). Serializable: it travels with the
 * Flink job to the task managers.
 */
public sealed interface EventIdSpec extends Serializable {
  /** The UTF-8 value of the last header with this name. */
  record Header(String name) implements EventIdSpec {}

  /** The text (or number) at this JSON pointer in the value, e.g. {@code /eventId}. */
  record JsonField(String pointer) implements EventIdSpec {}

  /** The record key, as UTF-8. */
  record Key() implements EventIdSpec {}

  /** For reports: {@code header:event-id}, {@code json:/eventId}, {@code key}. */
  default String describe() {
    if (this instanceof Header h) {
      return "header:" + h.name();
    }
    if (this instanceof JsonField j) {
      return "json:" + j.pointer();
    }
    return "key";
  }
}
