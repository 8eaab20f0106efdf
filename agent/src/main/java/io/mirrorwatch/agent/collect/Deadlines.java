package io.mirrorwatch.agent.collect;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.KafkaFuture;

/**
 * Runs remote calls with a deadline. Calls that have no timeout of their own (JMX connect, DNS) run
 * on daemon threads so one that hangs past its deadline cannot keep the agent from exiting.
 */
public final class Deadlines {
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ExecutorService EXECUTOR =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "mirrorwatch-remote-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  private Deadlines() {}

  /** {@code call} within {@code deadline}, or a {@link CollectException} saying what timed out. */
  public static <T> T call(String what, Duration deadline, Callable<T> call)
      throws CollectException {
    return await(what, deadline, EXECUTOR.submit(call));
  }

  /** Waits for a Kafka Admin result within {@code deadline}. */
  public static <T> T get(String what, Duration deadline, KafkaFuture<T> future)
      throws CollectException {
    return await(what, deadline, future);
  }

  /** The one wait: a late call is cancelled (interrupting our own threads; a no-op for Admin). */
  private static <T> T await(String what, Duration deadline, Future<T> future)
      throws CollectException {
    try {
      return future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new CollectException(what + ": no answer within " + deadline.toMillis() + " ms");
    } catch (ExecutionException e) {
      throw new CollectException(what + ": " + rootCauseLine(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CollectException(what + ": interrupted");
    }
  }

  /** The innermost cause's message, one line: what an operator reads in /readiness. */
  public static String rootCauseLine(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String m = cause.getMessage();
    return cause.getClass().getSimpleName()
        + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
  }
}
