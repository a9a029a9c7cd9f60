package org.gongkai.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongkai.ingest.ReadCounts;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.ingest.excel.CountyWorkbook;
import org.gongkai.ingest.excel.ExcelReader;
import org.gongkai.model.Observation;
import org.gongkai.model.Reject;

/**
 * The workbook reader on corrupted and generated workbooks: no exception, conservation, a reason
 * for every reject, and a workbook row read exactly as the same row of a CSV file.
 */
class ExcelReaderFuzzTest {
  private static final SourceSpec SPEC = new SourceSpec("fuzz", 0, SourceSpec.Format.EXCEL, "fuzz", "auto", 2018, "裕安区",
      Map.of(), 0, null);
  private static final ExcelReader READER =
      new ExcelReader(SPEC, Fuzz.resolver(), Fuzz.CATALOG, new ExcelReader.Limits(Fuzz.DEFAULT_MAX_RECORD, 100_000, 64L << 20));
  private static final byte[] XLSX = CountyWorkbook.xlsx();
  private static final byte[] XLS = CountyWorkbook.xls();

  /** A row of a workbook: its row part of the locator (2022年汇总!C7 → 2022年汇总!7). */
  private static String rowOf(String locator) {
    return locator.replaceAll("![A-Z]+(\\d+)(:[A-Z]+\\d+)?$", "!$1");
  }

  /** What every reader promises, with locators by row (a workbook's figures name their cells). */
  static Checked read(byte[] bytes) {
    Fuzz.Sink sink = new Fuzz.Sink();
    ReadCounts c = READER.read("fuzz.xlsx", bytes, sink);
    assertEquals(c.read(), c.accepted() + c.rejected(), "read = accepted + rejected");
    assertEquals(c.rejected(), sink.rejects.size(), "one reject per rejected record");
    assertEquals(c.observations(), sink.observations.size() + sink.stated.size());
    Set<String> rejected = new HashSet<>();
    for (Reject r : sink.rejects) {
      assertTrue(r.reasonCode().matches("[A-Z][A-Z0-9_]{2,40}"), r.reasonCode());
      assertTrue(r.reason() != null && !r.reason().isBlank());
      assertTrue(rejected.add(rowOf(r.locator())), "one reject per record: " + r.locator());
    }
    Set<String> accepted = new HashSet<>();
    for (Observation o : sink.observations) {
      assertEquals(9, o.townshipCode().length());
      assertTrue(o.value() >= 0);
      accepted.add(rowOf(o.locator()));
      assertTrue(!rejected.contains(rowOf(o.locator())), "a rejected record gave an observation: " + o.locator());
    }
    for (org.gongkai.model.StatedFigure s : sink.stated) { // a row naming the district: its own figures
      accepted.add(rowOf(s.observation().locator()));
    }
    assertEquals(c.accepted(), accepted.size(), "every accepted record gave observations");
    List<Observation> all = new java.util.ArrayList<>(sink.observations);
    sink.stated.forEach(s -> all.add(s.observation()));
    return new Checked(c, all, sink.rejects);
  }

  record Checked(ReadCounts counts, List<Observation> observations, List<Reject> rejects) {}

  @Property(tries = 60)
  void truncatedAnywhere(@ForAll @IntRange(min = 0, max = 100_000) int at, @ForAll boolean xls) {
    byte[] whole = xls ? XLS : XLSX;
    Checked c = read(java.util.Arrays.copyOf(whole, at % (whole.length + 1)));
    assertTrue(c.counts().read() >= 1, "a cut workbook is at least one reject, never silence");
  }

  @Property(tries = 120)
  void corruptedAnywhere(@ForAll("corruptions") Fuzz.Corruption corruption, @ForAll boolean xls) {
    Checked c = read(corruption.apply(xls ? XLS : XLSX));
    assertTrue(c.counts().read() >= 1);
  }

  @Provide
  Arbitrary<Fuzz.Corruption> corruptions() {
    return Fuzz.corruptions();
  }

  /** A generated table under the header 乡镇 | 政策解读 | 咨询投诉, each count typed as a number or as text. */
  record Cell(String text, boolean asNumber) {}

