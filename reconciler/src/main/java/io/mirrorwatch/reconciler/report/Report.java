package io.mirrorwatch.reconciler.report;

import io.mirrorwatch.reconciler.checks.offsets.OffsetsOutcome;
import io.mirrorwatch.reconciler.config.ReconcileConfig;
import io.mirrorwatch.reconciler.finding.FindingKind;
import io.mirrorwatch.reconciler.source.FailoverPositions;
import io.mirrorwatch.reconciler.source.PhysicalTopic;
import io.mirrorwatch.reconciler.source.TopicPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a report says, gathered after the job: the input to every writer. Pure data.
 *
 * @param missingTopics planned topics ({@link PhysicalTopic#label()}) that did not exist
 * @param cutover the failover cutover and MM2's replicated positions, when failoverAt is configured
 * @param offsets what the offset checks compared, and what they could not check
 */
public record Report(
    Instant generatedAt,
    ReconcileConfig config,
    TopicPlan plan,
    Set<String> missingTopics,
    JobOutcome outcome,
    Map<FindingKind, Long> findings,
    Optional<FailoverPositions> cutover,
    OffsetsOutcome offsets) {

  public static final int SCHEMA_VERSION = 2;
  public static final int EXIT_CLEAN = 0;
  public static final int EXIT_FINDINGS = 1;
  public static final int EXIT_ERROR = 2;

  /**
   * The offset kinds: not checked when no cutover was (no groups, or no cutover instants
   * configured).
   */
  static final List<FindingKind> OFFSET_KINDS =
      List.of(FindingKind.OFFSET_REGRESSION, FindingKind.OFFSET_JUMP);

  public Report {
    missingTopics = Set.copyOf(missingTopics);
    Map<FindingKind, Long> all = new EnumMap<>(FindingKind.class);
    for (FindingKind k : FindingKind.values()) {
      all.put(k, findings.getOrDefault(k, 0L));
    }
    findings = Map.copyOf(all);
  }

  /** A report without a configured failover cutover, and without the offset checks. */
  public Report(
      Instant generatedAt,
      ReconcileConfig config,
      TopicPlan plan,
      Set<String> missingTopics,
      JobOutcome outcome,
      Map<FindingKind, Long> findings) {
    this(
        generatedAt,
        config,
        plan,
        missingTopics,
        outcome,
        findings,
        Optional.empty(),
        OffsetsOutcome.notRun("the offset checks did not run"));
  }

  /** A report without the offset checks. */
  public Report(
      Instant generatedAt,
      ReconcileConfig config,
      TopicPlan plan,
      Set<String> missingTopics,
      JobOutcome outcome,
      Map<FindingKind, Long> findings,
      Optional<FailoverPositions> cutover) {
    this(
        generatedAt,
        config,
        plan,
        missingTopics,
        outcome,
        findings,
        cutover,
        OffsetsOutcome.notRun("the offset checks did not run"));
  }

  /** A report without a configured failover cutover for {@code stranded}. */
  public Report(
      Instant generatedAt,
      ReconcileConfig config,
      TopicPlan plan,
      Set<String> missingTopics,
      JobOutcome outcome,
      Map<FindingKind, Long> findings,
      OffsetsOutcome offsets) {
    this(generatedAt, config, plan, missingTopics, outcome, findings, Optional.empty(), offsets);
  }

  /**
   * The kinds the spec allows this run to check: {@code stranded} needs {@code window.failoverAt},
   * {@code aggregate_mismatch} needs {@code aggregates}, the offset kinds need {@code groups} and a
   * cutover instant.
   */
  public static Set<FindingKind> checkedKinds(ReconcileConfig config) {
    Set<FindingKind> kinds = EnumSet.allOf(FindingKind.class);
    if (config.window().failoverAt().isEmpty()) {
      kinds.remove(FindingKind.STRANDED);
    }
    if (config.aggregates().isEmpty()) {
      kinds.remove(FindingKind.AGGREGATE_MISMATCH);
    }
    if (config.groups().isEmpty()
        || (config.window().failoverAt().isEmpty() && config.window().failbackAt().isEmpty())) {
      OFFSET_KINDS.forEach(kinds::remove);
    }
    return kinds;
  }

  /**
   * The kinds this run checked: those of {@link #checkedKinds}, less the offset kinds when the
   * offset checks found nothing to compare.
   */
  public Set<FindingKind> checked() {
    Set<FindingKind> checked = checkedKinds(config);
    if (offsets.checkedNothing()) {
      OFFSET_KINDS.forEach(checked::remove);
    }
    return checked;
  }

  /**
   * Finding kinds this run did not check; their absence from the findings is not a clean result.
   */
  public List<String> notChecked() {
    Set<FindingKind> checked = checked();
    List<String> not = new ArrayList<>();
    for (FindingKind k : FindingKind.values()) {
      if (!checked.contains(k)) {
        not.add(k.id());
      }
    }
    return not;
  }

  public long totalFindings() {
    return findings.values().stream().mapToLong(Long::longValue).sum();
  }

  public int exitCode() {
    return totalFindings() > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
  }

  public long unreadableTotal() {
    return plan.topics().stream()
        .mapToLong(t -> outcome.read().of(t.cluster(), t.topic()).unreadableTotal())
        .sum();
  }
}
