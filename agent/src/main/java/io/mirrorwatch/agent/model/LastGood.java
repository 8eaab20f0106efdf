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
public record LastGood<T>(
    Optional<T> value, Optional<Instant> lastSuccess, Optional<String> lastError) {
  public static <T> LastGood<T> none() {
    return new LastGood<>(Optional.empty(), Optional.empty(), Optional.empty());
  }

  public LastGood<T> succeeded(T newValue, Instant at) {
    return new LastGood<>(Optional.of(newValue), Optional.of(at), Optional.empty());
  }

  public LastGood<T> failed(String error) {
    return new LastGood<>(value, lastSuccess, Optional.of(error));
  }

  public boolean stale() {
    return lastError.isPresent() || value.isEmpty();
  }

  public Optional<Duration> age(Instant now) {
    return lastSuccess.map(t -> Duration.between(t, now));
  }
}
