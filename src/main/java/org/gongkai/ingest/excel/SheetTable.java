package org.gongkai.ingest.excel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.ingest.ColumnMapping;
import org.gongkai.ingest.RecordNormalizer;
import org.gongkai.model.Notice;
import org.gongkai.model.Reject;
import org.gongkai.normalize.Text;
import org.gongkai.normalize.YearParser;

/**
 * One sheet, row by row: the first rows are held until the header is found (at most {@link
 * SheetHeader#SCAN_ROWS}), then each row is a record for the {@link RecordNormalizer}, exactly as
 * a CSV row is, a total row that is checked, or a note line below the table.
 */
final class SheetTable {
  private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d\\d)\\s*年");

  private final ExcelReader.Reading reading;
  private final String name;
  private final int number;
  private final boolean chosen; // named by the job file's sheet:
  private final List<SheetHeader.Row> held = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private SheetHeader header;
  private ColumnMapping mapping;
  private RecordNormalizer normalizer;
  private TotalCheck totals;
  private int notesFrom;
  private boolean afterTotal;
  private SheetHeader.Row leadingTotal;

  SheetTable(ExcelReader.Reading reading, String name, int number, boolean chosen) {
    this.reading = reading;
    this.name = name;
    this.number = number;
    this.chosen = chosen;
  }

  /** {@code 2022年汇总!}, quoted as Excel quotes a name with spaces or signs. */
  String ref() {
    if (ref == null) {
      ref = name.matches("[\\p{L}\\p{N}_]+") ? name + "!" : "'" + name.replace("'", "''") + "'!";
    }
    return ref;
  }

  private String ref;

  void row(SheetHeader.Row row) {
    if (rowsIgnored) {
      return;
    }
    if (header == null) {
      held.add(row);
      Integer at = reading.source().headerRow();
      if (held.size() >= SheetHeader.SCAN_ROWS + (at == null ? 0 : at) || at != null && row.number() > at + 1) {
        findHeader();
      }
      return;
    }
    data(row);
  }

  void end() {
    if (header == null && !rowsIgnored) {
      findHeader();
    }
    if (leadingTotal != null) {
      checkTotal(leadingTotal, label(leadingTotal), false);
      leadingTotal = null;
    }
    if (header != null && !notes.isEmpty()) {
      reading.notice(Notice.LINES_SKIPPED, ref() + "A" + notesFrom,
          "工作表「" + name + "」表格下方的 " + notes.size() + " 行是说明（注、填表人等），不是记录，未读取", String.join(" / ", notes));
    }
  }

  private void findHeader() {
    if (held.isEmpty() && header == null) {
      skipped("工作表「" + name + "」是空表，未读取", "");
      header = null;
      return;
    }
    var wb = reading.source().workbook();
    Map<String, String> overrides = reading.source().columns();
    SheetHeader h = SheetHeader.find(held, reading.source().headerRow(), wb.headerRows(), overrides, reading.catalog(), reading.words());
    List<SheetHeader.Row> rows = new ArrayList<>(held);
    held.clear();
    if (h == null || !h.valid() && reading.source().headerRow() == null) {
      String first = rows.isEmpty() ? "" : rows.get(0).joined();
      if (chosen) {
        reading.fileReject(ref() + "A1", first, "MISSING_HEADER", "工作表「" + name + "」的前 " + SheetHeader.SCAN_ROWS
            + " 行中没有表头（需有乡镇或区划代码列和至少一个指标列）；可在作业文件中用 header_row / columns 指明");
      } else {
        skipped("工作表「" + name + "」没有可识别的表头（需有乡镇或区划代码列和至少一个指标列），未读取", first);
      }
      header = null;
      rowsIgnored = true;
      return;
    }
    header = h;
    Map<String, String> columns = new LinkedHashMap<>(overrides);
    if (h.remark() >= 0) {
      columns.putIfAbsent(h.names().get(h.remark()), ColumnMapping.IGNORE);
    }
    if (h.serial() >= 0) {
      columns.putIfAbsent(h.names().get(h.serial()), ColumnMapping.IGNORE);
    }
    mapping = ColumnMapping.of(h.names(), columns, reading.catalog());
    totals = new TotalCheck(mapping, reading.catalog(), ref());
    List<String> above = new ArrayList<>();
    Integer year = reading.source().year() != null ? null : yearOf(name);
    for (SheetHeader.Row r : rows) {
      if (r.number() < h.firstRow()) {
        above.add(r.joined());
        if (year == null && reading.source().year() == null) {
          year = yearOf(r.joined());
        }
      }
    }
    normalizer = reading.normalizer(year);
    if (!above.isEmpty()) {
      reading.notice(Notice.LINES_SKIPPED, ref() + "1:" + (h.firstRow() - 1), "工作表「" + name + "」表头上方的 " + above.size()
          + " 行（标题、填报单位、填报日期等）不是记录，未读取", String.join(" / ", above));
    }
    for (String u : mapping.unmapped()) {
      reading.unmapped(name + "!" + u);
      reading.notice(Notice.UNMAPPED_COLUMN, ref() + Cell.columnName(h.names().indexOf(u)) + h.firstRow(),
          "工作表「" + name + "」的列「" + u + "」不是已知的指标或区划列，未读取；可在作业文件的 columns 中指明", u);
    }
    for (SheetHeader.Row r : rows) {
      if (r.number() > h.lastRow()) {
        data(r);
      }
    }
  }

  private boolean rowsIgnored;

  private void skipped(String message, String evidence) {
    reading.notice(Notice.SHEET_SKIPPED, name, message, evidence);
    rowsIgnored = true;
  }

  private static Integer yearOf(String text) {
    Matcher m = YEAR.matcher(text);
    if (m.find()) {
      OptionalInt y = YearParser.parse(m.group(1));
      return y.isPresent() ? y.getAsInt() : null;
    }
    return null;
  }

  private void data(SheetHeader.Row row) {
    if (mapping == null) {
      return;
    }
    WorkbookWords words = reading.words();
    int width = Math.max(mapping.size(), row.width());
    List<String> values = new ArrayList<>(width);
    List<String> where = new ArrayList<>(width);
    for (int c = 0; c < width; c++) {
      String t = row.text(c);
      values.add(t == null ? "" : t);
      where.add(ref() + Cell.columnName(c) + row.number());
    }
    String label = label(row);
    if (label != null && words.isTotal(label)) {
      reading.totalRow();
      boolean subtotal = words.isSubtotal(label);
      if (!subtotal && totals.coversNothing() && leadingTotal == null) {
        leadingTotal = row; // a 合计 right under the header: it covers the rows below, checked at the end
        return;
      }
      afterTotal = true;
      checkTotal(row, label, subtotal);
      return;
    }
    record(row, values, where, width);
  }

  /** A total row against the rows it covers: a notice for each difference, or for figures it cannot check. */
  private void checkTotal(SheetHeader.Row row, String label, boolean subtotal) {
    List<String> unchecked = new ArrayList<>();
    String diff = totals.check(row, subtotal, unchecked);
    String at = "工作表「" + name + "」第 " + row.number() + " 行「" + label.strip() + "」";
    if (diff != null) {
      reading.notice(Notice.TOTAL_ROW_MISMATCH, ref() + "A" + row.number(), at + "与所辖各行之和不符：" + diff, row.joined());
    }
    if (!unchecked.isEmpty()) {
      reading.notice(Notice.TOTAL_ROW_UNCHECKED, ref() + "A" + row.number(), at + "的公式没有缓存的计算结果（"
          + String.join("、", unchecked) + "），无法核对；请在 Excel 中打开并保存后再导出", row.joined());
    }
  }

  private void record(SheetHeader.Row row, List<String> values, List<String> where, int width) {
    String label = label(row);
    WorkbookWords words = reading.words();
    if (!hasFigure(row) && (afterTotal || label != null && words.isNote(label) || firstText(row) != null && words.isNote(firstText(row)))) {
      if (notes.isEmpty()) {
        notesFrom = row.number();
      }
      notes.add(row.joined());
      return;
    }
    totals.add(row);
    String locator = ref() + "A" + row.number() + ":" + Cell.columnName(width - 1) + row.number();
    String raw = String.join(",", values);
    long position = (long) number * 10_000_000L + row.number();
    List<String> uncached = new ArrayList<>();
    for (Cell c : row.cells()) {
      if (c.uncachedFormula() && mapping.target(c.column()) != null) {
        uncached.add(Cell.columnName(c.column()) + row.number());
      }
    }
    if (!uncached.isEmpty()) {
      reading.reject(new Reject(reading.source().name(), reading.file(), locator, position, reading.source().year(), raw,
          "FORMULA_NOT_CACHED", "单元格 " + String.join("、", uncached) + " 是公式，但文件中没有缓存的计算结果（由程序生成、未经 Excel 计算）；"
              + "请在 Excel 或 WPS 中打开、保存后再导出"));
      return;
    }
    String remark = header.remark() >= 0 ? Text.strip(row.text(header.remark())) : null;
    var rec = new RecordNormalizer.RawRecord(reading.file(), locator, position, values, raw, raw.length(), where, remark);
    reading.record(normalizer, mapping, rec);
  }

  /** The region cell's text, or the first text of the row's first columns (合计 may stand under 序号). */
  private String label(SheetHeader.Row row) {
    String r = row.text(header.region());
    if (r != null && !r.isBlank()) {
      return r;
    }
    for (Cell c : row.cells()) {
      if (c.column() > Math.max(header.region(), header.serial()) + 1) {
        break;
      }
      if (c.text() != null && !c.numeric() && !c.text().isBlank()) {
        return c.text();
      }
    }
    return null;
  }

  private static String firstText(SheetHeader.Row row) {
    return row.cells().isEmpty() ? null : row.cells().get(0).text();
  }

  private boolean hasFigure(SheetHeader.Row row) {
    for (Cell c : row.cells()) {
      String t = mapping.target(c.column());
      if (t != null && !mapping.isRole(c.column()) && !t.equals(ColumnMapping.IGNORE) && c.column() != header.remark()) {
        return true;
      }
    }
    return false;
  }

  boolean ignored() {
    return rowsIgnored;
  }
}
