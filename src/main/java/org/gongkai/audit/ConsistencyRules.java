package org.gongkai.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.audit.AuditContext.Range;
import org.gongkai.model.Metric;
import org.gongkai.model.Observation;

/**
 * Figures of one township-year that contradict each other (errors): answered more hotline cases
 * than received, a part larger than its whole, applications that do not balance, outcomes that
 * do not add up to the completed total.
 *
 * <p>Estimates: a rule fires only when the stated figures contradict each other whatever the
 * estimates stand for. An exact figure is itself, a lower bound (1000余) is "at least", and an
 * approximate figure (约200) proves nothing either way, so a comparison that needs it is
 * skipped (the figure gets its own ESTIMATED_VALUE note). Derived figures take part like stated
 * ones; the evidence marks them （推算）.
 */
final class ConsistencyRules {
  static final String HOTLINE = "hotline_cases";
  static final String HOTLINE_RESPONDED = "hotline_cases_responded";
  static final String RECEIVED = "applications_received";
  static final String CARRIED_IN = "applications_carried_over_in";
  static final String COMPLETED = "applications_completed";
  static final String CARRIED_OUT = "applications_carried_over_out";

  /** Parts with a rule of their own, left out of PART_EXCEEDS_TOTAL. */
  private static final Set<String> OWN_RULE_PARTS = Set.of(HOTLINE_RESPONDED);
  /** Wholes whose parts are checked as a sum by OUTCOMES_SUM (which any single part exceeding it also trips). */
  private static final Set<String> SUM_RULE_WHOLES = Set.of(COMPLETED);

  private ConsistencyRules() {}

  static void evaluate(AuditContext cx, List<Finding> out) {
    List<Metric> parts = new ArrayList<>();
    List<Metric> outcomes = new ArrayList<>();
    for (Metric m : cx.in.catalog().metrics()) {
      if (m.within() == null) {
        continue;
      }
      if (m.within().equals(COMPLETED)) {
        outcomes.add(m);
      }
      if (!OWN_RULE_PARTS.contains(m.key()) && !SUM_RULE_WHOLES.contains(m.within())) {
        parts.add(m);
      }
    }
    for (String t : cx.townships()) {
      for (Map.Entry<Integer, Map<String, Observation>> e : cx.yearsOf(t).entrySet()) {
        int year = e.getKey();
        Map<String, Observation> f = e.getValue();
        hotline(cx, t, year, f, out);
        partsExceedingTotals(cx, t, year, f, parts, out);
        applicationBalance(cx, t, year, f, out);
        outcomesSum(cx, t, year, f, outcomes, out);
      }
    }
  }

  private static void hotline(AuditContext cx, String t, int year, Map<String, Observation> f, List<Finding> out) {
    Observation received = f.get(HOTLINE);
    Observation responded = f.get(HOTLINE_RESPONDED);
    if (Range.surelyGreater(Range.of(responded), Range.of(received))) {
      out.add(cx.township(Rule.HOTLINE_RESPONDED_GT_RECEIVED, t, year, HOTLINE_RESPONDED,
          cx.name(t) + " " + year + " 年" + cx.label(HOTLINE_RESPONDED) + "（" + AuditContext.show(responded) + "）大于"
              + cx.label(HOTLINE) + "（" + AuditContext.show(received) + "）：回复的件数不可能多于收到的件数",
          AuditContext.evidence(responded, received), responded.value(), received.value()));
    }
  }

  private static void partsExceedingTotals(
      AuditContext cx, String t, int year, Map<String, Observation> f, List<Metric> parts, List<Finding> out) {
    for (Metric m : parts) {
      Observation part = f.get(m.key());
      Observation whole = f.get(m.within());
      if (Range.surelyGreater(Range.of(part), Range.of(whole))) {
        out.add(cx.township(Rule.PART_EXCEEDS_TOTAL, t, year, m.key(),
            cx.name(t) + " " + year + " 年" + m.labelZh() + "（" + AuditContext.show(part) + "）大于其所属总数"
                + cx.label(m.within()) + "（" + AuditContext.show(whole) + "）",
            AuditContext.evidence(part, whole), part.value(), whole.value()));
      }
    }
  }

  /**
   * Received + carried over in = completed + carried over out. All four must be stated: a
   * missing carried-over figure is unknown, not zero, so the balance cannot be checked.
   */
  private static void applicationBalance(
      AuditContext cx, String t, int year, Map<String, Observation> f, List<Finding> out) {
    Observation received = f.get(RECEIVED);
    Observation in = f.get(CARRIED_IN);
    Observation completed = f.get(COMPLETED);
    Observation carriedOut = f.get(CARRIED_OUT);
    if (received == null || in == null || completed == null || carriedOut == null) {
      return;
    }
    Range incoming = Range.sum(Range.of(received), Range.of(in));
    Range outgoing = Range.sum(Range.of(completed), Range.of(carriedOut));
    if (Range.surelyDifferent(incoming, outgoing)) {
      long inSum = received.value() + in.value();
      long outSum = completed.value() + carriedOut.value();
      out.add(cx.township(Rule.APPLICATION_BALANCE, t, year, RECEIVED,
          cx.name(t) + " " + year + " 年依申请公开收支不平：本年新收 " + AuditContext.show(received) + " + 上年结转 "
              + AuditContext.show(in) + " = " + inSum + "，而办结 " + AuditContext.show(completed) + " + 结转下年度 "
              + AuditContext.show(carriedOut) + " = " + outSum,
          AuditContext.evidence(received, in, completed, carriedOut), inSum, outSum));
    }
  }

  /**
   * The six outcomes add up to the completed total. Fires when the stated outcomes already
   * exceed it, or when all six are stated and their sum differs. With some outcomes missing, a
   * sum below the total is not a contradiction (the missing ones may hold the difference).
   */
  private static void outcomesSum(
      AuditContext cx, String t, int year, Map<String, Observation> f, List<Metric> outcomes, List<Finding> out) {
    Observation completed = f.get(COMPLETED);
    if (completed == null || outcomes.isEmpty()) {
      return;
    }
    List<Observation> stated = new ArrayList<>();
    Range sum = new Range(0, 0);
    long plainSum = 0;
    List<String> terms = new ArrayList<>();
    for (Metric m : outcomes) {
      Observation o = f.get(m.key());
      if (o != null) {
        stated.add(o);
        sum = Range.sum(sum, Range.of(o));
        plainSum += o.value();
        terms.add(m.labelZh() + " " + AuditContext.show(o));
      }
    }
    if (stated.isEmpty()) {
      return;
    }
    boolean all = stated.size() == outcomes.size();
    Range total = Range.of(completed);
    if (Range.surelyGreater(sum, total) || (all && Range.surelyDifferent(sum, total))) {
      List<Observation> ev = new ArrayList<>(stated);
      ev.add(0, completed);
      out.add(cx.township(Rule.OUTCOMES_SUM, t, year, COMPLETED,
          cx.name(t) + " " + year + " 年各项办理结果之和（" + String.join(" + ", terms) + " = " + plainSum + "）与"
              + cx.label(COMPLETED) + "（" + AuditContext.show(completed) + "）不符"
              + (all ? "" : "（另有 " + (outcomes.size() - stated.size()) + " 项办理结果未填报，按未知处理）"),
          AuditContext.evidence(ev.toArray(new Observation[0])), plainSum, completed.value()));
    }
  }
}
