package org.gongkai.ingest.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.gongkai.SampleData;
import org.gongkai.ingest.Collector;
import org.gongkai.ingest.ReadCounts;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Notice;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;
import org.gongkai.model.Reject;
import org.gongkai.normalize.RegionResolver;
import org.junit.jupiter.api.Test;

/** County workbooks read into records as CSV rows are: header, cells, totals, sheets. */
class ExcelReaderTest {
  static final RegionResolver RESOLVER = new RegionResolver(SampleData.gazetteer());

  static SourceSpec spec(Integer year, SourceSpec.Workbook wb) {
    return spec(year, null, wb);
  }

  static SourceSpec spec(Integer year, Integer headerRow, SourceSpec.Workbook wb) {
    return new SourceSpec("county", 0, SourceSpec.Format.EXCEL, "county", "auto", year, "裕安区", Map.of(), 0, null,
        headerRow, wb);
  }

  static ExcelReader reader(SourceSpec spec, long maxRows, long maxBytes) {
    return new ExcelReader(spec, RESOLVER, MetricCatalog.standard(), new ExcelReader.Limits(1 << 20, maxRows, maxBytes));
  }

  static Read read(byte[] bytes, SourceSpec spec) {
    return read(bytes, reader(spec, 1_000_000, 1L << 30));
  }

  static Read read(byte[] bytes, ExcelReader reader) {
    Read r = new Read();
    r.counts = reader.read("county.xlsx", bytes, r);
    return r;
  }

  /** What a workbook gave, and its counts. */
  static final class Read extends Collector {
    ReadCounts counts;

    /** township name|metric → value and qualifier. */
    Map<String, String> figures() {
      Map<String, String> out = new TreeMap<>();
      for (Observation o : observations) {
        String q = o.qualifier() == Qualifier.EXACT ? "" : " " + o.qualifier();
        out.put(SampleData.gazetteer().get(o.townshipCode()).name() + "|" + o.metric(), o.value() + q);
      }
      return out;
    }

    List<Notice> notices(String code) {
      return notices.stream().filter(n -> n.code().equals(code)).toList();
    }
  }

  /** Every figure of the county workbook, as the analyst typed it (151余 a lower bound, 无 a zero, a blank nothing). */
  static final Map<String, String> FIGURES = new TreeMap<>(Map.ofEntries(
      Map.entry("鼓楼街道|published_total", "120"), Map.entry("鼓楼街道|published_website", "100"),
      Map.entry("鼓楼街道|policy_interpretations", "8"), Map.entry("鼓楼街道|applications_received", "5"),
      Map.entry("鼓楼街道|applications_completed", "5"),
      Map.entry("西市街道|published_total", "151 LOWER_BOUND"), Map.entry("西市街道|published_website", "130"),
      Map.entry("西市街道|policy_interpretations", "6"), Map.entry("西市街道|applications_received", "3"),
      Map.entry("西市街道|applications_completed", "3"),
      Map.entry("苏埠镇|published_total", "98"), Map.entry("苏埠镇|published_website", "90"),
      Map.entry("苏埠镇|policy_interpretations", "0"), Map.entry("苏埠镇|applications_received", "2"),
      Map.entry("苏埠镇|applications_completed", "2"),
      Map.entry("江家店镇|published_total", "60"), Map.entry("江家店镇|published_website", "55"),
      Map.entry("江家店镇|applications_received", "0"), Map.entry("江家店镇|applications_completed", "0")));

  @Test
  void aCountyWorkbookGivesEveryFigureAndChecksItsTotalRow() {
    Read r = read(CountyWorkbook.xlsx(), spec(null, SourceSpec.Workbook.DETECT));
    assertEquals(FIGURES, r.figures());
    assertEquals(List.of(), r.rejects);
    assertEquals(4, r.counts.read());
    assertEquals(4, r.counts.accepted());
    assertEquals(19, r.counts.observations());
    assertEquals(1, r.counts.totalRows(), "the 合计 row is checked, not a township and not a reject");
    assertTrue(r.observations.stream().allMatch(o -> o.year() == 2022), "the year from the sheet name 2022年汇总");

    Observation estimate = r.observations.stream().filter(o -> o.locator().equals("2022年汇总!C7")).findFirst().orElseThrow();
    assertEquals("published_total", estimate.metric());
    assertEquals("151余（备注：估算）", estimate.evidence(), "the 备注 is kept with the row's figures");

    List<Notice> mismatch = r.notices(Notice.TOTAL_ROW_MISMATCH);
    assertEquals(1, mismatch.size(), () -> r.notices.toString());
    Notice m = mismatch.get(0);
    assertEquals("2022年汇总!A10", m.locator());
    assertTrue(m.message().contains("合计行为 180，所辖 4 行之和为 429"), m.message());
    assertTrue(m.message().contains("2022年汇总!C7（'151余'）、2022年汇总!C8（'98'）"), m.message());
    assertTrue(m.message().contains("Excel 的 SUM 不计文本"), m.message());
    assertFalse(m.message().contains("政府网站"), "the columns that agree are not named: " + m.message());
  }

