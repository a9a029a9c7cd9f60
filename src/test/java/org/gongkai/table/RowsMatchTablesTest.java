package org.gongkai.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.audit.ComparisonRow;
import org.gongkai.audit.Deadlines;
import org.gongkai.audit.StatedComparison;
import org.gongkai.audit.Finding;
import org.gongkai.audit.Severity;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;
import org.gongkai.model.Reject;
import org.gongkai.model.ReportFacts;
import org.gongkai.model.ReportFingerprint;
import org.gongkai.model.StatedFigure;
import org.gongkai.rollup.RollupRow;
import org.junit.jupiter.api.Test;

/**
 * {@link Rows} builds rows by position and {@link Tables} names the columns: each table's row of a
 * record whose every field differs is checked column by column against what that column must
 * hold, by name, so a column added, dropped or swapped on one side only fails here.
 */
class RowsMatchTablesTest {
  private static final Gazetteer GAZ = Gazetteer.of(List.of(
      Gazetteer.division("34", "安徽省", null),
      Gazetteer.division("3415", "六安市", null),
      Gazetteer.division("341502", "金安区", null),
      Gazetteer.division("341502100", "木厂镇", null)));
  private static final Rows ROWS = new Rows(GAZ, MetricCatalog.standard());
  private static final Map<String, Object> REGION = Map.of(
      "province_code", "34", "province_name", "安徽省", "city_code", "3415", "city_name", "六安市",
      "district_code", "341502", "district_name", "金安区", "township_code", "341502100", "township_name", "木厂镇");

  @Test
  void townshipMetricRowsHoldWhatTheirColumnsSay() {
    Observation o = new Observation(2023, "341502100", "published_total", 151, Qualifier.LOWER_BOUND, true,
        "reports", 3, 2, "reports/木厂镇.txt", "line 7", 99, "主动公开151余条");
    Map<String, Object> want = new LinkedHashMap<>(REGION);
    want.putAll(Map.of("year", 2023, "metric", "published_total", "metric_label", label("published_total"),
        "value", 151L, "qualifier", "lower_bound", "derived", true, "source", "reports",
        "source_file", "reports/木厂镇.txt", "locator", "line 7", "evidence", "主动公开151余条"));
    check(Tables.TOWNSHIP_METRICS, ROWS.townshipMetric(o), want);
  }

  @Test
  void rollupRowsHoldWhatTheirColumnsSay() {
    RollupRow r = new RollupRow("district", "341502", 2022, "published_total", 17, 12, 5000, Qualifier.APPROXIMATE,
        3, 900, 416.5, 380.0);
    check(Tables.ROLLUP, ROWS.rollup(r), Map.ofEntries(
        Map.entry("level", "district"), Map.entry("region_code", "341502"), Map.entry("region_name", "金安区"),
        Map.entry("year", 2022), Map.entry("metric", "published_total"),
        Map.entry("metric_label", label("published_total")), Map.entry("units_expected", 17),
        Map.entry("units_reporting", 12), Map.entry("sum", 5000L), Map.entry("sum_qualifier", "approximate"),
        Map.entry("min", 3L), Map.entry("max", 900L), Map.entry("mean", 416.5), Map.entry("median", 380.0)));
  }

  @Test
  void comparisonRowsHoldWhatTheirColumnsSay() {
    ComparisonRow c = new ComparisonRow(2021, "341502100", "published_total", 40, Qualifier.EXACT, 31.5, 0.25, 4,
        1.75, 36L, 0.111);
    Map<String, Object> want = new LinkedHashMap<>(REGION);
    want.putAll(Map.of("year", 2021, "metric", "published_total", "metric_label", label("published_total"),
        "value", 40L, "qualifier", "exact", "district_median", 31.5, "share_of_district", 0.25,
        "rank_in_district", 4, "robust_z", 1.75, "prior_value", 36L));
    want.put("change_ratio", 0.111);
    check(Tables.COMPARISON, ROWS.comparison(c), want);
  }

  @Test
  void findingRowsHoldWhatTheirColumnsSay() {
    Finding f = new Finding("OUTLIER", Severity.WARNING, "township", "341502100", "341502", 2020, "published_total",
        "远高于本区", "reports/a.txt line 3", 900L, 40L);
    check(Tables.FINDINGS, ROWS.finding(f, 3), Map.ofEntries(Map.entry("rank", 3),
        Map.entry("rule", "OUTLIER"), Map.entry("severity", "warning"), Map.entry("level", "township"),
        Map.entry("region_code", "341502100"), Map.entry("region_name", "木厂镇"), Map.entry("district_code", "341502"),
        Map.entry("year", 2020), Map.entry("metric", "published_total"), Map.entry("message", "远高于本区"),
        Map.entry("evidence", "reports/a.txt line 3"), Map.entry("value", 900L), Map.entry("reference_value", 40L)));
  }

