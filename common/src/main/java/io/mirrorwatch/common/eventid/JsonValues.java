package io.mirrorwatch.common.eventid;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Optional;

/** Record values read as JSON, the same way wherever an event ID or an amount is read from them. */
public final class JsonValues {
  /** Amounts stay exact decimals ("12.30" is 12.30, not a double); trailing garbage is not JSON. */
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private JsonValues() {}

  /** The value as a JSON tree, or empty when it is null, empty or not JSON. */
  public static Optional<JsonNode> parse(byte[] value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      JsonNode n = JSON.readTree(value);
      return n == null || n.isMissingNode() ? Optional.empty() : Optional.of(n);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
