package org.gongkai.wide;

import org.gongkai.table.OutputFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;
import org.gongkai.rollup.Obs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 汇总表 files of the last step, read back as an analyst opens them: the workbooks with POI
 * (numeric cells, estimates marked, 同比 pair, 合计, frozen header), the CSV files of a year all
 * with the same columns, the whole-job files only with the job's districts.
 */
class WideWorkbookTest {
  /** How a spreadsheet shows a cell: its value through its number format. */
  private static final DataFormatter SHOWN = new DataFormatter(java.util.Locale.ROOT);
  private static final MetricCatalog CATALOG = MetricCatalog.standard();
  // Two cities of one province; the gazetteer also knows a district the job has no data for.
  private static final Gazetteer GAZ = Gazetteer.of(List.of(
      Gazetteer.division("34", "安徽省", null),
      Gazetteer.division("3415", "六安市", null),
      Gazetteer.division("341502", "金安区", null),
      Gazetteer.division("341502001", "中市街道", null),
      Gazetteer.division("341502100", "木厂镇", null),
      Gazetteer.division("341503", "裕安区", null),
      Gazetteer.division("341503100", "苏埠镇", null),
      Gazetteer.division("341503101", "=HYPERLINK(\"http://x\")", null),
      Gazetteer.division("3418", "宣城市", null),
      Gazetteer.division("341802", "宣州区", null),
      Gazetteer.division("341802100", "水阳镇", null),
      Gazetteer.division("341803", "郎溪县", null),
      Gazetteer.division("341803100", "建平镇", null)));

  @TempDir static Path staging;
  static List<OutputFile> written;

  @BeforeAll
  static void writeFiles() throws Exception {
    List<Observation> jinan = List.of(
        Obs.of(2017, "341502001", "hotline_cases", 40),
        Obs.of(2017, "341502100", "hotline_cases", 900, Qualifier.LOWER_BOUND, "s", 0, 0, 1),
        Obs.of(2018, "341502001", "hotline_cases", 55),
        Obs.of(2018, "341502100", "hotline_cases", 1000, Qualifier.LOWER_BOUND, "s", 0, 0, 2));
    List<Observation> yuan = List.of(
        new Observation(2018, "341503100", "hotline_cases", 7, Qualifier.EXACT, false, "s", 0, 0, "s.csv", "line 5", 5,
            "7（备注：含电话咨询）", "含电话咨询"),
        Obs.of(2018, "341503100", "npc_suggestions", 3), // stated by this district only
        Obs.of(2018, "341503101", "npc_suggestions", 200, Qualifier.APPROXIMATE, "s", 0, 0, 3));
    List<Observation> xuanzhou = List.of(Obs.of(2017, "341802100", "hotline_cases", 12)); // no 2018
    pieces = List.of(WideTable.district("341502", null, GAZ, CATALOG, jinan),
        WideTable.district("341503", null, GAZ, CATALOG, yuan), WideTable.district("341802", null, GAZ, CATALOG, xuanzhou));
    stage(staging);
    written = WholeJobFiles.writeAll(staging.toString(), GAZ, CATALOG, "job", "2026-03-01", List.of());
  }

  private static List<WideTable.Piece> pieces;

  /** The districts' pieces as two groups stage them. */
  private static void stage(Path dir) throws Exception {
    try (WholeJobFiles.GroupParts g0 = new WholeJobFiles.GroupParts(dir.toString(), "g00000");
        WholeJobFiles.GroupParts g1 = new WholeJobFiles.GroupParts(dir.toString(), "g00001")) {
      g0.add(pieces.get(0));
      g1.add(pieces.get(1));
      g0.add(pieces.get(2));
    }
  }

  /** A job that asks for no district files gets the whole-job 汇总表 only, the same as with them. */
  @Test
  void withoutDistrictFilesTheWholeJobFilesAreTheSame(@TempDir Path other) throws Exception {
    stage(other);
    List<OutputFile> only = WholeJobFiles.writeAll(other.toString(), GAZ, CATALOG, "job", "2026-03-01", List.of(),
        List.of(), null, 10, new org.gongkai.job.JobSpec.Outputs("", List.of(), false, false, true, true));
    List<String> paths = only.stream().map(OutputFile::path).toList();
    assertEquals(List.of("wide/2017/all.csv", "wide/2017/all.xlsx", "wide/2018/all.csv", "wide/2018/all.xlsx",
        WholeJobFiles.REPORT), paths);
    for (String p : List.of("wide/2017/all.csv", "wide/2018/all.csv", "wide/2018/all.xlsx")) {
      assertEquals(java.util.Arrays.toString(Files.readAllBytes(staging.resolve(p))),
          java.util.Arrays.toString(Files.readAllBytes(other.resolve(p))), p);
    }
    assertTrue(written.stream().anyMatch(f -> f.path().equals("wide/2018/341502-金安区.csv")), "by default, with them");
    try (Stream<Path> files = Files.walk(other.resolve("wide"))) {
      assertEquals(4, files.filter(Files::isRegularFile).count(), "nothing else written");
    }
  }

