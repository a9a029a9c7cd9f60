package org.gongkai.wide;

import org.gongkai.table.OutputFile;
import org.gongkai.table.TableWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.gongkai.model.Division;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.wide.WideTable.Block;
import org.gongkai.wide.WideTable.Cell;
import org.gongkai.wide.WideTable.Piece;
import org.gongkai.wide.WideTable.TownshipRow;

/**
 * Every 汇总表 file of one year, made in the last step from the pieces the groups staged: each
 * district's CSV and workbook (where the job writes them), then {@code all.csv} and {@code all.xlsx}. They are made here, not
 * by the groups, because their columns are the job's: the metrics that any district of the job
 * states that year, known only once every district is analysed (each group stages the metrics
 * it saw, a few keys). The prior year's pieces are read beside, district by district, for the
 * 同比 columns of the workbooks.
 */
final class WideYearFiles {
  static final List<String> SUMMARY_HEADER = List.of("县区代码", "县区名称", "所属地市", "报送情况");
  private static final WideWords WORDS = WideWords.STANDARD;

  private final String staging;
  private final boolean districtCsv;
  private final boolean districtWorkbooks;
  private final int year;
  private final List<String> metrics;
  private final boolean prior;
  private final SortedSet<String> districts;
  private final Gazetteer gazetteer;
  private final MetricCatalog catalog;
  private final boolean byProvince;
  private final java.util.Date created;
  private final List<OutputFile> out = new ArrayList<>();

  /**
   * @param metrics the year's columns, catalog order
   * @param prior whether the job has the year before (then each metric has its 同比 pair)
   * @param districts the districts of the job
   * @param runDate the run's date (2026-03-01), the workbooks' creation date
   * @param districtCsv whether each district gets its own CSV
   * @param districtWorkbooks whether each district gets its own workbook
   */
  WideYearFiles(String staging, int year, List<String> metrics, boolean prior, SortedSet<String> districts,
      Gazetteer gazetteer, MetricCatalog catalog, String runDate, boolean districtCsv, boolean districtWorkbooks) {
    this.districtCsv = districtCsv;
    this.districtWorkbooks = districtWorkbooks;
    this.created = java.util.Date.from(java.time.LocalDate.parse(runDate).atStartOfDay(java.time.ZoneOffset.UTC)
        .toInstant());
    this.staging = staging;
    this.year = year;
    this.metrics = List.copyOf(metrics);
    this.prior = prior;
    this.districts = new TreeSet<>(districts);
    this.gazetteer = gazetteer;
    this.catalog = catalog;
    TreeSet<String> provinces = new TreeSet<>();
    districts.forEach(d -> provinces.add(d.substring(0, Math.min(2, d.length()))));
    this.byProvince = provinces.size() > 1;
  }

  /** The figure columns of a row: what the year's files cost, about. */
  int columns() {
    return metrics.size() * (prior ? 3 : 1);
  }

  /** Writes the files; returns them, district files first, then all.csv and all.xlsx. */
  List<OutputFile> write() throws IOException {
    var combiner = new WideTable.Combiner(year, metrics, districts, gazetteer, catalog);
    String allXlsx = WideTable.allWorkbookPath(year);
    try (PieceStream now = new PieceStream(staging, year);
        PieceStream before = prior ? new PieceStream(staging, year - 1) : null;
        TableWriter.CsvFile csv = new TableWriter.CsvFile(staging, WideTable.allPath(year), combiner.header(), true);
        WideWorkbook all = WideWorkbook.streaming(created)) {
      WideWorkbook.Sheet summary = all.sheet(WORDS.summarySheet(), jobRegion(), year, SUMMARY_HEADER, metrics, prior,
          false, catalog);
      Map<String, Cell> grand = new LinkedHashMap<>();
      Map<String, Cell> grandBefore = new LinkedHashMap<>();
      int reporting = 0;
      int expected = 0;
      String sheetKey = null;
      WideWorkbook.Sheet area = null;
      long rows = 0;
      for (String code : districts) {
        Piece p = now.seek(code);
        Block priorBlock = null;
        if (before != null) {
          Piece q = before.seek(code);
          priorBlock = q == null ? null : q.block(year - 1);
        }
        if (p == null || p.block(year) == null) {
          p = WideTable.district(code, List.of(year), gazetteer, catalog, List.of()); // all 未报送
        } else {
          writeDistrict(p, priorBlock);
        }
        for (List<String> row : combiner.add(p)) {
          csv.write(row.toArray());
        }
        Block b = p.block(year);
        String key = areaCode(code);
        if (!key.equals(sheetKey)) {
          rows += area == null ? 0 : area.rows();
          sheetKey = key;
          area = all.sheet(gazetteer.nameOf(key), regionOf(key), year, WideTable.FIXED_HEADER, metrics, prior, true,
              catalog);
        }
        rows(area, p, b, priorBlock);
        summary.row(List.of(code, p.districtName(), cityName(code), WideTable.REPORTED + " " + b.reporting() + "/"
            + b.expected()), b.totals(), priorBlock == null ? null : priorBlock.totals(), null, false);
        b.totals().forEach((m, c) -> grand.merge(m, c, Cell::plus));
        if (priorBlock != null) {
          priorBlock.totals().forEach((m, c) -> grandBefore.merge(m, c, Cell::plus));
        }
        reporting += b.reporting();
        expected += b.expected();
      }
      for (List<String> row : combiner.finish()) {
        csv.write(row.toArray());
      }
      summary.row(List.of("", WideTable.GRAND_TOTAL, "", WideTable.REPORTED + " " + reporting + "/" + expected), grand,
          prior ? grandBefore : null, null, true);
      out.add(csv.finish());
      rows += summary.rows() + (area == null ? 0 : area.rows());
      out.add(save(all, allXlsx, rows));
    }
    return out;
  }

