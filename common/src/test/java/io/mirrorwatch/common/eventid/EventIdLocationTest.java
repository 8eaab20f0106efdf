package io.mirrorwatch.common.eventid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrorwatch.common.config.ConfigException;
import io.mirrorwatch.common.config.YamlConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventIdLocationTest {
  private static final byte[] KEY = bytes("k-1");
  private static final byte[] VALUE =
      bytes("{\"eventId\":\"e-1\",\"n\":7,\"blank\":\" \",\"obj\":{}}");

  private static Optional<String> extract(EventIdLocation location, byte[] key, byte[] value) {
    Map<String, byte[]> headers = Map.of("event-id", bytes("h-1"), "empty", new byte[0]);
    return location.extract(key, headers::get, () -> JsonValues.parse(value));
  }

  @ParameterizedTest
  @CsvSource({
    "header, event-id, h-1",
    "header, missing, ",
    "header, empty, ",
    "json, /eventId, e-1",
    "json, /n, 7",
    "json, /blank, ",
    "json, /obj, ",
    "json, /missing, ",
    "key, , k-1"
  })
  void readsANonBlankIdWhereTheLocationSays(String from, String where, String expected) {
    EventIdLocation location =
        switch (from) {
          case "header" -> new EventIdLocation.Header(where);
          case "json" -> new EventIdLocation.JsonField(where);
          default -> new EventIdLocation.Key();
        };
    assertThat(extract(location, KEY, VALUE)).isEqualTo(Optional.ofNullable(expected));
  }

  @Test
  void aValueThatIsNotJsonOrAMissingKeyHasNoId() {
    assertThat(
            extract(
                new EventIdLocation.JsonField("/eventId"),
                KEY,
                bytes("{\"eventId\":\"e\"} trailing")))
        .isEmpty();
    assertThat(extract(new EventIdLocation.JsonField("/eventId"), KEY, null)).isEmpty();
    assertThat(extract(new EventIdLocation.Key(), null, VALUE)).isEmpty();
    // The direct form, for a caller that read the header and parsed the value itself.
    assertThat(new EventIdLocation.JsonField("/eventId").extract(KEY, null, (JsonNode) null))
        .isEmpty();
    assertThat(new EventIdLocation.Header("event-id").extract(KEY, bytes("h-2"), (JsonNode) null))
        .contains("h-2");
  }

  @Test
  void theValueIsParsedOnlyForAJsonPointer() {
    Map<String, byte[]> headers = Map.of("event-id", bytes("h-1"));
    assertThat(
            new EventIdLocation.Header("event-id")
                .extract(
                    KEY,
                    headers::get,
                    () -> {
                      throw new AssertionError("parsed the value for a header ID");
                    }))
        .contains("h-1");
    assertThat(new EventIdLocation.Header("x").needsJson()).isFalse();
    assertThat(new EventIdLocation.JsonField("/x").needsJson()).isTrue();
  }

  @Test
  void readsEachFormOfTheSettingAndDescribesIt() {
    assertThat(read("{from: header, name: x-id}").describe()).isEqualTo("header:x-id");
    assertThat(read("{from: json, pointer: /order/id}").describe()).isEqualTo("json:/order/id");
    assertThat(read("{from: key}").describe()).isEqualTo("key");
  }

  @Test
  void reportsEveryProblemOfTheSetting() {
    assertThat(problems("{from: json, pointer: id, name: x}"))
        .containsExactly(
            "name: not used with from: json",
            "pointer: not a JSON pointer: 'id' (write e.g. /eventId)");
    assertThat(problems("{from: body}"))
        .containsExactly("from: unknown source 'body' (known: header, json, key)");
    assertThat(problems("{from: header}")).containsExactly("name: required");
  }

  private static EventIdLocation read(String yaml) {
    return new YamlConfig("test", "from")
        .parse(yaml, Map.of(), Optional.empty(), root -> EventIdReader.read(root).orElse(null));
  }

  private static List<String> problems(String yaml) {
    return catchThrowableOfType(ConfigException.class, () -> read(yaml)).problems();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
