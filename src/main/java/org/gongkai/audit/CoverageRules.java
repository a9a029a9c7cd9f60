package org.gongkai.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gongkai.model.Division;
import org.gongkai.model.Observation;
import org.gongkai.model.RejectedRecord;
import org.gongkai.model.ReportFingerprint;

/**
 * MISSING_REPORT: a township of the gazetteer with nothing (no figure, no report) in a year in
 * which its district reported, i.e. some other township of the district has data that year. A
 * township whose record for the year was rejected is said so (数据被拒收, the reason code and
 * where), never accused of sending nothing.
 * The gazetteer is the expected set: development zones and parks (开发区, 园区) are included,
 * with a note in the message, since whether they report on their own varies.
 */
final class CoverageRules {
  private static final int MAX_FILES_NAMED = 5;

  private CoverageRules() {}

  static void evaluate(AuditContext cx, List<Finding> out) {
    Map<Integer, Set<String>> present = new TreeMap<>();
    Map<Integer, Set<String>> files = new TreeMap<>();
    for (Map.Entry<Integer, TreeSet<String>> e : cx.townshipsByYear().entrySet()) {
      present.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).addAll(e.getValue());
    }
    for (Observation o : cx.in.winners()) {
      files.computeIfAbsent(o.year(), k -> new TreeSet<>()).add(o.sourceFile());
    }
    for (ReportFingerprint f : cx.in.fingerprints()) {
      present.computeIfAbsent(f.year(), k -> new TreeSet<>()).add(f.townshipCode());
      files.computeIfAbsent(f.year(), k -> new TreeSet<>()).add(f.sourceFile());
    }
    Map<String, RejectedRecord> rejected = new TreeMap<>(); // by year and township: its first rejected record
    for (RejectedRecord r : cx.in.rejected()) {
      rejected.putIfAbsent(r.year() + "|" + r.townshipCode(), r);
    }
    List<Division> expected = cx.in.gazetteer().townshipsOf(cx.in.districtCode());
    for (Map.Entry<Integer, Set<String>> e : present.entrySet()) {
      int year = e.getKey();
      Set<String> reporting = e.getValue();
      long reportingExpected = expected.stream().filter(d -> reporting.contains(d.code())).count();
      for (Division d : expected) {
        if (reporting.contains(d.code())) {
          continue;
        }
        RejectedRecord refused = rejected.get(year + "|" + d.code());
        StringBuilder msg = new StringBuilder().append(d.name()).append(' ').append(year)
            .append(refused != null ? " 年" + refused.text() + "，没有可用的数据（本区该年 " : " 年没有任何数据或报告（本区该年 ")
            .append(reportingExpected).append('/').append(expected.size()).append(" 个乡镇有数据）");
        Set<String> prior = present.get(year - 1);
        if (prior != null && prior.contains(d.code())) {
          msg.append("；").append(year - 1).append(" 年有数据");
        }
        if (d.name().contains("开发区") || d.name().contains("园区")) {
          msg.append("；该单位为开发区/园区，如其信息由上级统一公开可忽略");
        }
        out.add(cx.township(Rule.MISSING_REPORT, d.code(), year, null, msg.toString(),
            "本区 " + year + " 年数据来自：" + named(files.getOrDefault(year, Set.of())), null, null));
      }
    }
  }

  private static String named(Set<String> files) {
    StringBuilder b = new StringBuilder();
    int n = 0;
    for (String f : files) {
      if (n == MAX_FILES_NAMED) {
        b.append(" 等 ").append(files.size()).append(" 个文件");
        break;
      }
      if (n > 0) {
        b.append(", ");
      }
      b.append(f);
      n++;
    }
    return b.toString();
  }
}
