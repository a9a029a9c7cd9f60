package org.gongkai.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.gongkai.model.Division;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;
import org.gongkai.model.Reject;
import org.gongkai.model.StatedFigure;
import org.gongkai.normalize.CountParser;
import org.gongkai.normalize.CountResult;
import org.gongkai.normalize.RegionResolution;
import org.gongkai.normalize.RegionResolver;
import org.gongkai.normalize.Text;
import org.gongkai.normalize.YearParser;

/**
 * One structured record (a CSV row, a JSON object) to observations, or to one reject. A
 * record is used whole or not at all: a single cell that is not a count rejects the record,
 * and the reason lists every bad cell, so that nothing is half-used or silently dropped. A record
 * of a district gives that district's own stated figures ({@link ReadSink#stated}).
 */
public final class RecordNormalizer {
  private static final int MAX_REASON_ITEMS = 5;
  private final SourceSpec source;
  private final RegionResolver resolver;
  /** The township of the record being normalised once known (or the near miss of its name): its reject names it. */
  private String townshipOfReject;
  private final long maxRecordChars;

  public RecordNormalizer(SourceSpec source, RegionResolver resolver, long maxRecordChars) {
    this.source = source;
    this.resolver = resolver;
    this.maxRecordChars = maxRecordChars;
  }

  /**
   * A record's cells in column order, with where it was found.
   *
   * @param cellLocators where each cell is (a workbook's {@code 2022年汇总!C7}), or null: the record's locator
   * @param remark the record's remark (a workbook's 备注 column), kept with each figure's evidence, or null
   */
  public record RawRecord(String file, String locator, long position, List<String> values, String raw, long chars,
      List<String> cellLocators, String remark) {
    public RawRecord(String file, String locator, long position, List<String> values, String raw, long chars) {
      this(file, locator, position, values, raw, chars, null, null);
    }

    String locatorOf(int column) {
      return cellLocators == null || column >= cellLocators.size() ? locator : cellLocators.get(column);
    }

    /** The remark as the 汇总表 shows it: stripped and abbreviated, null when blank. */
    String remarkText() {
      return remark == null || remark.isBlank() ? null : Text.abbreviate(remark.strip(), 100);
    }

    String evidenceOf(String cell) {
      String e = Text.abbreviate(cell.strip(), 200);
      return remark == null || remark.isBlank() ? e : e + "（备注：" + Text.abbreviate(remark.strip(), 100) + "）";
    }
  }

  /**
   * Normalises one record into the sink.
   *
   * @return true if the record was accepted, false if it became a reject
   */
  public boolean normalize(ColumnMapping mapping, RawRecord rec, ReadSink sink) {
    townshipOfReject = null;
    String problem = check(mapping, rec);
    if (problem != null) {
      return reject(rec, null, problem.substring(0, problem.indexOf(':')), problem.substring(problem.indexOf(':') + 2), sink);
    }
    String yearText = null;
    String name = null;
    String code = null;
    String district = null;
    for (int i = 0; i < rec.values().size() && i < mapping.size(); i++) {
      String t = mapping.target(i);
      String v = Text.strip(rec.values().get(i));
      if (t == null || v == null || v.isEmpty()) {
        continue;
      }
      switch (t) {
        case ColumnMapping.YEAR -> yearText = v;
        case ColumnMapping.REGION -> name = v;
        case ColumnMapping.REGION_CODE -> code = v;
        case ColumnMapping.DISTRICT -> district = v;
        default -> {}
      }
    }
    Integer year = source.year();
    if (yearText != null) {
      OptionalInt y = YearParser.parse(yearText);
      if (y.isEmpty()) {
        return reject(rec, null, "BAD_YEAR", "字段 " + headerOf(mapping, ColumnMapping.YEAR) + "：'" + Text.abbreviate(yearText, 40) + "' 不是 1990 至 2100 年之间的年份", sink);
      }
      year = y.getAsInt();
    }
    if (year == null) {
      return reject(rec, null, "MISSING_YEAR", "记录没有写年度，来源也没有默认年度（year）", sink);
    }
    Division township;
    RegionResolution byCode = code == null ? null : resolver.resolve(code);
    RegionResolution byName = name == null ? null : resolver.resolve(name, district, source.region());
    if (byCode == null && byName == null) {
      byName = resolver.resolve(null, district, source.region());
    }
    if (byCode instanceof RegionResolution.Unresolved u) {
      return reject(rec, year, u.reasonCode(), "字段 " + headerOf(mapping, ColumnMapping.REGION_CODE) + "：'" + Text.abbreviate(code, 40) + "' " + explain(u), sink);
    }
    Division region = byCode instanceof RegionResolution.Region rc ? rc.region()
        : byCode == null && byName instanceof RegionResolution.Region rn ? rn.region() : null;
    if (region != null) {
      if (byName != null && !(byName instanceof RegionResolution.Region rn && rn.region().code().equals(region.code()))) {
        return reject(rec, year, "REGION_MISMATCH", "代码 " + code + " 是" + region.name() + "，但名称写的是 '" + name + "'", sink);
      }
      township = region; // the district's own figures: stated beside its townships, not one of them
    } else if (byCode instanceof RegionResolution.Resolved rc) {
      if (byName instanceof RegionResolution.Resolved rn && !rn.township().code().equals(rc.township().code())) {
        return reject(rec, year, "REGION_MISMATCH", "代码 " + code + " 是" + rc.township().name() + "，但名称写的是 '" + name + "'（" + rn.township().code() + "）", sink);
      }
      township = rc.township();
    } else if (byName instanceof RegionResolution.Resolved rn) {
      township = rn.township();
    } else {
      RegionResolution.Unresolved u = (RegionResolution.Unresolved) byName;
      townshipOfReject = u.nearest();
      String field = name == null ? "地区" : "字段 " + headerOf(mapping, ColumnMapping.REGION) + "：'" + Text.abbreviate(name, 40) + "'";
      return reject(rec, year, u.reasonCode(), field + " " + explain(u), sink);
    }
    townshipOfReject = region == null ? township.code() : null;
    List<Observation> observations = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    String firstCode = null;
    for (int i = 0; i < rec.values().size() && i < mapping.size(); i++) {
      String metric = mapping.target(i);
      if (metric == null || mapping.isRole(i)) {
        continue;
      }
      String raw = rec.values().get(i);
      CountResult r = CountParser.parse(raw);
      if (r instanceof CountResult.Count c) {
        observations.add(observation(rec, i, year, township, metric, c.value(), c.qualifier(), raw));
      } else if (r instanceof CountResult.Invalid inv) {
        if (firstCode == null) {
          firstCode = inv.reasonCode();
        }
        if (bad.size() < MAX_REASON_ITEMS) {
          bad.add("字段 " + mapping.header(i) + "：'" + Text.abbreviate(raw.strip(), 40) + "' " + inv.explanation());
        }
      }
    }
    if (!bad.isEmpty()) {
      return reject(rec, year, firstCode, String.join("；", bad), sink);
    }
    if (observations.isEmpty()) {
      return reject(rec, year, "NO_FIGURES", "记录没有任何数字（指标单元格都为空，或没有指标列）", sink);
    }
    if (region != null) {
      observations.forEach(o -> sink.stated(new StatedFigure(o, null)));
    } else {
      observations.forEach(sink::observation);
    }
    return true;
  }

