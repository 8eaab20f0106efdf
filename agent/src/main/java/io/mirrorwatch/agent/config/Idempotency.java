package io.mirrorwatch.agent.config;

import io.mirrorwatch.common.eventid.EventIdLocation;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * How the agent judges whether re-delivered records after a failover are harmless.
 *
 * @param eventId where records carry the producer's unique event ID (the reconciler's setting)
 * @param idempotentGroups consumer groups declared idempotent: processing a record twice (as
 *     happens after a failover to offsets that lag) is harmless for them
 * @param sampleRecords newest records read per source partition to measure event-ID coverage
 */
public record Idempotency(
    EventIdLocation eventId, Set<String> idempotentGroups, int sampleRecords) {

  public static final int DEFAULT_SAMPLE_RECORDS = 100;

  public Idempotency {
    Objects.requireNonNull(eventId, "eventId");
    // Insertion order kept so logs list groups as the file does.
    idempotentGroups = Collections.unmodifiableSet(new LinkedHashSet<>(idempotentGroups));
  }

  public static Idempotency defaults() {
    return new Idempotency(EventIdLocation.DEFAULT, Set.of(), DEFAULT_SAMPLE_RECORDS);
  }
}