  @Test
  void regionMetricRowsHoldWhatTheirColumnsSay() {
    Observation o = new Observation(2023, "341502", "published_total", 300, Qualifier.EXACT, false,
        "district_reports", 1, 0, "reports/金安区.html", "table 2 row 1", 5, "主动公开300条");
    StatedComparison s = new StatedComparison(new StatedFigure(o, "报告称「全区」"), "报告称「全区」", 17, 12, 320L,
        Qualifier.LOWER_BOUND);
    check(Tables.REGION_METRICS, ROWS.regionMetric(s), Map.ofEntries(
        Map.entry("year", 2023), Map.entry("level", "district"), Map.entry("region_code", "341502"),
        Map.entry("region_name", "金安区"), Map.entry("province_code", "34"), Map.entry("province_name", "安徽省"),
        Map.entry("city_code", "3415"), Map.entry("city_name", "六安市"), Map.entry("metric", "published_total"),
        Map.entry("metric_label", label("published_total")), Map.entry("value", 300L), Map.entry("qualifier", "exact"),
        Map.entry("derived", false), Map.entry("covers_townships", true), Map.entry("coverage", "报告称「全区」"),
        Map.entry("units_expected", 17), Map.entry("units_reporting", 12), Map.entry("townships_sum", 320L),
        Map.entry("townships_sum_qualifier", "lower_bound"), Map.entry("source", "district_reports"),
        Map.entry("source_file", "reports/金安区.html"), Map.entry("locator", "table 2 row 1"),
        Map.entry("evidence", "主动公开300条")));
  }

  @Test
  void reportRowsHoldWhatTheirColumnsSay() {
    ReportFacts facts = new ReportFacts("template", "2024-02-05", "page", "line 2", "发布时间：2024-02-05",
        List.of("overview", "published"), List.of("legal"), List.of("applications"), true,
        List.of(new ReportFacts.Mismatch("applications_received", "9", "offset 10", "收到申请9件", 3, "table 3 row 1", "3")));
    ReportFingerprint r = new ReportFingerprint(2023, "341502100", "reports/木厂镇.html", new int[] {1, 2}, facts);
    Map<String, Object> want = new LinkedHashMap<>(REGION);
    want.putAll(Map.of("year", 2023, "source_file", "reports/木厂镇.html", "format", "template",
        "published_on", "2024-02-05", "published_where", "页面发布时间", "published_evidence", "line 2「发布时间：2024-02-05」",
        "deadline", "2024-01-31", "days_late", 5, "sections_found", "一、总体情况；二、主动公开政府信息情况",
        "sections_missing", "四、政府信息公开行政复议、行政诉讼情况"));
    want.putAll(Map.of("tables_missing", "三、收到和处理政府信息公开申请情况", "text_complete", true, "text_table_mismatches", 1));
    check(Tables.REPORTS, ROWS.report(r, Deadlines.defaults()), want);
  }

  @Test
  void rejectRowsHoldWhatTheirColumnsSay() {
    Reject r = new Reject("records", "records/a.csv", "line 4", 4, 2019, "木厂镇,abc", "BAD_COUNT", "数字无法识别", "341502100");
    check(Tables.REJECTS, Rows.reject(r), Map.of("source", "records", "source_file", "records/a.csv", "locator", "line 4",
        "year", 2019, "raw", "木厂镇,abc", "reason_code", "BAD_COUNT", "reason", "数字无法识别"));
  }

  @Test
  void everyTableIsCheckedHere() {
    assertEquals(List.of("township_metrics", "rollup", "comparison", "findings", "region_metrics", "reports", "rejects"),
        Tables.ALL.stream().map(TableSchema::name).toList(), "a new table needs its check in this class");
  }

  private static String label(String metric) {
    return MetricCatalog.standard().byKey(metric).orElseThrow().labelZh();
  }

  private static void check(TableSchema table, Object[] row, Map<String, Object> want) {
    assertEquals(table.columns().size(), row.length, table.name() + ": row width");
    assertEquals(want.keySet(), table.columns().stream().map(TableSchema.Column::name)
        .collect(java.util.stream.Collectors.toSet()), table.name() + ": the columns this test expects");
    for (int i = 0; i < row.length; i++) {
      TableSchema.Column col = table.columns().get(i);
      Object expected = want.get(col.name());
      assertEquals(expected, row[i], table.name() + "." + col.name());
      if (!col.nullable()) {
        assertNotNull(row[i], table.name() + "." + col.name() + " is required");
      }
      if (row[i] != null) {
        assertTrue(javaType(col.type()).isInstance(row[i]),
            table.name() + "." + col.name() + " is " + col.type() + " but the row holds " + row[i].getClass().getSimpleName());
      }
    }
  }

  private static Class<?> javaType(TableSchema.Type t) {
    return switch (t) {
      case STRING -> String.class;
      case INT -> Integer.class;
      case LONG -> Long.class;
      case DOUBLE -> Double.class;
      case BOOLEAN -> Boolean.class;
    };
  }
}