  @Test
  void aDistrictWorkbookHoldsNumbersEstimatesMarkedAndTheYearBefore() throws Exception {
    try (Workbook wb = open("wide/2018/341502-金安区.xlsx")) {
      Sheet s = wb.getSheetAt(0);
      assertEquals("金安区", s.getSheetName());
      Row title = s.getRow(0);
      assertEquals(List.of("区划", "安徽省六安市金安区", "年度"), List.of(text(title, 0), text(title, 1), text(title, 2)));
      assertEquals(2018.0, title.getCell(3).getNumericCellValue());
      assertTrue(text(s.getRow(1), 0).startsWith("说明："), "a legend under the title");
      List<String> header = texts(s.getRow(2));
      assertEquals(List.of("乡镇代码", "乡镇名称", "所属县区", "状态", "咨询投诉数（件）", "咨询投诉数 上年（件）",
          "咨询投诉数 同比增减（件）", "人大代表建议数（件）", "人大代表建议数 上年（件）", "人大代表建议数 同比增减（件）", "备注"),
          header, "the job's columns of 2018 (npc_suggestions from 裕安区), each with its 同比 pair");
      Row exact = s.getRow(3);
      assertEquals("341502001", text(exact, 0));
      assertEquals(CellType.NUMERIC, exact.getCell(4).getCellType());
      assertEquals(55.0, exact.getCell(4).getNumericCellValue());
      assertEquals(40.0, exact.getCell(5).getNumericCellValue());
      assertEquals(15.0, exact.getCell(6).getNumericCellValue());
      assertEquals("55", SHOWN.formatCellValue(exact.getCell(4)));
      assertNull(exact.getCell(7), "not stated: blank, not 0");
      Row estimate = s.getRow(4);
      Cell est = estimate.getCell(4);
      assertEquals(1000.0, est.getNumericCellValue());
      assertEquals("1,000余", SHOWN.formatCellValue(est), "shown as the report wrote it, still a number");
      assertNull(est.getCellComment());
      assertEquals(FillPatternType.SOLID_FOREGROUND, est.getCellStyle().getFillPattern());
      assertTrue(wb.getFontAt(est.getCellStyle().getFontIndex()).getItalic());
      assertEquals("900余", SHOWN.formatCellValue(estimate.getCell(5)));
      assertEquals(100.0, estimate.getCell(6).getNumericCellValue());
      assertEquals("+100余", SHOWN.formatCellValue(estimate.getCell(6)), "a change from estimates is one too");
      Row total = s.getRow(5);
      assertEquals("合计", text(total, 1));
      assertEquals("已报送 2/2", text(total, 3));
      assertEquals(1055.0, total.getCell(4).getNumericCellValue());
      assertEquals("1,055余", SHOWN.formatCellValue(total.getCell(4)), "the qualifier shown");
      assertTrue(wb.getFontAt(total.getCell(4).getCellStyle().getFontIndex()).getBold());
      assertEquals(940.0, total.getCell(5).getNumericCellValue());
      assertEquals(5, s.getLastRowNum(), "title, legend, header, two townships, 合计: rows 0..5");
      assertEquals(3, s.getPaneInformation().getHorizontalSplitTopRow(), "the header is frozen");
      assertTrue(s.getColumnWidth(4) > s.getDefaultColumnWidth() * 256, "column widths are set");
    }
  }

  @Test
  void anEstimateIsShownInTheWordingOfItsQualifier() {
    WideWords words = WideWords.STANDARD;
    assertEquals("#,##0", words.numberFormat(Qualifier.EXACT, "#,##0"));
    assertEquals("约1,200", SHOWN.formatRawCellContents(1200, 170, words.numberFormat(Qualifier.APPROXIMATE, "#,##0")));
    assertEquals("3,000余", SHOWN.formatRawCellContents(3000, 171, words.numberFormat(Qualifier.LOWER_BOUND, "#,##0")));
    String change = words.numberFormat(Qualifier.APPROXIMATE, "+#,##0") + ";" + words.numberFormat(Qualifier.APPROXIMATE,
        "-#,##0") + ";" + words.numberFormat(Qualifier.APPROXIMATE, "0");
    assertEquals("约-288", SHOWN.formatRawCellContents(-288, 172, change));
    assertEquals("约+15", SHOWN.formatRawCellContents(15, 172, change));
  }

  @Test
  void everyCsvOfAYearHasTheSameColumns() throws Exception {
    List<String> jinan = lines("wide/2018/341502-金安区.csv");
    List<String> yuan = lines("wide/2018/341503-裕安区.csv");
    assertEquals("\uFEFF乡镇代码,乡镇名称,所属县区,状态,咨询投诉数,人大代表建议数,备注", jinan.get(0));
    assertEquals(jinan.get(0), yuan.get(0));
    assertEquals("341502001,中市街道,金安区,已报送,55,,", jinan.get(1));
    assertEquals("341503100,苏埠镇,裕安区,已报送,7,3,含电话咨询", yuan.get(1), "the remark carried from the input");
    assertEquals("341503101,\"'=HYPERLINK(\"\"http://x\"\")\",裕安区,已报送,,~200,", yuan.get(2));
    assertFalse(Files.exists(staging.resolve("wide/2018/341802-宣州区.csv")), "no data that year: no file of its own");
  }

