package io.mirrorwatch.reconciler.checks.offsets;

import io.mirrorwatch.reconciler.finding.Finding;
import io.mirrorwatch.reconciler.source.offsets.CheckpointLog;
import io.mirrorwatch.reconciler.source.offsets.CommitHistory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything the offset checks found out, for the report: which cutovers were checked (and why not
 * the others), each group's positions, one comparison per partition, and how the commit logs read.
 *
 * @param notChecked the cutovers not checked, with the reason
 * @param checkpoints MM2's checkpoint topics read, one per checked cutover
 */
public record OffsetsOutcome(
    List<String> groups,
    List<Cutover> checked,
    Map<Cutover.Kind, String> notChecked,
    List<GroupPositions> positions,
    List<OffsetComparison> comparisons,
    List<CommitHistory> logs,
    List<CheckpointLog.Checkpoints> checkpoints) {

  public OffsetsOutcome {
    groups = List.copyOf(groups);
    checked = List.copyOf(checked);
    notChecked = new TreeMap<>(notChecked);
    positions = List.copyOf(positions);
    comparisons = List.copyOf(comparisons);
    logs = List.copyOf(logs);
    checkpoints = List.copyOf(checkpoints);
  }

  /**
   * Nothing checked, for the given reason (no groups configured, or a run without the offset
   * checks).
   */
  public static OffsetsOutcome notRun(String reason) {
    Map<Cutover.Kind, String> all = new TreeMap<>();
    for (Cutover.Kind k : Cutover.Kind.values()) {
      all.put(k, reason);
    }
    return new OffsetsOutcome(
        List.of(), List.of(), all, List.of(), List.of(), List.of(), List.of());
  }

  /** Whether no cutover at all was checked: then the offset finding kinds were not checked. */
  public boolean checkedNothing() {
    return checked.isEmpty();
  }

  public List<Finding> findings() {
    return comparisons.stream()
        .filter(c -> c instanceof OffsetComparison.Compared)
        .map(c -> OffsetFindings.of((OffsetComparison.Compared) c))
        .flatMap(Optional::stream)
        .toList();
  }

  public Optional<GroupPositions> positions(String group, Cutover.Kind kind) {
    return positions.stream()
        .filter(p -> p.group().equals(group) && p.cutover().kind() == kind)
        .findFirst();
  }
}
