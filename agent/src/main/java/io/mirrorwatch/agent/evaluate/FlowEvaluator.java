package io.mirrorwatch.agent.evaluate;

import io.mirrorwatch.agent.config.Thresholds;
import io.mirrorwatch.agent.model.LastGood;
import io.mirrorwatch.agent.model.Mm2JmxSnapshot;
import io.mirrorwatch.agent.model.Mm2State;
import io.mirrorwatch.agent.model.PartitionKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pure evaluation of one flow: collected data + history + now -> assessment + next history. No IO,
 * no clock of its own; every rule lives in a small named method of a *Rules class.
 */
public final class FlowEvaluator {
  private final Thresholds thresholds;

  /** Where event IDs are read, as reasons name it ({@code header:event-id}). */
  private final String eventIdAt;

  public FlowEvaluator(Thresholds thresholds, String eventIdAt) {
    this.thresholds = thresholds;
    this.eventIdAt = eventIdAt;
  }

  public record Outcome(FlowAssessment assessment, FlowHistory history) {}

  public Outcome evaluate(FlowInputs in, FlowHistory history, Instant now) {
    Map<PartitionKey, PartitionRpo> rpo = in.rpo().partitions();
    RpoRules.Result topics = RpoRules.topics(in, rpo, history, now);
    Optional<Map<Double, Double>> latency =
        in.jmx()
            .filter(j -> j.lastError().isEmpty())
            .flatMap(LastGood::value)
            .flatMap(j -> quantiles(j.replicationLatencyMs()));
    Optional<Duration> heartbeatAge =
        in.mm2().value().flatMap(Mm2State::newestHeartbeat).map(h -> Duration.between(h, now));

    ReplicationRules.Verdict replication =
        ReplicationRules.evaluate(
            in, topics.topics(), latency, heartbeatAge, history.overWarningScrapes(), thresholds);
    TranslationRules.Verdict translation =
        TranslationRules.evaluate(in, rpo, history, now, thresholds);
    IdempotencyRules.Verdict idempotency =
        IdempotencyRules.evaluate(in, history, eventIdAt, thresholds);

    Map<Check, CheckResult> checks = new EnumMap<>(Check.class);
    checks.put(Check.REPLICATION, replication.result());
    checks.put(Check.OFFSET_TRANSLATION, translation.result());
    checks.put(Check.INDIRECTION, IndirectionRules.evaluate(in));
    checks.put(Check.IDEMPOTENCY, idempotency.result());

    Optional<Boolean> jmxUp = in.jmx().map(j -> j.lastError().isEmpty() && j.value().isPresent());
    Optional<Mm2JmxSnapshot> jmx =
        in.jmx().filter(j -> j.lastError().isEmpty()).flatMap(LastGood::value);
    FlowAssessment assessment =
        new FlowAssessment(
            in.flow(),
            now,
            checks,
            topics.topics(),
            translation.groups(),
            latency,
            heartbeatAge,
            idempotency.coverage(),
            jmxUp,
            jmx,
            in.indirectionTargets());
    FlowHistory next =
        new FlowHistory(
            topics.replicaLatest(),
            topics.replicaAdvancedAt(),
            topics.sourceLatest(),
            topics.sourceLatestAt(),
            replication.overWarningScrapes(),
            translation.unsyncedSince(),
            idempotency.coverage(),
            translation.groupMoves());
    return new Outcome(assessment, next);
  }

  /** Nearest-rank quantiles 0.5, 0.99 and 1 (max) of the per-partition latencies; empty if none. */
  static Optional<Map<Double, Double>> quantiles(List<Double> values) {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    Map<Double, Double> q = new LinkedHashMap<>();
    for (double p : new double[] {0.5, 0.99, 1.0}) {
      int rank = (int) Math.ceil(p * sorted.size());
      q.put(p, sorted.get(Math.max(0, rank - 1)));
    }
    return Optional.of(q);
  }
}
