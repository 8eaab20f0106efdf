package io.mirrorwatch.reconciler.source;

import io.mirrorwatch.reconciler.config.AggregatesSpec;
import io.mirrorwatch.reconciler.config.Window;
import java.io.Serializable;
import io.mirrorwatch.reconciler.source.offsets.Anchor;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the decoder needs, in a form that travels with the Flink job: the topics with their
 * event-ID source, the window bounds, the amount pointer, and the anchors of the offset checks
 * (records whose events the job reports back, see {@link Anchor}).
 */
public final class DecodePlan implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<PhysicalTopic> topics;
  private final long fromMs;
  private final long toMs;
  private final long downstreamToMs;
  /** Null when aggregates are not configured: a private field, exposed as {@link #amountPointer()}. */
  private final String amountPointer;
  /** Few: one per group, cutover and partition the group had committed on the cluster it left. */
  private final Set<Anchor> anchors;

  public DecodePlan(
      List<PhysicalTopic> topics, long fromMs, long toMs, long downstreamToMs, Optional<String> amountPointer) {
    this(topics, fromMs, toMs, downstreamToMs, amountPointer, Set.of());
  }

  public DecodePlan(List<PhysicalTopic> topics, long fromMs, long toMs, long downstreamToMs,
      Optional<String> amountPointer, Set<Anchor> anchors) {
    this.topics = List.copyOf(topics);
    this.fromMs = fromMs;
    this.toMs = toMs;
    this.downstreamToMs = downstreamToMs;
    this.amountPointer = amountPointer.orElse(null);
    this.anchors = Set.copyOf(anchors);
  }

  public static DecodePlan of(TopicPlan plan, Window window, Optional<AggregatesSpec> aggregates) {
    return new DecodePlan(
        plan.topics(),
        window.from().toEpochMilli(),
        window.to().toEpochMilli(),
        window.downstreamTo().toEpochMilli(),
        aggregates.map(AggregatesSpec::amountPointer));
  }

  /** The same plan, with the offset checks' anchors. */
  public DecodePlan withAnchors(Set<Anchor> anchors) {
    return new DecodePlan(topics, fromMs, toMs, downstreamToMs, amountPointer(), anchors);
  }

  public Set<Anchor> anchors() {
    return anchors;
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
