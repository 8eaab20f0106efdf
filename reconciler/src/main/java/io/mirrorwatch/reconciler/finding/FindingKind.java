package io.mirrorwatch.reconciler.finding;

/** The kinds of finding this version checks; {@link #id()} names them in reports and file names. */
public enum FindingKind {
  /** The same event ID produced more than once at the origin (MM2 copies are not counted). */
  DUPLICATE_PRODUCED("duplicate_produced"),
  /** The same source record copied more than once into one replica topic (MM2 is at-least-once). */
  DUPLICATE_REPLICATED("duplicate_replicated"),
  /** An event ID recorded more than once in the downstream output. */
  DUPLICATE_PROCESSED("duplicate_processed"),
  /** An event of the source of truth that never appears downstream. */
  UNPROCESSED("unprocessed"),
  /**
   * Written on the primary before the failover cutover, but not on DR at the cutover (realised
   * RPO).
   */
  STRANDED("stranded"),
  /** A bucket (and group key) whose totals differ beyond what event-level findings explain. */
  AGGREGATE_MISMATCH("aggregate_mismatch"),
  /**
   * A group started on the new cluster before the record after the last one it had consumed:
   * records re-read.
   */
  OFFSET_REGRESSION("offset_regression"),
  /** A group started on the new cluster past records it had never consumed: records skipped. */
  OFFSET_JUMP("offset_jump");

  private final String id;

  FindingKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
