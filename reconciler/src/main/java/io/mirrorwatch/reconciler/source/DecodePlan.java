package io.mirrorwatch.reconciler.source;

import io.mirrorwatch.reconciler.config.AggregatesSpec;
import io.mirrorwatch.reconciler.config.Window;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * Everything the decoder needs, in a form that travels with the Flink job: the topics with their
 * event-ID source, the window bounds, and the amount pointer.
 */
public final class DecodePlan implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<PhysicalTopic> topics;
  private final long fromMs;
  private final long toMs;
  private final long downstreamToMs;
  /** Null when aggregates are not configured: a private field, exposed as {@link #amountPointer()}. */
  private final String amountPointer;

  public DecodePlan(
      List<PhysicalTopic> topics, long fromMs, long toMs, long downstreamToMs, Optional<String> amountPointer) {
    this.topics = List.copyOf(topics);
    this.fromMs = fromMs;
    this.toMs = toMs;
    this.downstreamToMs = downstreamToMs;
    this.amountPointer = amountPointer.orElse(null);
  }

  public static DecodePlan of(TopicPlan plan, Window window, Optional<AggregatesSpec> aggregates) {
    return new DecodePlan(
        plan.topics(),
        window.from().toEpochMilli(),
        window.to().toEpochMilli(),
        window.downstreamTo().toEpochMilli(),
        aggregates.map(AggregatesSpec::amountPointer));
  }

  public List<PhysicalTopic> topics() {
    return topics;
  }

  public Optional<String> amountPointer() {
    return Optional.ofNullable(amountPointer);
  }

  /** Whether a record of {@code role} with this timestamp belongs to the window. */
  public boolean inWindow(Role role, long timestamp) {
    long end = role == Role.SOURCE ? toMs : downstreamToMs;
    return timestamp >= fromMs && timestamp < end;
  }

  public RecordDecoder newDecoder() {
    return new RecordDecoder(this);
  }
}
