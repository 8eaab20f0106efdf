package io.mirrorwatch.reconciler.source.offsets;

import io.mirrorwatch.common.cluster.ClusterConfig;
import java.time.Duration;
import java.util.Set;

/**
 * A cluster's consumer-group commit history. Contract: returns the records of {@code groups} from
 * the start of {@code __consumer_offsets} up to its end as it was when the call began, each group's
 * in log order; records it cannot decode are counted, not thrown. Throws {@link
 * IllegalStateException} when the cluster does not deliver all of that within {@code deadline}.
 */
public interface CommitLog {
  CommitHistory read(ClusterConfig cluster, Set<String> groups, Duration deadline);
}
