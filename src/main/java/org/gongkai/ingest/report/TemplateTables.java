package org.gongkai.ingest.report;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The labels of the template tables (国办公开办函〔2019〕60号 and its 2021 revision), as data:
 * rows, column labels and the metric each cell gives. Patterns match label keys (NFKC, no spaces
 * or punctuation, see {@code Text.key}).
 */
final class TemplateTables {
  private TemplateTables() {}

  /**
   * A row of table 三.
   *
   * @param metric the metric of a figure row, or of a group's total (null for a group's reason)
   * @param group for a reason row, the id of its group; for a group row, its own id
   * @param parts for a group, how many reasons the template lists (their sum is the group's figure)
   */
  record Row(String id, QuickPattern label, String metric, String group, int parts) {
    boolean isGroup() {
      return id.equals(group);
    }

    boolean isReason() {
      return group != null && !isGroup();
    }
  }

  private static Row row(String id, String label, String metric) {
    return new Row(id, QuickPattern.compile(label), metric, null, 0);
  }

  private static Row group(String id, String label, String metric, int parts) {
    return new Row(id, QuickPattern.compile(label), metric, id, parts);
  }

  private static Row reason(String group, int n, String label) {
    return new Row(group + "." + n, QuickPattern.compile(label), null, group, 0);
  }

  /** Table 三: 收到和处理政府信息公开申请情况. */
  static final List<Row> APPLICATION_ROWS =
      List.of(
          row("received", "本年新收", "applications_received"),
          row("carried_in", "上年结转", "applications_carried_over_in"),
          row("granted", "予以公开", "applications_granted"),
          row("partial", "部分公开", "applications_partially_granted"),
          group("denied", "不予公开", "applications_denied", 8),
          reason("denied", 1, "国家秘密"),
          reason("denied", 2, "法律行政法规禁止"),
          reason("denied", 3, "三安全一稳定|危及"),
          reason("denied", 4, "第三方合法权益"),
          reason("denied", 5, "内部事务"),
          reason("denied", 6, "过程性信息"),
          reason("denied", 7, "行政执法案卷"),
          reason("denied", 8, "行政查询事项"),
          group("unavailable", "无法提供", "applications_unavailable", 3),
          reason("unavailable", 1, "不掌握"),
          reason("unavailable", 2, "另行制作"),
          reason("unavailable", 3, "仍不明确"),
          group("not_processed", "不予处理", "applications_not_processed", 5),
          reason("not_processed", 1, "信访举报投诉"),
          reason("not_processed", 2, "重复申请"),
          reason("not_processed", 3, "公开出版物"),
          reason("not_processed", 4, "大量反复"),
          reason("not_processed", 5, "确认或重新出具"),
          group("other", "其他处理", "applications_other_outcome", 3),
          reason("other", 1, "逾期不补正"),
          reason("other", 2, "收费通知|缴纳费用"),
          reason("other", 3, "\\d其他$"),
          row("completed", "七总计|^总计$", "applications_completed"),
          row("carried_out", "结转下年", "applications_carried_over_out"));

  /** Leaf columns of table 三's header; the group header 法人或其他组织 is removed first. */
  static final List<String> APPLICANT_COLUMNS = List.of("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计");

  /** The same columns as patterns: header cells split across lines ("商业\n企业") still count once. */
  static final List<Pattern> APPLICANT_COLUMN_PATTERNS =
      List.of(Pattern.compile("自然人"), Pattern.compile("商业企业|商业"), Pattern.compile("科研机构|科研"),
          Pattern.compile("社会公益组织|社会公益|公益组织"), Pattern.compile("法律服务机构|法律服务"),
          Pattern.compile("其他"), Pattern.compile("总计"));

  static final String APPLICANT_GROUP = "法人或其他组织";

  /** Table 二 rows: label → metric prefix (null: a row of the template without a metric). */
  static final List<String[]> PUBLISHED_ROWS =
      List.of(
          new String[] {"行政规范性文件", "regulatory_docs"},
          new String[] {"规范性文件", "regulatory_docs"},
          new String[] {"规章", "rules"},
          new String[] {"行政许可", "licensing"},
          new String[] {"其他对外管理服务事项", null},
          new String[] {"行政处罚", "penalty"},
          new String[] {"行政强制", "coercion"},
          new String[] {"行政事业性收费", null},
          new String[] {"政府集中采购", null});

