package io.mirrorwatch.lab.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for a condition with a deadline, never a blind sleep. */
public final class Poll {
  private static final Duration STEP = Duration.ofMillis(200);

  private Poll() {}

  /**
   * Polls {@code value} until it yields a result or {@code timeout} passes. Exceptions thrown by
   * {@code value} count as "not yet" (a broker that is still starting refuses connections); the
   * last one is attached to the timeout error.
   */
  public static <T> T until(String what, Duration timeout, Supplier<Optional<T>> value) {
    Instant deadline = Instant.now().plus(timeout);
    RuntimeException last = null;
    while (true) {
      try {
        Optional<T> result = value.get();
        if (result.isPresent()) {
          return result.get();
        }
      } catch (RuntimeException e) {
        last = e;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new LabTimeoutException(
            "timed out after " + timeout.toSeconds() + " s waiting for " + what, last);
      }
      pause();
    }
  }

  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    until(
        what,
        timeout,
        () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
  }

  private static void pause() {
    try {
      Thread.sleep(STEP.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while polling", e);
    }
  }

  /** A condition did not hold within its deadline. */
  public static final class LabTimeoutException extends RuntimeException {
    LabTimeoutException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