  @Test
  void whatIsNotReadIsSaid() {
    Read r = read(CountyWorkbook.xlsx(), spec(2022, SourceSpec.Workbook.DETECT));
    Map<String, String> skipped = r.notices(Notice.SHEET_SKIPPED).stream()
        .collect(Collectors.toMap(Notice::locator, Notice::message));
    assertEquals(2, skipped.size(), skipped::toString);
    assertTrue(skipped.get("填表说明").contains("没有可识别的表头"), skipped::toString);
    assertTrue(skipped.get("底稿").contains("隐藏"), skipped::toString);
    List<Notice> lines = r.notices(Notice.LINES_SKIPPED);
    assertEquals(List.of("2022年汇总!1:3", "2022年汇总!A11"), lines.stream().map(Notice::locator).toList());
    assertTrue(lines.get(0).evidence().contains("填报单位：裕安区人民政府办公室"), lines.get(0).evidence());
    assertTrue(lines.get(1).evidence().startsWith("注："), lines.get(1).evidence());
    assertEquals(List.of(), r.notices(Notice.UNMAPPED_COLUMN), "序号 and 备注 are recognised");
  }

  @Test
  void theXlsGivesTheSameFigures() {
    Read r = read(CountyWorkbook.xls(), spec(null, SourceSpec.Workbook.DETECT));
    assertEquals(FIGURES, r.figures());
    assertEquals(1, r.counts.totalRows());
    assertEquals(1, r.notices(Notice.TOTAL_ROW_MISMATCH).size());
    assertEquals(2, r.notices(Notice.SHEET_SKIPPED).size());
  }

  @Test
  void theCommittedWorkbooksGiveTheSameFigures() throws java.io.IOException {
    for (String f : List.of("yuan-county-2022.xlsx", "yuan-county-2022.xls")) {
      Read r = read(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("sample-data/excel", f)), spec(null, SourceSpec.Workbook.DETECT));
      assertEquals(FIGURES, r.figures(), f);
      assertEquals(1, r.notices(Notice.TOTAL_ROW_MISMATCH).size(), f);
    }
  }

  @Test
  void theJobFileNamesTheSheetAndTheHeader() {
    Read byNumber = read(CountyWorkbook.xlsx(), spec(2022, 4, new SourceSpec.Workbook(List.of("1"), 2)));
    assertEquals(FIGURES, byNumber.figures());
    Read hidden = read(CountyWorkbook.xlsx(), spec(2022, new SourceSpec.Workbook(List.of("底稿"), null)));
    assertEquals(Map.of("鼓楼街道|policy_interpretations", "999"), hidden.figures(), "a hidden sheet read when named");
    Read missing = read(CountyWorkbook.xlsx(), spec(2022, new SourceSpec.Workbook(List.of("2023年汇总"), null)));
    assertEquals(List.of("SHEET_NOT_FOUND"), missing.rejects.stream().map(Reject::reasonCode).toList());
    assertEquals(missing.counts.read(), missing.counts.rejected());
  }

  @Test
  void aTotalRightUnderTheHeaderCoversTheRowsBelow() throws java.io.IOException {
    for (int stated : new int[] {20, 21}) {
      byte[] bytes;
      try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
        var s = wb.createSheet("汇总");
        CountyWorkbook.row(s, 0, "乡镇", "政策解读");
        CountyWorkbook.row(s, 1, "全区合计", stated);
        CountyWorkbook.row(s, 2, "鼓楼街道", 8);
        CountyWorkbook.row(s, 3, "西市街道", 12);
        var out = new java.io.ByteArrayOutputStream();
        wb.write(out);
        bytes = out.toByteArray();
      }
      Read r = read(bytes, spec(2022, SourceSpec.Workbook.DETECT));
      assertEquals(Map.of("鼓楼街道|policy_interpretations", "8", "西市街道|policy_interpretations", "12"), r.figures());
      assertEquals(1, r.counts.totalRows());
      List<Notice> m = r.notices(Notice.TOTAL_ROW_MISMATCH);
      assertEquals(stated == 20 ? 0 : 1, m.size(), m::toString);
      if (stated == 21) {
        assertTrue(m.get(0).message().contains("合计行为 21，所辖 2 行之和为 20"), m.get(0).message());
      }
    }
  }

  @Test
  void aFormulaWithoutACachedValueIsNotAGuess() {
    Read r = read(CountyWorkbook.xlsxUncached(), spec(null, SourceSpec.Workbook.DETECT));
    assertEquals(FIGURES, r.figures(), "the rows typed by hand are read");
    assertEquals(0, r.notices(Notice.TOTAL_ROW_MISMATCH).size());
    List<Notice> unchecked = r.notices(Notice.TOTAL_ROW_UNCHECKED);
    assertEquals(1, unchecked.size(), r.notices::toString);
    assertTrue(unchecked.get(0).message().contains("C10"), unchecked.get(0).message());
  }
}
