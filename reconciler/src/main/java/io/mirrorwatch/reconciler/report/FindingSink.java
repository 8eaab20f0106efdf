package io.mirrorwatch.reconciler.report;

import io.mirrorwatch.reconciler.finding.Finding;

/**
 * Where the job's findings go, on the client: the report files in production, a list in tests.
 * Called from one thread, in no particular order, while the job runs.
 */
@FunctionalInterface
public interface FindingSink {
  void accept(Finding finding);
}
