package io.mirrorwatch.reconciler.source.offsets;

import java.util.List;
import java.util.Map;

/**
 * The configured groups' records in one cluster's {@code __consumer_offsets}, each group's in log
 * order, plus what was read and what could not be decoded.
 *
 * @param byGroup every configured group, with its records in log order (empty: none found)
 * @param read records read from {@code __consumer_offsets}, of every group
 * @param undecodable records the group coordinator's classes could not decode
 * @param examples the first few undecodable records
 */
public record CommitHistory(
    String cluster,
    Map<String, List<GroupRecord>> byGroup,
    long read,
    long undecodable,
    List<GroupRecordDecoder.Result.Undecodable> examples) {
  public static final int EXAMPLES = 5;

  public CommitHistory {
    byGroup = Map.copyOf(byGroup);
    examples = List.copyOf(examples);
  }

  public List<GroupRecord> of(String group) {
    return byGroup.getOrDefault(group, List.of());
  }
}
