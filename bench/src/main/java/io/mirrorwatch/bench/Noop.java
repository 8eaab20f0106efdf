package io.mirrorwatch.bench;

/** Does nothing: timing it measures a JVM's start and exit on the bench classpath. */
public final class Noop {
  private Noop() {}

  public static void main(String[] args) {}
}
