package org.gongkai.html;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.analysis.DistrictAnalysis;
import org.gongkai.audit.AuditConfig;
import org.gongkai.model.Division;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;
import org.gongkai.model.ReportFingerprint;

/**
 * A realistic report for tests: two districts, two years, every family, findings of every
 * severity, and township names that try to break out of HTML and spreadsheets.
 */
public final class HtmlReportFixture {
  private HtmlReportFixture() {}

  static final MetricCatalog CATALOG = MetricCatalog.standard();
  static final String SCRIPT_NAME = "<script>alert(1)</script>镇";
  static final String FORMULA_NAME = "=HYPERLINK(\"http://x\")";
  static final String QUOTE_NAME = "\"引号\" & '符号'乡";

  static final Gazetteer GAZ = Gazetteer.of(List.of(
      Gazetteer.division("34", "安徽省", null),
      Gazetteer.division("3415", "六安市", null),
      Gazetteer.division("341502", "金安区", null),
      Gazetteer.division("341502001", "中市街道", null),
      Gazetteer.division("341502002", "东市街道", null),
      Gazetteer.division("341502100", "木厂镇", null),
      Gazetteer.division("341502101", "马头镇", null),
      Gazetteer.division("341502102", "东桥镇", null),
      Gazetteer.division("341502201", QUOTE_NAME, null),
      Gazetteer.division("341503", "裕安区", null),
      Gazetteer.division("341503001", "鼓楼街道", null),
      Gazetteer.division("341503100", "苏埠镇", null),
      Gazetteer.division("341503101", SCRIPT_NAME, null),
      Gazetteer.division("341503102", FORMULA_NAME, null),
      Gazetteer.division("341503103", "顺河镇", null),
      Gazetteer.division("341503104", "独山镇", null),
      Gazetteer.division("341503105", "石婆店镇", null),
      Gazetteer.division("341503400", "六安高新技术产业开发区", null)));

  private static final String[] METRICS = {
    "published_total", "published_website", "published_other", "policy_interpretations", "applications_received",
    "applications_granted", "applications_completed", "hotline_cases", "hotline_cases_responded", "npc_suggestions",
    "cppcc_proposals", "admin_reconsiderations", "lawsuits"};

  /** Codes of {@code n} synthetic districts (110101, 110102, …), in code order. */
  public static List<String> districtCodes(int n) {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      codes.add(String.format("%02d%02d%02d", 11 + i / 100, 1 + (i / 10) % 10, 1 + i % 10));
    }
    return codes;
  }

  /** A gazetteer of these districts (县i), each with townships {@code <district>100…10(k-1)} (镇i-t). */
  public static Gazetteer gazetteer(List<String> districts, int townships) {
    List<Division> divisions = new ArrayList<>();
    for (int i = 0; i < districts.size(); i++) {
      String d = districts.get(i);
      divisions.add(Gazetteer.division(d, "县" + i, null));
      for (int t = 0; t < townships; t++) {
        divisions.add(Gazetteer.division(d + "10" + t, "镇" + i + "-" + t, null));
      }
    }
    return Gazetteer.of(divisions);
  }

  static Observation obs(int year, String t, String metric, long v, Qualifier q, int line) {
    return new Observation(year, t, metric, v, q, false, "fixture", 0, 0, "fixture-" + year + ".csv", "line " + line,
        line, q == Qualifier.EXACT ? Long.toString(v) : (q == Qualifier.LOWER_BOUND ? v + "余条" : "约" + v + "条"));
  }

  /** Figures of one township-year: plausible, varied by a seed. */
  static void township(List<Observation> out, int year, String code, int seed, int line) {
    long total = 300 + (seed * 37 % 400) + (year - 2017) * 40;
    long website = total * 2 / 3;
    long[] values = {total, website, total - website, 10 + seed % 20, 2 + seed % 4, 1 + seed % 4, 2 + seed % 4,
        40 + seed * 7 % 60, 40 + seed * 7 % 60, 1 + seed % 5, seed % 4, seed % 2, (seed + 1) % 2};
    for (int i = 0; i < METRICS.length; i++) {
      out.add(obs(year, code, METRICS[i], values[i], Qualifier.EXACT, line));
    }
  }

  static List<HtmlReport.Section> sections() {
    List<HtmlReport.Section> sections = new ArrayList<>();
    for (String district : List.of("341502", "341503")) {
      List<Observation> obs = new ArrayList<>();
      int line = 2;
      int seed = 1;
      for (int year : List.of(2017, 2018)) {
        for (var d : GAZ.townshipsOf(district)) {
          if (d.name().contains("开发区") && year == 2018) {
            continue; // MISSING_REPORT
          }
          township(obs, year, d.code(), seed++, line++);
        }
      }
      obs.removeIf(o -> o.year() == 2018 && o.townshipCode().equals("341503104") && o.metric().startsWith("hotline"));
      if (district.equals("341503")) {
        obs.add(obs(2018, "341503104", "hotline_cases", 40, Qualifier.EXACT, 90)); // error: 45 answered of 40
        obs.add(obs(2018, "341503104", "hotline_cases_responded", 45, Qualifier.EXACT, 90));
        obs.removeIf(o -> o.year() == 2018 && o.townshipCode().equals("341503101") && o.metric().equals("published_other"));
        obs.add(obs(2018, "341503101", "published_other", 1000, Qualifier.LOWER_BOUND, 91)); // info + outlier
        obs.removeIf(o -> o.year() == 2018 && o.townshipCode().equals("341503102") && o.metric().equals("npc_suggestions"));
        obs.add(obs(2018, "341503102", "npc_suggestions", 4, Qualifier.APPROXIMATE, 92));
      }
      DistrictAnalysis.Result r = DistrictAnalysis.analyse(district, obs, List.<ReportFingerprint>of(), GAZ, CATALOG,
          AuditConfig.defaults());
      sections.add(HtmlReport.section(district, List.of(2017, 2018), GAZ, CATALOG, r.rollup(), r.winners(),
          r.findings()));
    }
    return sections;
  }

  /** The job file's folder of the page's job. */
  static final String JOB_DIR = "/srv/jobs/luan";

  /** Two rejected records of 裕安区's townships, one of a file in the job's folder. */
  static java.util.Map<String, HtmlReportRejects.District> rejects() {
    return java.util.Map.of("341503", HtmlReportRejects.of("341503", List.of(
        new org.gongkai.model.RejectedRecord(2018, "341503100", "BAD_COUNT", JOB_DIR + "/data/yuan-2018.csv", "line 7"),
        new org.gongkai.model.RejectedRecord(2018, "341503104", "UNKNOWN_REGION", "/elsewhere/x.csv", "line 9")), GAZ));
  }

  static String page() {
    return HtmlReport.render("sample <test> & \"job\"", "2026-03-01", sections(),
        List.of(new HtmlReport.Fact("来源", "3 个（读取 120 条，拒收 5 条）"), new HtmlReport.Fact("版本", "0.1.0")),
        List.of(), rejects(), JOB_DIR);
  }
}
