package io.mirrorwatch.reconciler.source;

/** What {@link RecordDecoder} makes of one record. */
public sealed interface Decoded permits Event, Unreadable, Decoded.OutsideWindow {
  String cluster();

  String topic();

  /**
   * A record whose timestamp lies outside the window although the timestamp-based start and stop
   * offsets included it (timestamps need not grow with offsets); it is counted, not checked.
   */
  record OutsideWindow(String cluster, String topic) implements Decoded {}
}
