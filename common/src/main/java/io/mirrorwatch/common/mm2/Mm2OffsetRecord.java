package io.mirrorwatch.common.mm2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One record of MirrorMaker 2's Connect offsets topic on the target cluster ({@link
 * #topicFor(String)}): when MM2 flushed ({@code flushedAtMs}, the record timestamp), it had copied
 * {@code sourceCluster}'s {@code topic}/{@code partition} up to and including upstream offset
 * {@code lastCopied}, so {@code lastCopied + 1} is the next record to copy. An empty {@code
 * lastCopied} is a tombstone: Connect forgot the partition. The one decoder of this topic, for
 * every deployable.
 */
public record Mm2OffsetRecord(
    String sourceCluster, String topic, int partition, OptionalLong lastCopied, long flushedAtMs) {
  /** The connector whose records these are; dedicated MM2 keys them by the bare class name. */
  public static final String CONNECTOR = "MirrorSourceConnector";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** MM2's offsets topic for a flow from {@code sourceAlias} (dedicated mode), on the target. */
  public static String topicFor(String sourceAlias) {
    return "mm2-offsets." + sourceAlias + ".internal";
  }

  /**
   * Connect's offset, config and status topics of dedicated MM2, e.g. {@code
   * mm2-offsets.dr.internal}.
   */
  public static boolean isMirrorMakerInternal(String topic) {
    return topic.startsWith("mm2-") && topic.endsWith(".internal");
  }

  /** The next source offset MM2 will copy; empty for a tombstone. */
  public OptionalLong nextToCopy() {
    return lastCopied.isPresent()
        ? OptionalLong.of(lastCopied.getAsLong() + 1)
        : OptionalLong.empty();
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
      if (!p.path("cluster").isTextual()
          || !p.path("topic").isTextual()
          || !p.path("partition").canConvertToInt()) {
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
      return Optional.of(
          new Mm2OffsetRecord(
              p.get("cluster").asText(),
              p.get("topic").asText(),
              p.get("partition").asInt(),
              last,
              timestampMs));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
