package io.mirrorwatch.agent.collect;

/** A collect failed or missed its deadline; the message is one line for people, no stack trace. */
public final class CollectException extends Exception {
  public CollectException(String message) {
    super(message);
  }
}