  @Provide
  Arbitrary<List<List<Cell>>> tables() {
    Arbitrary<Cell> count = Combinators.combine(Fuzz.countCells(), Arbitraries.of(true, false))
        .as((t, n) -> new Cell(t, n && t.matches("\\d{1,9}")));
    Arbitrary<List<Cell>> row = Combinators.combine(Fuzz.regionCells(), count, count)
        .as((r, a, b) -> List.of(new Cell(r, false), a, b));
    return row.list().ofMinSize(1).ofMaxSize(12);
  }

  @Property(tries = 80)
  void aWorkbookRowIsReadAsTheSameCsvRow(@ForAll("tables") List<List<Cell>> table, @ForAll boolean xls) throws IOException {
    List<List<Cell>> rows = table.stream().filter(ExcelReaderFuzzTest::writable).toList();
    Map<Integer, String> fromWorkbook = outcomes(read(workbook(rows, xls)), true);
    Fuzz.Result csv = Fuzz.read(Fuzz.csv(SPEC, Fuzz.DEFAULT_MAX_RECORD), "fuzz.csv", csv(rows));
    List<Observation> csvFigures = new java.util.ArrayList<>(csv.observations());
    csv.stated().forEach(s -> csvFigures.add(s.observation()));
    Map<Integer, String> fromCsv = outcomes(new Checked(csv.counts(), csvFigures, csv.rejects()), false);
    assertEquals(fromCsv, fromWorkbook);
  }

  /**
   * Rows a workbook holds as a CSV does: not blank (a blank row is no record in either), no
   * character XML cannot carry, no 合计 or 注： (a workbook's total and note rows are not records).
   */
  private static boolean writable(List<Cell> row) {
    if (row.stream().allMatch(c -> c.text().isEmpty())) {
      return false;
    }
    for (Cell c : row) {
      if (c.text().chars().anyMatch(ch -> ch < 0x20 || ch == 0xFFFD || Character.isSurrogate((char) ch) || ch == 0xFFFE || ch == 0xFFFF)
          || c.text().matches("(?s).*(合计|总计|小计|汇总)") || c.text().startsWith("注") || c.text().startsWith("说明")) {
        return false;
      }
    }
    return true;
  }

  /** Row number (2 = the first under the header) → accepted with its figures, or the reject's code. */
  private static Map<Integer, String> outcomes(Checked c, boolean workbook) {
    Map<Integer, String> out = new TreeMap<>();
    for (Observation o : c.observations()) {
      int row = (int) (workbook ? o.position() % 10_000_000L : o.position());
      out.merge(row, o.townshipCode() + " " + o.metric() + "=" + o.value() + o.qualifier(), (a, b) -> a + "; " + b);
    }
    for (Reject r : c.rejects()) {
      out.put((int) (workbook ? r.position() % 10_000_000L : r.position()), r.reasonCode());
    }
    return out;
  }

  private static byte[] workbook(List<List<Cell>> rows, boolean xls) throws IOException {
    try (Workbook wb = xls ? new HSSFWorkbook() : new XSSFWorkbook()) {
      Sheet s = wb.createSheet("Sheet1");
      Row h = s.createRow(0);
      String[] header = {"乡镇", "政策解读", "咨询投诉"};
      for (int i = 0; i < header.length; i++) {
        h.createCell(i).setCellValue(header[i]);
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = s.createRow(r + 1);
        for (int i = 0; i < 3; i++) {
          Cell c = rows.get(r).get(i);
          if (c.asNumber()) {
            row.createCell(i).setCellValue(Long.parseLong(c.text()));
          } else if (!c.text().isEmpty()) {
            row.createCell(i).setCellValue(c.text());
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] csv(List<List<Cell>> rows) throws IOException {
    StringWriter w = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
      p.printRecord("乡镇", "政策解读", "咨询投诉");
      for (List<Cell> row : rows) {
        List<String> cells = new ArrayList<>();
        row.forEach(c -> cells.add(c.text()));
        p.printRecord(cells);
      }
    }
    return w.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
