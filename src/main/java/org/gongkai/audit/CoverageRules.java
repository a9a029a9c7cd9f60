package org.gongkai.audit;

import java.util.ArrayList;
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
 * When most of the district is missing (more than {@code audit.missing_district_share}), the
 * district's year is one finding listing the townships: the auditor asks the district once, and
 * twenty findings saying the same would bury the rest. A few missing townships are each a finding.
 * The gazetteer is the expected set: development zones and parks (开发区, 园区) are included,
 * with a note in the message, since whether they report on their own varies.
 */
final class CoverageRules {
  private static final int MAX_FILES_NAMED = 5;
  /** Townships named in the message of a district's finding; the evidence lists them all. */
  static final int MAX_TOWNSHIPS_NAMED = 10;

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
      List<Division> missing = expected.stream().filter(d -> !reporting.contains(d.code())).toList();
      if (missing.isEmpty()) {
        continue;
      }
      String fromFiles = "本区 " + year + " 年数据来自：" + named(files.getOrDefault(year, Set.of()));
      String counted = (expected.size() - missing.size()) + "/" + expected.size() + " 个乡镇有数据";
      if (missing.size() > cx.in.config().missingDistrictShare() * expected.size()) {
        out.add(district(cx, year, missing, expected.size(), rejected, fromFiles));
        continue;
      }
      for (Division d : missing) {
        RejectedRecord refused = rejected.get(year + "|" + d.code());
        StringBuilder msg = new StringBuilder().append(d.name()).append(' ').append(year)
            .append(refused != null ? " 年" + refused.text() + "，没有可用的数据（本区该年 " : " 年没有任何数据或报告（本区该年 ")
            .append(counted).append('）');
        Set<String> prior = present.get(year - 1);
        if (prior != null && prior.contains(d.code())) {
          msg.append("；").append(year - 1).append(" 年有数据");
        }
        if (zone(d)) {
          msg.append("；该单位为开发区/园区，如其信息由上级统一公开可忽略");
        }
        out.add(cx.township(Rule.MISSING_REPORT, d.code(), year, null, msg.toString(), fromFiles, null, null));
      }
    }
  }

  /**
   * One finding for a district-year where most townships have nothing: the first few named in the
   * message, every one (code, name, 数据被拒收 and why) in the evidence. value = townships
   * missing, reference_value = townships expected.
   */
  private static Finding district(AuditContext cx, int year, List<Division> missing, int expected,
      Map<String, RejectedRecord> rejected, String fromFiles) {
    List<String> shortNames = new ArrayList<>();
    List<String> full = new ArrayList<>();
    int refused = 0;
    for (Division d : missing) {
      RejectedRecord r = rejected.get(year + "|" + d.code());
      refused += r == null ? 0 : 1;
      String tag = (r != null ? "，数据被拒收" : "") + (zone(d) ? "，开发区/园区" : "");
      if (shortNames.size() < MAX_TOWNSHIPS_NAMED) {
        shortNames.add(d.name() + "（" + d.code() + tag + "）");
      }
      full.add(d.code() + " " + d.name() + (r != null ? " " + r.text() : "") + (zone(d) ? "（开发区/园区）" : ""));
    }
    String name = cx.name(cx.in.districtCode());
    StringBuilder msg = new StringBuilder().append(name).append(' ').append(year).append(" 年有 ").append(missing.size())
        .append(" 个乡镇没有任何数据或报告（本区该年 ").append(expected - missing.size()).append('/').append(expected)
        .append(" 个乡镇有数据，缺失超过 ").append(TrendRules.number(cx.in.config().missingDistrictShare() * 100))
        .append("%）：")
        .append(String.join("、", shortNames));
    if (missing.size() > shortNames.size()) {
      msg.append(" 等 ").append(missing.size()).append(" 个，完整名单见依据");
    }
    if (refused > 0) {
      msg.append("；其中 ").append(refused).append(" 个的数据被拒收（见依据与 rejects 表）");
    }
    return new Finding(Rule.MISSING_REPORT.code(), Rule.MISSING_REPORT.severity(), "district", cx.in.districtCode(),
        cx.in.districtCode(), year, null, msg.toString(), "缺失乡镇：" + String.join("; ", full) + "。" + fromFiles,
        (long) missing.size(), (long) expected);
  }

  private static boolean zone(Division d) {
    return d.name().contains("开发区") || d.name().contains("园区");
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
