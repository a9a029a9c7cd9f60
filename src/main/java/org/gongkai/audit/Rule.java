package org.gongkai.audit;

/**
 * The audit rules: each has a stable code (the {@code rule} column of {@code findings}) and a
 * fixed severity. docs/audit-rules.md documents when each fires and the message it writes.
 */
public enum Rule {
  HOTLINE_RESPONDED_GT_RECEIVED(Severity.ERROR),
  PART_EXCEEDS_TOTAL(Severity.ERROR),
  APPLICATION_BALANCE(Severity.ERROR),
  OUTCOMES_SUM(Severity.ERROR),
  DUPLICATE_CONFLICT(Severity.WARNING),
  MISSING_REPORT(Severity.WARNING),
  OUTLIER(Severity.WARNING),
  YOY_JUMP(Severity.WARNING),
  CARRYOVER_MISMATCH(Severity.WARNING),
  REPORT_REUSED(Severity.WARNING),
  HIERARCHY_MISMATCH(Severity.WARNING),
  LATE_PUBLICATION(Severity.WARNING),
  REPORT_SECTION_MISSING(Severity.WARNING),
  TEXT_TABLE_MISMATCH(Severity.WARNING),
  CORRECTED_FIGURE(Severity.INFO),
  ESTIMATED_VALUE(Severity.INFO);

  private final Severity severity;

  Rule(Severity severity) {
    this.severity = severity;
  }

  /** The stable code written in the {@code rule} column. */
  public String code() {
    return name();
  }

  public Severity severity() {
    return severity;
  }
}