  @Test
  void theWholeJobFilesListOnlyTheJobsDistricts() throws Exception {
    List<String> all = lines("wide/2018/all.csv");
    assertTrue(all.stream().noneMatch(l -> l.contains("郎溪县")), "the gazetteer's other district is not listed");
    assertTrue(all.stream().anyMatch(l -> l.startsWith("341802100,水阳镇,宣州区,未报送")), "a job district without 2018");
    assertEquals("\"\",总计,,已报送 4/5,1062+,~203,", all.get(all.size() - 1));
    try (Workbook wb = open("wide/2018/all.xlsx")) {
      assertEquals(List.of("县区合计", "六安市", "宣城市"),
          List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)), "a summary, then a sheet per city");
      Sheet summary = wb.getSheetAt(0);
      assertEquals("安徽省", text(summary.getRow(0), 1));
      Map<String, Double> totals = new TreeMap<>();
      for (int r = 3; r <= summary.getLastRowNum(); r++) {
        Row row = summary.getRow(r);
        Cell c = row.getCell(4);
        totals.put(text(row, 1), c == null ? null : c.getNumericCellValue());
      }
      assertEquals(Map.of("金安区", 1055.0, "裕安区", 7.0, "总计", 1062.0), withoutNulls(totals));
      assertTrue(totals.containsKey("宣州区"), "listed, with blank totals");
      Sheet luan = wb.getSheetAt(1);
      assertEquals("安徽省六安市", text(luan.getRow(0), 1));
      assertEquals(2 + 1 + 2 + 1, luan.getLastRowNum() - 2, "two districts' townships and 合计 rows");
    }
    OutputFile xlsx = written.stream().filter(f -> f.path().equals("wide/2018/all.xlsx")).findFirst().orElseThrow();
    assertEquals(4 + 6 + 2, xlsx.rows(), "listed with its rows: summary (3 districts, 总计) and the cities'");
    assertTrue(xlsx.bytes() > 0);
  }

  @Test
  void noSameYearBeforeNoPair() throws Exception {
    try (Workbook wb = open("wide/2017/341502-金安区.xlsx")) {
      assertEquals(List.of("乡镇代码", "乡镇名称", "所属县区", "状态", "咨询投诉数（件）", "备注"),
          texts(wb.getSheetAt(0).getRow(2)));
    }
    try (Workbook wb = open("wide/2018/341503-裕安区.xlsx")) {
      Row suBu = wb.getSheetAt(0).getRow(3);
      assertEquals("含电话咨询", text(suBu, 10), "备注, after the figures and their 同比 pairs");
    }
    List<String> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(staging.resolve("wide"))) {
      s.filter(Files::isRegularFile).forEach(p -> files.add(staging.relativize(p).toString()));
    }
    for (String f : files) {
      assertTrue(written.stream().anyMatch(o -> o.path().equals(f)), "every file is listed: " + f);
    }
  }

  private static Map<String, Double> withoutNulls(Map<String, Double> m) {
    Map<String, Double> out = new TreeMap<>();
    m.forEach((k, v) -> {
      if (v != null) {
        out.put(k, v);
      }
    });
    return out;
  }

  private static Workbook open(String rel) throws Exception {
    assertNotNull(written);
    return WorkbookFactory.create(staging.resolve(rel).toFile(), null, true);
  }

  private static List<String> lines(String rel) throws Exception {
    return Files.readAllLines(staging.resolve(rel), StandardCharsets.UTF_8);
  }

  private static String text(Row r, int c) {
    Cell cell = r.getCell(c);
    return cell == null ? null : cell.getStringCellValue();
  }

  private static List<String> texts(Row r) {
    List<String> out = new ArrayList<>();
    for (int c = 0; c < r.getLastCellNum(); c++) {
      out.add(text(r, c));
    }
    return out;
  }

  /** A remark longer than a cell holds is cut to fit, saying so, never inside a surrogate pair. */
  @Test
  void textLongerThanACellIsCutAndSaysSo() {
    assertEquals("含电话咨询", WideWorkbook.fitted("含电话咨询"));
    String exact = "备".repeat(WideWorkbook.CELL_TEXT_MAX);
    assertEquals(exact, WideWorkbook.fitted(exact));
    String cut = WideWorkbook.fitted("注".repeat(40_000));
    assertEquals(WideWorkbook.CELL_TEXT_MAX, cut.length());
    assertTrue(cut.startsWith("注注注") && cut.endsWith("…（超出单元格长度，全文见同名 CSV）"), cut.substring(32_700));
    String said = "…（超出单元格长度，全文见同名 CSV）";
    String pairs = "𠀀".repeat(20_000); // the cut would fall between the two halves of a pair
    String fitted = WideWorkbook.fitted(pairs);
    assertTrue(fitted.length() <= WideWorkbook.CELL_TEXT_MAX);
    assertFalse(Character.isHighSurrogate(fitted.charAt(fitted.length() - said.length() - 1)));
  }
}
