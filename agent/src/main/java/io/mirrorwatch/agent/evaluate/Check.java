package io.mirrorwatch.agent.evaluate;

import java.util.Locale;

/** The runbook's four failover preconditions (section 1). */
public enum Check {
  REPLICATION,
  OFFSET_TRANSLATION,
  INDIRECTION,
  IDEMPOTENCY;

  /** The label value: {@code replication}, {@code offset_translation}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