  /**
   * Table 二 column labels, longest first, with the metric suffix each gives and the layout it
   * belongs to. 本年新制作数量 of the 2019 layout is what 本年制发件数 became in 2021.
   */
  static final List<String[]> PUBLISHED_COLUMNS =
      List.of(
          new String[] {"本年新制作数量", "issued", "2019"},
          new String[] {"本年新公开数量", null, "2019"},
          new String[] {"对外公开总数量", null, "2019"},
          new String[] {"上一年项目数量", null, "2019"},
          new String[] {"本年增减", null, "2019"},
          new String[] {"采购项目数量", null, "2019"},
          new String[] {"采购总金额", null, "2019"},
          new String[] {"本年制发件数", "issued", "2021"},
          new String[] {"本年废止件数", "repealed", "2021"},
          new String[] {"现行有效件数", "in_force", "2021"},
          new String[] {"本年处理决定数量", "decisions", "2021"},
          new String[] {"本年收费金额", null, "2021"},
          new String[] {"处理决定数量", "decisions", null},
          // Fragments of header cells split over two lines in PDF text ("本年新 / 制作数量"):
          // the second lines come after all first lines, in column order.
          new String[] {"制作数量", "issued", "2019"},
          new String[] {"公开数量", null, "2019"},
          new String[] {"总数量", null, "2019"},
          new String[] {"项目数量", null, "2019"});

  /**
   * The headers of table 二's sub-tables as the templates print them, recognised by their words
   * in any order: PDF text interleaves the two lines of split header cells ("上一年 本年增/减
   * 处理决定数量 / 项目数量"), so positions of label fragments cannot be trusted, but the
   * template's column order can.
   *
   * @param all words that must all be in the header
   * @param columns the template's columns, each {label, metric suffix or null, layout}
   */
  record Header(String layout, List<String> all, List<String> none, List<String[]> columns) {
    boolean matches(String key) {
      return all.stream().allMatch(key::contains) && none.stream().noneMatch(key::contains);
    }
  }

  private static String[] col(String label, String suffix, String layout) {
    return new String[] {label, suffix, layout};
  }

  static final List<Header> PUBLISHED_HEADERS =
      List.of(
          new Header("2019", List.of("制作数量", "公开数量", "总数量"), List.of(),
              List.of(col("本年新制作数量", "issued", "2019"), col("本年新公开数量", null, "2019"), col("对外公开总数量", null, "2019"))),
          // Header cells cut short by the page ("本年新 | 本年新 | 对外公开总数量"): the template's order tells.
          new Header("2019", List.of("本年新本年新", "对外公开总数量"), List.of(),
              List.of(col("本年新制作数量", "issued", "2019"), col("本年新公开数量", null, "2019"), col("对外公开总数量", null, "2019"))),
          new Header("2019", List.of("上一年", "项目数量", "增减", "处理决定数量"), List.of(),
              List.of(col("上一年项目数量", null, "2019"), col("本年增减", null, "2019"), col("处理决定数量", "decisions", "2019"))),
          new Header("2019", List.of("上一年", "项目数量", "增减"), List.of("处理决定"),
              List.of(col("上一年项目数量", null, "2019"), col("本年增减", null, "2019"))),
          new Header("2021", List.of("本年制发件数", "本年废止件数", "现行有效件数"), List.of(),
              List.of(col("本年制发件数", "issued", "2021"), col("本年废止件数", "repealed", "2021"), col("现行有效件数", "in_force", "2021"))),
          new Header("2021", List.of("本年处理决定数量"), List.of("上一年", "增减"),
              List.<String[]>of(col("本年处理决定数量", "decisions", "2021"))));

  /** Which (row prefix, column suffix) pairs are metrics of the catalog. */
  static String publishedMetric(String prefix, String suffix) {
    if (prefix == null || suffix == null) {
      return null;
    }
    boolean documents = prefix.equals("rules") || prefix.equals("regulatory_docs");
    boolean decisions = suffix.equals("decisions");
    return documents != decisions ? prefix + "_" + suffix : null;
  }

  /** Table 四 leaf column labels (结果维持 … 总计), five per group. */
  static final Pattern LEGAL_LEAF = Pattern.compile("结果维持|结果纠正|其他结果|尚未审结|总计|维持|纠正|其他|尚未");
}
