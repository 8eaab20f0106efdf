package io.mirrorwatch.reconciler.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorwatch.common.eventid.EventIdLocation;
import io.mirrorwatch.reconciler.source.Unreadable.Reason;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordDecoderTest {
  static final long FROM = 1_000;
  static final long TO = 2_000;
  static final long DOWNSTREAM_TO = 3_000;

  static final List<PhysicalTopic> TOPICS =
      List.of(
          new PhysicalTopic(
              "primary",
              "orders",
              Role.SOURCE,
              Origin.ORIGINAL,
              "orders",
              new EventIdLocation.Header("event-id")),
          new PhysicalTopic(
              "dr",
              "primary.orders",
              Role.SOURCE,
              Origin.REPLICA,
              "orders",
              new EventIdLocation.Header("event-id")),
          new PhysicalTopic(
              "primary",
              "out",
              Role.DOWNSTREAM,
              Origin.ORIGINAL,
              "out",
              new EventIdLocation.JsonField("/eventId")),
          new PhysicalTopic(
              "primary",
              "keyed",
              Role.SOURCE,
              Origin.ORIGINAL,
              "keyed",
              new EventIdLocation.Key()));

  static RecordDecoder decoder(Optional<String> amount) {
    return new DecodePlan(
            TOPICS,
            "primary",
            "dr",
            FROM,
            TO,
            DOWNSTREAM_TO,
            amount.map(a -> new Aggregation(60_000, a, "/customerId")),
            Optional.empty())
        .newDecoder();
  }

  static RawRecord raw(
      String cluster, String topic, long ts, String key, String value, String header) {
    return new RawRecord(
        cluster,
        topic,
        0,
        7,
        ts,
        key == null ? null : key.getBytes(UTF_8),
        value == null ? null : value.getBytes(UTF_8),
        header == null ? null : header.getBytes(UTF_8));
  }

  @Test
  void decodesTheEventIdFromAHeaderAndTheAmountFromJson() {
    Decoded d =
        decoder(Optional.of("/amount"))
            .decode(raw("primary", "orders", 1500, "o-1", "{\"amount\":12.30}", "e-1"));

    assertThat(d)
        .isInstanceOfSatisfying(
            Event.class,
            e -> {
              assertThat(e.eventId()).isEqualTo("e-1");
              assertThat(e.role()).isEqualTo(Role.SOURCE);
              assertThat(e.origin()).isEqualTo(Origin.ORIGINAL);
              assertThat(e.amountValue()).contains(new BigDecimal("12.30"));
              assertThat(e.offset()).isEqualTo(7);
            });
  }

  @Test
  void decodesTheEventIdFromAJsonPointerOrTheKey() {
    RecordDecoder d = decoder(Optional.empty());
    assertThat(
            ((Event) d.decode(raw("primary", "out", 2500, null, "{\"eventId\":\"e-9\"}", null)))
                .eventId())
        .isEqualTo("e-9");
    assertThat(
            ((Event) d.decode(raw("primary", "out", 2500, null, "{\"eventId\":42}", null)))
                .eventId())
        .isEqualTo("42");
    assertThat(
            ((Event) d.decode(raw("primary", "keyed", 1500, "k-1", "not json at all", null)))
                .eventId())
        .isEqualTo("k-1");
  }

  @Test
  void anMm2CopyHashesLikeItsSourceAndAReSendWithAnotherValueDoesNot() {
    RecordDecoder d = decoder(Optional.empty());
    Event original = (Event) d.decode(raw("primary", "orders", 1500, "o-1", "{\"a\":1}", "e-1"));
    Event copy = (Event) d.decode(raw("dr", "primary.orders", 1500, "o-1", "{\"a\":1}", "e-1"));
    Event changed = (Event) d.decode(raw("primary", "orders", 1500, "o-1", "{\"a\":2}", "e-1"));

    assertThat(copy.payloadHash()).isEqualTo(original.payloadHash());
    assertThat(copy.origin()).isEqualTo(Origin.REPLICA);
    assertThat(changed.payloadHash()).isNotEqualTo(original.payloadHash());
  }

  @Test
  void badRecordsBecomeUnreadableWithTheirReasonNeverAnException() {
    RecordDecoder d = decoder(Optional.of("/amount"));
    assertThat(reason(d.decode(raw("primary", "orders", 1500, "k", null, "e-1"))))
        .isEqualTo(Reason.TOMBSTONE);
    assertThat(reason(d.decode(raw("primary", "orders", 1500, "k", "<xml/>", "e-1"))))
        .isEqualTo(Reason.NOT_JSON);
    assertThat(reason(d.decode(raw("primary", "orders", 1500, "k", "{\"a\":1} trailing", "e-1"))))
        .isEqualTo(Reason.NOT_JSON);
    assertThat(reason(d.decode(raw("primary", "orders", 1500, "k", "{}", null))))
        .isEqualTo(Reason.NO_EVENT_ID);
    assertThat(reason(d.decode(raw("primary", "orders", 1500, "k", "{}", "  "))))
        .isEqualTo(Reason.NO_EVENT_ID);
    assertThat(reason(d.decode(raw("primary", "out", 2500, "k", "{\"eventId\":{}}", null))))
        .isEqualTo(Reason.NO_EVENT_ID);
    assertThat(reason(d.decode(raw("primary", "keyed", 1500, null, "{}", null))))
        .isEqualTo(Reason.NO_EVENT_ID);
  }

  @Test
  void aMissingOrNonNumericAmountLeavesTheEventWithoutOne() {
    RecordDecoder d = decoder(Optional.of("/amount"));
    assertThat(((Event) d.decode(raw("primary", "orders", 1500, "k", "{}", "e"))).amountValue())
        .isEmpty();
    assertThat(
            ((Event) d.decode(raw("primary", "orders", 1500, "k", "{\"amount\":\"x\"}", "e")))
                .amountValue())
        .isEmpty();
    assertThat(
            ((Event) d.decode(raw("primary", "orders", 1500, "k", "{\"amount\":\"7.5\"}", "e")))
                .amountValue())
        .contains(new BigDecimal("7.5"));
  }

  @Test
  void theGroupKeyIsAStringOrNumberAtItsPointerAndMissingOtherwise() {
    RecordDecoder d = decoder(Optional.of("/amount"));
    assertThat(
            ((Event) d.decode(raw("primary", "orders", 1500, "k", "{\"customerId\":\"c-7\"}", "e")))
                .groupKeyValue())
        .contains("c-7");
    assertThat(
            ((Event) d.decode(raw("primary", "orders", 1500, "k", "{\"customerId\":7}", "e")))
                .groupKeyValue())
        .contains("7");
    assertThat(
            ((Event) d.decode(raw("primary", "orders", 1500, "k", "{\"customerId\":{}}", "e")))
                .groupKeyValue())
        .isEmpty();
    assertThat(((Event) d.decode(raw("primary", "orders", 1500, "k", "{}", "e"))).groupKeyValue())
        .isEmpty();
  }

  @Test
  void theWindowIsHalfOpenAndExtendedForDownstreamTopics() {
    RecordDecoder d = decoder(Optional.empty());
    assertThat(d.decode(raw("primary", "orders", FROM - 1, "k", "{}", "e")))
        .isInstanceOf(Decoded.OutsideWindow.class);
    assertThat(d.decode(raw("primary", "orders", FROM, "k", "{}", "e"))).isInstanceOf(Event.class);
    assertThat(d.decode(raw("primary", "orders", TO, "k", "{}", "e")))
        .isInstanceOf(Decoded.OutsideWindow.class);
    assertThat(d.decode(raw("primary", "out", TO, "k", "{\"eventId\":\"e\"}", null)))
        .isInstanceOf(Event.class);
    assertThat(d.decode(raw("primary", "out", DOWNSTREAM_TO, "k", "{\"eventId\":\"e\"}", null)))
        .isInstanceOf(Decoded.OutsideWindow.class);
  }

  @Test
  void anUnreadableRecordKeepsItsPlaceAndASnippetOfItsValue() {
    Unreadable u =
        (Unreadable)
            decoder(Optional.of("/amount"))
                .decode(raw("primary", "orders", 1500, "k", "x".repeat(300), "e"));
    assertThat(u.cluster()).isEqualTo("primary");
    assertThat(u.offset()).isEqualTo(7);
    assertThat(u.detail()).startsWith("value is not JSON: 'xxxx").endsWith("...' (300 bytes)");
  }

  private static Reason reason(Decoded d) {
    assertThat(d).isInstanceOf(Unreadable.class);
    return ((Unreadable) d).reason();
  }
}
