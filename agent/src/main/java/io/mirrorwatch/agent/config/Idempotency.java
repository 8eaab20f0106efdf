package io.mirrorwatch.agent.config;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * How the agent judges whether re-delivered records after a failover are harmless.
 *
 * @param eventIdHeader the record header carrying the producer's unique event ID
 * @param idempotentGroups consumer groups declared idempotent: processing a record twice (as
 *     happens after a failover to offsets that lag) is harmless for them
 * @param sampleRecords newest records read per source partition to measure event-ID coverage
 */
public record Idempotency(String eventIdHeader, Set<String> idempotentGroups, int sampleRecords) {

  public static final String DEFAULT_EVENT_ID_HEADER = "event-id";
  public static final int DEFAULT_SAMPLE_RECORDS = 100;

  public Idempotency {
    Objects.requireNonNull(eventIdHeader, "eventIdHeader");
    // Insertion order kept so logs list groups as the file does.
    idempotentGroups = Collections.unmodifiableSet(new LinkedHashSet<>(idempotentGroups));
  }

  public static Idempotency defaults() {
    return new Idempotency(DEFAULT_EVENT_ID_HEADER, Set.of(), DEFAULT_SAMPLE_RECORDS);
  }
}
