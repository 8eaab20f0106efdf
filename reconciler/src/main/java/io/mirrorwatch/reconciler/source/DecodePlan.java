package io.mirrorwatch.reconciler.source;

import io.mirrorwatch.reconciler.config.AggregatesSpec;
import io.mirrorwatch.reconciler.config.ReconcileConfig;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the decoder and the checks need, in a form that travels with the Flink job (Java
 * serialization: optional parts are nullable private fields, exposed as {@code Optional}): the
 * topics with their event-ID source, which alias is which, the window bounds, the aggregates, the
 * failover cutover with MM2's replicated positions, and the anchors of the offset checks (records
 * whose events the job reports back, see {@link Anchor}).
 */
public final class DecodePlan implements Serializable {
  private static final long serialVersionUID = 3L;

  private final List<PhysicalTopic> topics;
  private final String primary;
  private final String dr;
  private final long fromMs;
  private final long toMs;
  private final long downstreamToMs;

  /** Null when aggregates are not configured. */
  private final Aggregation aggregation;

  /** Null when {@code window.failoverAt} is not configured: stranded is then not checked. */
  private final FailoverPositions cutover;

  /** Few: one per group, cutover and partition the group had committed on the cluster it left. */
  private final Set<Anchor> anchors;

  /**
   * @param primary the primary's MM2 alias
   * @param dr the DR cluster's MM2 alias
   */
  public DecodePlan(
      List<PhysicalTopic> topics,
      String primary,
      String dr,
      long fromMs,
      long toMs,
      long downstreamToMs,
      Optional<Aggregation> aggregation,
      Optional<FailoverPositions> cutover) {
    this(topics, primary, dr, fromMs, toMs, downstreamToMs, aggregation, cutover, Set.of());
  }

  public DecodePlan(
      List<PhysicalTopic> topics,
      String primary,
      String dr,
      long fromMs,
      long toMs,
      long downstreamToMs,
      Optional<Aggregation> aggregation,
      Optional<FailoverPositions> cutover,
      Set<Anchor> anchors) {
    this.topics = List.copyOf(topics);
    this.primary = primary;
    this.dr = dr;
    this.fromMs = fromMs;
    this.toMs = toMs;
    this.downstreamToMs = downstreamToMs;
    this.aggregation = aggregation.orElse(null);
    this.cutover = cutover.orElse(null);
    this.anchors = Set.copyOf(anchors);
  }

  public static DecodePlan of(
      TopicPlan plan, ReconcileConfig cfg, Optional<FailoverPositions> cutover) {
    return new DecodePlan(
        plan.topics(),
        cfg.primary().alias(),
        cfg.dr().alias(),
        cfg.window().from().toEpochMilli(),
        cfg.window().to().toEpochMilli(),
        cfg.window().downstreamTo().toEpochMilli(),
        cfg.aggregates().map(DecodePlan::aggregation),
        cutover);
  }

  private static Aggregation aggregation(AggregatesSpec a) {
    return new Aggregation(
        a.bucket().toMillis(), a.amountPointer(), a.groupByPointer().orElse(null));
  }

  /** The same plan, with the offset checks' anchors. */
  public DecodePlan withAnchors(Set<Anchor> anchors) {
    return new DecodePlan(
        topics, primary, dr, fromMs, toMs, downstreamToMs, aggregation(), cutover(), anchors);
  }

  public Set<Anchor> anchors() {
    return anchors;
  }

  public List<PhysicalTopic> topics() {
    return topics;
  }

  public String primary() {
    return primary;
  }

  public String dr() {
    return dr;
  }

  public Optional<Aggregation> aggregation() {
    return Optional.ofNullable(aggregation);
  }

  public Optional<FailoverPositions> cutover() {
    return Optional.ofNullable(cutover);
  }

  public Optional<String> amountPointer() {
    return aggregation().map(Aggregation::amountPointer);
  }

  public Optional<String> groupByPointer() {
    return aggregation().flatMap(Aggregation::groupBy);
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