  /**
   * Rejects a record over the size limit before it is parsed (a JSON line), so that a huge line
   * costs no parse; the same reject {@link #normalize} would give.
   *
   * @return true if the record was too large and became a reject
   */
  public boolean rejectIfTooLarge(RawRecord rec, ReadSink sink) {
    if (rec.chars() <= maxRecordChars) {
      return false;
    }
    String problem = tooLarge(rec);
    return !reject(rec, null, "RECORD_TOO_LARGE", problem.substring(problem.indexOf(':') + 2), sink);
  }

  private String tooLarge(RawRecord rec) {
    return "RECORD_TOO_LARGE: 记录有 " + rec.chars() + " 个字符，超过上限 " + maxRecordChars + "（limits.max_record_bytes）";
  }

  private String check(ColumnMapping mapping, RawRecord rec) {
    if (rec.chars() > maxRecordChars) {
      return tooLarge(rec);
    }
    if (mapping.problem() != null) {
      return "DUPLICATE_COLUMN: " + mapping.problem();
    }
    // Bad bytes first: a wrong encoding can swallow separators, so the cell count would mislead.
    if (rec.raw() != null && rec.raw().indexOf('\uFFFD') >= 0) {
      return "BAD_ENCODING: 记录中有不是" + encodingName() + "的字节；请检查来源的 encoding（auto、utf-8、gb18030）"
          + (rec.values().size() < mapping.size()
              ? "；而且只有 " + rec.values().size() + " 个单元格，表头有 " + mapping.size() + " 列（文件被截断？）"
              : "");
    }
    if (rec.values().size() < mapping.size()) {
      return "MALFORMED_RECORD: " + rec.values().size() + " 个单元格，表头有 " + mapping.size()
          + " 列；记录不完整（文件被截断，或丢了分隔符？）";
    }
    if (rec.raw() != null && rec.raw().indexOf('\0') >= 0) {
      return "BINARY_DATA: 记录中有 NUL 字节；文件不是文本";
    }
    int extra = 0;
    for (int i = mapping.size(); i < rec.values().size(); i++) {
      if (rec.values().get(i) != null && !rec.values().get(i).isBlank()) {
        extra++;
      }
    }
    if (extra > 0) {
      return "MALFORMED_RECORD: " + rec.values().size() + " 个单元格，表头有 " + mapping.size() + " 列（" + extra + " 个非空单元格没有表头）";
    }
    return null;
  }

  private String encodingName() {
    return source.encoding().equals("auto") ? " UTF-8 或 GB18030 有效文本" : " " + source.encoding() + " ";
  }

  private Observation observation(RawRecord rec, int column, int year, Division township, String metric, long value, Qualifier q,
      String raw) {
    return new Observation(
        year, township.code(), metric, value, q, false, source.name(), source.order(), source.priority(),
        rec.file(), rec.locatorOf(column), rec.position(), rec.evidenceOf(raw), rec.remarkText());
  }

  private boolean reject(RawRecord rec, Integer year, String code, String reason, ReadSink sink) {
    sink.reject(new Reject(source.name(), rec.file(), rec.locator(), rec.position(), year, rec.raw(), code, reason,
        year == null ? null : townshipOfReject));
    townshipOfReject = null;
    return false;
  }

  private static String headerOf(ColumnMapping mapping, String role) {
    for (int i = 0; i < mapping.size(); i++) {
      if (role.equals(mapping.target(i))) {
        return mapping.header(i);
      }
    }
    return role;
  }

  private static String explain(RegionResolution.Unresolved u) {
    String s = u.explanation();
    if (!u.candidates().isEmpty()) {
      s += "；候选：" + String.join("，", u.candidates());
    }
    if (!u.didYouMean().isEmpty()) {
      s += "；您是否指：" + String.join("、", u.didYouMean());
    }
    return s;
  }
}
