package org.gongkai.table;

import static org.gongkai.table.TableSchema.Type.BOOLEAN;
import static org.gongkai.table.TableSchema.Type.DOUBLE;
import static org.gongkai.table.TableSchema.Type.INT;
import static org.gongkai.table.TableSchema.Type.LONG;
import static org.gongkai.table.TableSchema.Type.STRING;

import java.util.List;
import java.util.Map;
import org.gongkai.table.TableSchema.Column;
import org.gongkai.table.TableSchema.Type;

/** The output tables of DESIGN.md, their columns and documentation. */
public final class Tables {
  private Tables() {}

  private static Column req(String name, Type type, String doc) {
    return new Column(name, type, false, doc);
  }

  private static Column opt(String name, Type type, String doc) {
    return new Column(name, type, true, doc);
  }

  private static final List<Column> TOWNSHIP_REGION = List.of(
      req("province_code", STRING, "2-digit province code"),
      req("province_name", STRING, "province name"),
      req("city_code", STRING, "4-digit city code"),
      req("city_name", STRING, "city name"),
      req("district_code", STRING, "6-digit district (county) code"),
      req("district_name", STRING, "district name"),
      req("township_code", STRING, "9-digit township code"),
      req("township_name", STRING, "township name"));

  public static final TableSchema TOWNSHIP_METRICS = new TableSchema("township_metrics", concat(
      List.of(req("year", INT, "report year")),
      TOWNSHIP_REGION,
      List.of(
          req("metric", STRING, "metric key of the catalog"),
          req("metric_label", STRING, "Chinese label of the metric"),
          req("value", LONG, "the figure"),
          req("qualifier", STRING, "exact, lower_bound (余/多/以上) or approximate (约/左右)"),
          req("derived", BOOLEAN, "true when computed from other figures, not stated"),
          req("source", STRING, "source name in the job file"),
          req("source_file", STRING, "file the figure was read from"),
          req("locator", STRING, "line or character offset in that file"),
          opt("evidence", STRING, "the cell or sentence the figure was read from"))), true);

  public static final TableSchema ROLLUP = new TableSchema("rollup", List.of(
      req("level", STRING, "district, city or province"),
      req("region_code", STRING, "code of the region"),
      req("region_name", STRING, "name of the region"),
      req("year", INT, "report year"),
      req("metric", STRING, "metric key"),
      req("metric_label", STRING, "Chinese label of the metric"),
      req("units_expected", INT, "townships of the region in the gazetteer"),
      req("units_reporting", INT, "townships that state this metric this year"),
      req("sum", LONG, "sum over reporting townships"),
      req("sum_qualifier", STRING, "exact only if every part is exact"),
      req("min", LONG, "smallest township figure"),
      req("max", LONG, "largest township figure"),
      req("mean", DOUBLE, "mean over reporting townships"),
      req("median", DOUBLE, "exact median over reporting townships")), true);

  public static final TableSchema COMPARISON = new TableSchema("comparison", concat(
      List.of(req("year", INT, "report year")),
      TOWNSHIP_REGION,
      List.of(
          req("metric", STRING, "metric key"),
          req("metric_label", STRING, "Chinese label of the metric"),
          req("value", LONG, "the township's figure"),
          req("qualifier", STRING, "qualifier of the figure"),
          req("district_median", DOUBLE, "median of the district's reporting townships"),
          opt("share_of_district", DOUBLE, "value / district sum; null when the sum is 0"),
          req("rank_in_district", INT, "1 = highest; ties share a rank"),
          opt("robust_z", DOUBLE, "0.6745·(x − median)/MAD; null when MAD is 0 or fewer than 5 report"),
          opt("prior_value", LONG, "the township's figure the year before"),
          opt("change_ratio", DOUBLE, "(value − prior) / prior"))), true);

  public static final TableSchema FINDINGS = new TableSchema("findings", List.of(
      req("rule", STRING, "stable rule code"),
      req("severity", STRING, "error, warning or info"),
      req("level", STRING, "township or district"),
      req("region_code", STRING, "code of the township or district"),
      req("region_name", STRING, "its name"),
      req("district_code", STRING, "district the finding belongs to"),
      req("year", INT, "report year"),
      opt("metric", STRING, "metric concerned, if any"),
      req("message", STRING, "what is wrong, in Chinese"),
      opt("evidence", STRING, "figures, sources and locators behind it"),
      opt("value", LONG, "the figure found"),
      opt("reference_value", LONG, "the figure it was compared with"),
      opt("rank", INT, "1 = first to check among the district's findings (severity, how far off, size); null for a file's notice")),
      true);

