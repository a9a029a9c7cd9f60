package org.gongkai.audit;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.model.Observation;
import org.gongkai.rollup.DuplicateConflict;

/** The audit rules of one district. Findings come out errors first, then by year and region. */
public final class AuditRules {
  private AuditRules() {}

  public static List<Finding> evaluate(AuditInput in) {
    List<Finding> findings = new ArrayList<>();
    for (DuplicateConflict c : in.conflicts()) {
      Observation w = c.winner();
      Observation l = c.losers().get(0);
      findings.add(new Finding("DUPLICATE_CONFLICT", Severity.WARNING, "township", w.townshipCode(), in.districtCode(),
          w.year(), w.metric(),
          "多个来源给出不同数值：采用 " + w.source() + " 的 " + w.value() + "，未采用 " + l.source() + " 的 " + l.value() + "（" + c.decidedBy() + "）",
          w.sourceFile() + " " + w.locator() + " vs " + l.sourceFile() + " " + l.locator(), w.value(), l.value()));
    }
    return findings;
  }
}
