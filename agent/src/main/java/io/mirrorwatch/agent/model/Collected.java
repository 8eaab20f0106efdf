package io.mirrorwatch.agent.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The last good value of one collector, and whether the newest attempt failed. A failed collect
 * keeps the previous value (marked stale) so that figures such as RPO survive a dead cluster.
 *
 * @param value the last good value, if any collect ever succeeded
 * @param lastSuccess when {@code value} was collected
 * @param lastError the newest attempt's failure, empty if it succeeded
 */
public record Collected<T>(Optional<T> value, Optional<Instant> lastSuccess, Optional<String> lastError) {
  public static <T> Collected<T> none() {
    return new Collected<>(Optional.empty(), Optional.empty(), Optional.empty());
  }

  public Collected<T> succeeded(T newValue, Instant at) {
    return new Collected<>(Optional.of(newValue), Optional.of(at), Optional.empty());
  }

  public Collected<T> failed(String error) {
    return new Collected<>(value, lastSuccess, Optional.of(error));
  }

  public boolean stale() {
    return lastError.isPresent() || value.isEmpty();
  }

  public Optional<Duration> age(Instant now) {
    return lastSuccess.map(t -> Duration.between(t, now));
  }
}
