package io.mirrorwatch.reconciler.source;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.mirrorwatch.common.eventid.JsonValues;
import io.mirrorwatch.reconciler.source.Unreadable.Reason;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes a {@link RawRecord} into an {@link Event}, an {@link Unreadable} with its reason, or
 * {@link Decoded.OutsideWindow}. Pure and never throws on record content: bad input is data. The
 * value is parsed as JSON only when a JSON pointer needs it (the event ID, the amount or the group
 * key).
 */
public final class RecordDecoder {
  private static final int SNIPPET = 120;

  private final DecodePlan plan;
  private final Map<String, Map<String, PhysicalTopic>> topics = new HashMap<>();
  private final Optional<JsonPointer> amount;
  private final Optional<JsonPointer> groupBy;

  RecordDecoder(DecodePlan plan) {
    this.plan = plan;
    for (PhysicalTopic t : plan.topics()) {
      topics.computeIfAbsent(t.cluster(), c -> new HashMap<>()).put(t.topic(), t);
    }
    this.amount = plan.amountPointer().map(JsonPointer::compile);
    this.groupBy = plan.groupByPointer().map(JsonPointer::compile);
  }

  public Decoded decode(RawRecord r) {
    PhysicalTopic t = topics.getOrDefault(r.cluster(), Map.of()).get(r.topic());
    if (t == null) {
      throw new IllegalArgumentException(
          "record from " + r.cluster() + "/" + r.topic() + ", which is not in the plan");
    }
    if (!plan.inWindow(t.role(), r.timestamp())) {
      return new Decoded.OutsideWindow(r.cluster(), r.topic());
    }
    if (r.value() == null) {
      return unreadable(r, Reason.TOMBSTONE, "null value");
    }
    boolean needsJson = t.eventId().needsJson() || amount.isPresent();
    JsonNode json = null;
    if (needsJson) {
      Optional<JsonNode> parsed = JsonValues.parse(r.value());
      if (parsed.isEmpty()) {
        return unreadable(r, Reason.NOT_JSON, "value is not JSON: " + snippet(r.value()));
      }
      json = parsed.get();
    }
    // RawRecord keeps only the configured event-ID header (RawRecordDeserializer).
    Optional<String> id = t.eventId().extract(r.key(), r.eventIdHeader(), json);
    if (id.isEmpty()) {
      return unreadable(
          r,
          Reason.NO_EVENT_ID,
          "no event ID at " + t.eventId().describe() + ": " + snippet(r.value()));
    }
    BigDecimal amt =
        json == null ? null : amount.map(json::at).flatMap(RecordDecoder::decimal).orElse(null);
    String group =
        json == null ? null : groupBy.map(json::at).flatMap(RecordDecoder::scalarText).orElse(null);
    return new Event(
        id.get(),
        r.cluster(),
        r.topic(),
        r.partition(),
        r.offset(),
        r.timestamp(),
        t.role(),
        t.origin(),
        PayloadHash.of(r.key(), r.value()),
        amt,
        group);
  }

  /** A group key is a string or a number; anything else (missing, object, array, null) has none. */
  private static Optional<String> scalarText(JsonNode n) {
    return n.isTextual() || n.isNumber() || n.isBoolean()
        ? Optional.of(n.asText())
        : Optional.empty();
  }

  private static Optional<BigDecimal> decimal(JsonNode n) {
    if (n.isNumber()) {
      return Optional.of(n.decimalValue());
    }
    if (n.isTextual()) {
      try {
        return Optional.of(new BigDecimal(n.textValue().trim()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Unreadable unreadable(RawRecord r, Reason reason, String detail) {
    return new Unreadable(
        r.cluster(), r.topic(), r.partition(), r.offset(), r.timestamp(), reason, detail);
  }

  private static String snippet(byte[] value) {
    if (value == null) {
      return "(null)";
    }
    String s = new String(value, StandardCharsets.UTF_8);
    return s.length() <= SNIPPET
        ? "'" + s + "'"
        : "'" + s.substring(0, SNIPPET) + "...' (" + value.length + " bytes)";
  }
}
