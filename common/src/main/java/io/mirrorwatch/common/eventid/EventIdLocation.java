package io.mirrorwatch.common.eventid;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where a record carries its event ID (the idempotency key), the same setting ({@code eventId:}) in
 * every deployable's config; read by {@link EventIdReader}. Serializable: it travels with the Flink
 * job to the task managers.
 *
 * <p>An ID is non-blank text; a record whose location holds nothing, a blank, or (for JSON) a value
 * that is neither text nor a number has no event ID.
 */
public sealed interface EventIdLocation extends Serializable {
  /** The UTF-8 value of the last header with this name. */
  record Header(String name) implements EventIdLocation {}

  /** The text (or number) at this JSON pointer in the value, e.g. {@code /eventId}. */
  record JsonField(String pointer) implements EventIdLocation {}

  /** The record key, as UTF-8. */
  record Key() implements EventIdLocation {}

  /** The default of every deployable: a header named {@code event-id}. */
  EventIdLocation DEFAULT = new Header("event-id");

  /** For reports and messages: {@code header:event-id}, {@code json:/eventId}, {@code key}. */
  default String describe() {
    if (this instanceof Header h) {
      return "header:" + h.name();
    }
    if (this instanceof JsonField j) {
      return "json:" + j.pointer();
    }
    return "key";
  }

  /** Whether the ID is read from the value parsed as JSON. */
  default boolean needsJson() {
    return this instanceof JsonField;
  }

  /**
   * The record's event ID, reading lazily what this location needs. Pure, never throws on record
   * content.
   *
   * @param key the record key, may be null
   * @param lastHeader the value of the last header of a name, or null where there is none; asked
   *     for only by {@link Header}
   * @param json the value parsed as JSON ({@link JsonValues#parse}), asked for only by {@link
   *     JsonField}; empty when the value is not JSON
   */
  default Optional<String> extract(
      byte[] key, Function<String, byte[]> lastHeader, Supplier<Optional<JsonNode>> json) {
    byte[] header = this instanceof Header h ? lastHeader.apply(h.name()) : null;
    JsonNode value = needsJson() ? json.get().orElse(null) : null;
    return extract(key, header, value);
  }

  /**
   * The rule itself, for a caller that has already read what this location needs (the reconciler
   * keeps only the configured header and parses the value once for the ID and the amount): no
   * allocation but the result, on a path that runs once per record.
   *
   * @param header the value of the last header {@link Header} names; null where there is none
   * @param json the value as JSON; null where it is not JSON (or, for other locations, not read)
   */
  default Optional<String> extract(byte[] key, byte[] header, JsonNode json) {
    String id;
    if (this instanceof Header) {
      id = utf8(header);
    } else if (this instanceof JsonField f) {
      JsonNode n = json == null ? null : json.at(f.pointer());
      id = n != null && (n.isTextual() || n.isNumber()) ? n.asText() : null;
    } else {
      id = utf8(key);
    }
    return id == null || id.isBlank() ? Optional.empty() : Optional.of(id);
  }

  private static String utf8(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }
}
