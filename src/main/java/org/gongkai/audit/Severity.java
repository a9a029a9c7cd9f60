package org.gongkai.audit;

/** How serious a finding is; errors first wherever findings are listed. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
