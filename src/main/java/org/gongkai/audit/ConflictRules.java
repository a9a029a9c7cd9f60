package org.gongkai.audit;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;
import org.gongkai.rollup.DuplicateConflict;

/**
 * Several sources state the same figure differently; which one won and why. Where the winner's
 * source has a higher priority than every other, the job said which to believe (a corrections
 * file over the export): that is CORRECTED_FIGURE, a note. Otherwise the tie was broken by rule
 * of thumb (stated over derived, exact over estimate, source order) and an auditor should look:
 * DUPLICATE_CONFLICT.
 */
final class ConflictRules {
  private ConflictRules() {}

  static void evaluate(AuditContext cx, List<Finding> out) {
    for (DuplicateConflict c : cx.in.conflicts()) {
      Observation w = c.winner();
      List<String> lost = new ArrayList<>();
      List<Observation> ev = new ArrayList<>();
      ev.add(w);
      for (Observation l : c.losers()) {
        lost.add(l.source() + " 的 " + AuditContext.show(l));
        ev.add(l);
      }
      Observation first = c.losers().get(0);
      boolean corrected = c.losers().stream().allMatch(l -> l.priority() < w.priority());
      out.add(cx.township(corrected ? Rule.CORRECTED_FIGURE : Rule.DUPLICATE_CONFLICT, w.townshipCode(), w.year(), w.metric(),
          cx.name(w.townshipCode()) + " " + w.year() + " 年" + cx.label(w.metric()) + "有 " + (c.losers().size() + 1)
              + " 个不一致的数值：采用 " + w.source() + " 的 " + AuditContext.show(w) + "，未采用 " + String.join("、", lost)
              + "（" + reason(w, first) + "）",
          AuditContext.evidence(ev.toArray(new Observation[0])), w.value(), first.value()));
    }
  }

  /** Why the winner beat the loser, in the order of the deduplicator's preference. */
  static String reason(Observation w, Observation l) {
    if (w.priority() != l.priority()) {
      return "来源 " + w.source() + " 的优先级 " + w.priority() + " 高于 " + l.source() + " 的 " + l.priority();
    }
    if (w.derived() != l.derived()) {
      return "原文填报的数字优先于推算的数字";
    }
    if ((w.qualifier() == Qualifier.EXACT) != (l.qualifier() == Qualifier.EXACT)) {
      return "确数优先于估计数";
    }
    if (w.sourceOrder() != l.sourceOrder()) {
      return "任务文件中来源 " + w.source() + " 排在 " + l.source() + " 之前";
    }
    if (!w.sourceFile().equals(l.sourceFile())) {
      return "文件 " + w.sourceFile() + " 排序在 " + l.sourceFile() + " 之前";
    }
    return "同一文件中较早的记录优先（" + w.locator() + " 先于 " + l.locator() + "）";
  }
}
