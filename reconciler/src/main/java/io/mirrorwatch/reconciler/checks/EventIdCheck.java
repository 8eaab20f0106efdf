package io.mirrorwatch.reconciler.checks;

import io.mirrorwatch.reconciler.finding.Finding;
import java.io.Serializable;
import java.util.List;

/**
 * A check that needs every record of one event ID, and nothing else. Pure: the same records give
 * the same findings. All such checks run in one keyed Flink operator ({@link
 * EventIdChecksOperator}), so the records are shuffled and sorted by event ID once, not once per
 * check.
 */
public interface EventIdCheck extends Serializable {
  List<Finding> check(EventRecords records);
}