  /** The district's own files, those the job writes: its CSV and its workbook, with the job's columns. */
  private void writeDistrict(Piece p, Block priorBlock) throws IOException {
    if (districtCsv) {
      WideTable.Table t = p.table(year, metrics, catalog);
      out.add(TableWriter.writeCsv(staging, p.path(year), t.header(), t.records(), true));
    }
    if (!districtWorkbooks) {
      return;
    }
    try (WideWorkbook book = WideWorkbook.small(created)) {
      Division d = gazetteer.get(p.districtCode());
      WideWorkbook.Sheet sheet = book.sheet(p.districtName(), d == null ? p.districtName() : gazetteer.pathOf(d), year,
          WideTable.FIXED_HEADER, metrics, prior, true, catalog);
      rows(sheet, p, p.block(year), priorBlock);
      out.add(save(book, p.workbookPath(year), sheet.rows()));
    }
  }

  /** A district's townships, then its 合计, each with the prior year's figures when there are some. */
  private void rows(WideWorkbook.Sheet sheet, Piece p, Block b, Block priorBlock) throws IOException {
    Map<String, TownshipRow> earlier = new HashMap<>();
    if (priorBlock != null) {
      priorBlock.rows().forEach(r -> earlier.put(r.code(), r));
    }
    for (TownshipRow r : b.rows()) {
      TownshipRow e = earlier.get(r.code());
      sheet.row(List.of(r.code(), r.name(), p.districtName(), r.status()), r.cells(), e == null ? null : e.cells(),
          r.remark(), false);
    }
    sheet.row(List.of(p.districtCode(), WideTable.DISTRICT_TOTAL, p.districtName(), WideTable.REPORTED + " "
        + b.reporting() + "/" + b.expected()), b.totals(), priorBlock == null ? null : priorBlock.totals(), null, true);
  }

  private OutputFile save(WideWorkbook book, String rel, long rows) throws IOException {
    TableWriter.Files.CountingChannel channel = TableWriter.Files.create(staging, rel);
    try (OutputStream o = Channels.newOutputStream(channel)) {
      book.write(o);
    }
    return new OutputFile(rel, rows, channel.bytes());
  }

  /** The sheet a district goes on in all.xlsx: its city's, or its province's when the job spans provinces. */
  private String areaCode(String district) {
    Division d = gazetteer.get(district);
    String code = d == null ? null : byProvince ? d.provinceCode() : d.cityCode();
    return code != null ? code : district.substring(0, byProvince ? 2 : 4);
  }

  private String regionOf(String code) {
    Division d = gazetteer.get(code);
    return d == null ? code : gazetteer.pathOf(d);
  }

  private String cityName(String district) {
    Division d = gazetteer.get(district);
    return d == null || d.cityCode() == null ? "" : gazetteer.nameOf(d.cityCode());
  }

  /** The region of the whole job: the province, the city or the district all its districts share. */
  private String jobRegion() {
    String first = districts.isEmpty() ? "" : districts.first();
    String last = districts.isEmpty() ? "" : districts.last();
    for (int n : new int[] {6, 4, 2}) {
      if (first.length() >= n && last.length() >= n && first.substring(0, n).equals(last.substring(0, n))) {
        return regionOf(first.substring(0, n));
      }
    }
    return "全部";
  }
}
