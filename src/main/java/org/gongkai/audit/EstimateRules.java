package org.gongkai.audit;

import java.util.List;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;

/**
 * ESTIMATED_VALUE: every winner that is not an exact count (1000余 = lower bound, 约200 =
 * approximate). It enters the district sums, which are then flagged as not exact.
 */
final class EstimateRules {
  private EstimateRules() {}

  static void evaluate(AuditContext cx, List<Finding> out) {
    for (Observation o : cx.in.winners()) {
      if (o.qualifier() == Qualifier.EXACT) {
        continue;
      }
      String kind = o.qualifier() == Qualifier.LOWER_BOUND
          ? "下限（实际不少于 " + o.value() + "）"
          : "约数（大约 " + o.value() + "）";
      String sumMark = o.qualifier() == Qualifier.LOWER_BOUND ? "“+”" : "“~”";
      out.add(cx.township(Rule.ESTIMATED_VALUE, o.townshipCode(), o.year(), o.metric(),
          cx.name(o.townshipCode()) + " " + o.year() + " 年" + cx.label(o.metric()) + "是估计值 "
              + AuditContext.show(o) + "，为" + kind + "：计入合计时按 " + o.value() + " 计，合计标注" + sumMark
              + "（不是确数）",
          AuditContext.evidence(o), o.value(), null));
    }
  }
}