  /** A district's own stated figures (its report, or a record naming it), beside its townships' sum. */
  public static final TableSchema REGION_METRICS = new TableSchema("region_metrics", List.of(
      req("year", INT, "report year"),
      req("level", STRING, "district"),
      req("region_code", STRING, "code of the region (6 digits for a district)"),
      req("region_name", STRING, "name of the region"),
      req("province_code", STRING, "2-digit province code"),
      req("province_name", STRING, "province name"),
      req("city_code", STRING, "4-digit city code"),
      req("city_name", STRING, "city name"),
      req("metric", STRING, "metric key of the catalog"),
      req("metric_label", STRING, "Chinese label of the metric"),
      req("value", LONG, "the region's own stated figure"),
      req("qualifier", STRING, "exact, lower_bound or approximate"),
      req("derived", BOOLEAN, "true when computed from other figures, not stated"),
      req("covers_townships", BOOLEAN, "the figure is taken to include the region's townships (checked by HIERARCHY_MISMATCH)"),
      opt("coverage", STRING, "why: 报告称「全区」, or the job's audit.region_reports_cover_townships; null when nothing says so"),
      req("units_expected", INT, "townships of the region in the gazetteer"),
      req("units_reporting", INT, "townships that state this metric this year"),
      opt("townships_sum", LONG, "sum over those townships (the rollup's sum); null when none states it"),
      opt("townships_sum_qualifier", STRING, "exact only if every township figure is exact"),
      req("source", STRING, "source name in the job file"),
      req("source_file", STRING, "file the figure was read from"),
      req("locator", STRING, "line or character offset in that file"),
      opt("evidence", STRING, "the cell or sentence the figure was read from")), true);

  public static final TableSchema REPORTS = new TableSchema("reports", concat(
      List.of(req("year", INT, "report year")),
      TOWNSHIP_REGION,
      List.of(
          req("source_file", STRING, "the report's file"),
          req("format", STRING, "prose or template"),
          opt("published_on", STRING, "publication date (ISO), from the page or the signature; null when none is stated"),
          req("published_where", STRING, "where the date was read, in Chinese (页面发布时间, 标题下日期, 报告末尾落款), or that none was found"),
          opt("published_evidence", STRING, "locator and text the date was read from"),
          req("deadline", STRING, "the date the report was due (ISO), by regime and level (audit.deadlines)"),
          opt("days_late", INT, "days after the deadline; null when on time or undated"),
          req("sections_found", STRING, "template sections found (总体情况；…), in template order"),
          req("sections_missing", STRING, "template sections missing; empty when none (or the text may be cut)"),
          req("tables_missing", STRING, "table sections with text but no table"),
          req("text_complete", BOOLEAN, "whether the text reaches the report's end (last section or closing date)"),
          req("text_table_mismatches", INT, "figures the text states differently from the report's own table"))), true);

  public static final TableSchema REJECTS = new TableSchema("rejects", List.of(
      req("source", STRING, "source name in the job file"),
      req("source_file", STRING, "file of the record"),
      req("locator", STRING, "line, record or offset"),
      opt("year", INT, "year of the record when it could be read"),
      opt("raw", STRING, "the record's text, truncated to 500 characters"),
      req("reason_code", STRING, "stable reason code"),
      req("reason", STRING, "readable reason naming the field and quoting the value")), false);

  /** Every table, in the order they are written and listed. */
  public static final List<TableSchema> ALL = List.of(TOWNSHIP_METRICS, ROLLUP, COMPARISON, FINDINGS, REGION_METRICS, REPORTS,
      REJECTS);

  public static final Map<String, TableSchema> BY_NAME = Map.of(
      TOWNSHIP_METRICS.name(), TOWNSHIP_METRICS,
      ROLLUP.name(), ROLLUP,
      COMPARISON.name(), COMPARISON,
      FINDINGS.name(), FINDINGS,
      REGION_METRICS.name(), REGION_METRICS,
      REPORTS.name(), REPORTS,
      REJECTS.name(), REJECTS);

  @SafeVarargs
  private static List<Column> concat(List<Column>... parts) {
    List<Column> out = new java.util.ArrayList<>();
    for (List<Column> p : parts) {
      out.addAll(p);
    }
    return out;
  }
}
