package io.mirrorwatch.reconciler.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One record of MirrorMaker 2's Connect offsets topic on the target cluster ({@code
 * mm2-offsets.<source alias>.internal}): when MM2 flushed ({@code flushedAtMs}, the record
 * timestamp), it had copied {@code sourceCluster}'s {@code topic}/{@code partition} up to and
 * including upstream offset {@code lastCopied}. An empty {@code lastCopied} is a tombstone: Connect
 * forgot the partition.
 */
public record Mm2OffsetRecord(
    String sourceCluster, String topic, int partition, OptionalLong lastCopied, long flushedAtMs) {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String CONNECTOR = "MirrorSourceConnector";

  /** MM2's default offsets topic for a flow from {@code sourceAlias} (dedicated mode). */
  public static String topicFor(String sourceAlias) {
    return "mm2-offsets." + sourceAlias + ".internal";
  }

  /**
   * Decodes Connect's record for the source connector: key {@code
   * ["MirrorSourceConnector",{"cluster":c,"partition":p,"topic":t}]}, value {@code {"offset":n}}.
   * Empty for anything else (other connectors' records, malformed bytes): the caller counts those.
   */
  public static Optional<Mm2OffsetRecord> decode(byte[] key, byte[] value, long timestampMs) {
    try {
      if (key == null) {
        return Optional.empty();
      }
      JsonNode k = JSON.readTree(key);
      if (k == null || !k.isArray() || k.size() != 2 || !CONNECTOR.equals(k.get(0).asText())) {
        return Optional.empty();
      }
      JsonNode p = k.get(1);
      if (!p.path("cluster").isTextual() || !p.path("topic").isTextual() || !p.path("partition").canConvertToInt()) {
        return Optional.empty();
      }
      OptionalLong last = OptionalLong.empty();
      if (value != null) {
        JsonNode offset = JSON.readTree(value).path("offset");
        if (!offset.canConvertToLong()) {
          return Optional.empty();
        }
        last = OptionalLong.of(offset.asLong());
      }
      return Optional.of(new Mm2OffsetRecord(
          p.get("cluster").asText(), p.get("topic").asText(), p.get("partition").asInt(), last, timestampMs));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
