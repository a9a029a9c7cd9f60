package org.gongkai.wide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * {@link SheetXmlWriter} writes the sheet XML of POI's own writer byte for byte: numbers of every
 * kind (whole, negative, fractional, ten million and up, -0.0), text with markup, spaces, control
 * characters, non-characters and unpaired surrogates, empty text, blanks, styles, columns past Z
 * and rows past SXSSF's window.
 */
class SheetXmlWriterTest {

  /** A workbook whose sheets {@link SheetXmlWriter} writes. */
  private static final class Ours extends SXSSFWorkbook {
    Ours() {
      super(20);
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
      return new SheetXmlWriter();
    }
  }

  @Property(tries = 40)
  void writesWhatPoiWrites(@ForAll long seed, @ForAll @IntRange(min = 1, max = 120) int rows) throws IOException {
    Map<String, byte[]> stock = entries(fill(new SXSSFWorkbook(20), seed, rows));
    Map<String, byte[]> ours = entries(fill(new Ours(), seed, rows));
    assertEquals(stock.keySet(), ours.keySet());
    assertTrue(stock.containsKey("xl/worksheets/sheet1.xml"));
    for (String name : stock.keySet()) {
      assertArrayEquals(stock.get(name), ours.get(name), name);
    }
  }

  /** A workbook whose rows after the first three go straight to its {@link SheetXmlWriter}s. */
  private static final class Direct extends SXSSFWorkbook {
    private final java.util.List<SheetXmlWriter> writers = new java.util.ArrayList<>();

    Direct() {
      super(20);
      setShouldCalculateSheetDimensions(false);
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
      SheetXmlWriter w = new SheetXmlWriter();
      writers.add(w);
      return w;
    }
  }

  /**
   * Rows written directly, after the sheet's own title rows: every zip entry is what POI writes
   * when the same rows are made as its rows and cells, the sheets' dimensions included.
   */
  @Property(tries = 40)
  void directRowsWriteWhatPoiWrites(@ForAll long seed, @ForAll @IntRange(min = 0, max = 250) int rows)
      throws IOException {
    SXSSFWorkbook stock = new SXSSFWorkbook(20);
    Direct direct = new Direct();
    for (SXSSFWorkbook wb : List.of(stock, direct)) {
      Random r = new Random(seed);
      wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(java.util.Optional.of(new java.util.Date(0)));
      CellStyle[] styles = {wb.getCellStyleAt(0), wb.createCellStyle(), wb.createCellStyle()};
      styles[2].setDataFormat(wb.createDataFormat().getFormat("\"约\"#,##0"));
      for (int s = 0; s < 2; s++) {
        Sheet sheet = wb.createSheet("表" + s);
        int header = 1 + r.nextInt(3);
        for (int i = 0; i < header; i++) {
          Row row = sheet.createRow(i);
          for (int c = r.nextInt(2); c < 4 + r.nextInt(8); c++) {
            row.createCell(c).setCellValue(text(r));
          }
        }
        if (wb == direct) {
          ((org.apache.poi.xssf.streaming.SXSSFSheet) sheet).flushRows();
        }
        SheetXmlWriter writer = wb == direct ? direct.writers.get(s) : null;
        int next = header;
        for (int i = 0; i < rows; i++) {
          next += 1 + (r.nextInt(10) == 0 ? 1 : 0); // a row left out now and then
          Row row = writer == null ? sheet.createRow(next) : null;
          if (writer != null) {
            writer.startRow(next);
          }
          int width = r.nextInt(r.nextInt(20) == 0 ? 40 : 14);
          for (int c = 0; c < width; c++) {
            if (r.nextInt(4) == 0) {
              continue; // a blank: no cell
            }
            CellStyle style = styles[r.nextInt(styles.length)];
            boolean isText = r.nextInt(3) == 0;
            String t = isText ? text(r) : null;
            double v = isText ? 0 : number(r);
            if (writer != null) {
              if (isText) {
                writer.text(c, style.getIndex() & 0xffff, t);
              } else {
                writer.number(c, style.getIndex() & 0xffff, v);
              }
            } else {
              org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
              if (isText) {
                cell.setCellValue(t);
              } else {
                cell.setCellValue(v);
              }
              cell.setCellStyle(style);
            }
          }
          if (writer != null) {
            writer.endRow();
          }
        }
        if (writer != null) {
          wb.getXSSFWorkbook().getSheetAt(s).setDimensionOverride(writer.dimension());
        }
      }
    }
    Map<String, byte[]> expected = entries(stock);
    Map<String, byte[]> actual = entries(direct);
    assertEquals(expected.keySet(), actual.keySet());
    for (String name : expected.keySet()) {
      assertEquals(new String(expected.get(name), java.nio.charset.StandardCharsets.UTF_8),
          new String(actual.get(name), java.nio.charset.StandardCharsets.UTF_8), name);
    }
  }

  private static SXSSFWorkbook fill(SXSSFWorkbook wb, long seed, int rows) {
    Random r = new Random(seed);
    wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(java.util.Optional.of(new java.util.Date(0)));
    CellStyle[] styles = {null, wb.createCellStyle(), wb.createCellStyle()};
    styles[2].setDataFormat(wb.createDataFormat().getFormat("#,##0\"余\""));
    for (int s = 0; s < 2; s++) {
      Sheet sheet = wb.createSheet("表" + s);
      int next = s;
      for (int i = 0; i < rows; i++) {
        next += 1 + r.nextInt(2); // a row left out now and then
        Row row = sheet.createRow(next);
        int width = r.nextInt(60);
        for (int c = 0; c < width; c++) {
          if (r.nextInt(5) == 0) {
            continue; // a blank left out
          }
          org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
          switch (r.nextInt(4)) {
            case 0 -> cell.setCellValue(text(r));
            case 1 -> cell.setCellValue(number(r));
            case 2 -> cell.setCellValue((double) (r.nextInt(20001) - 10000));
            default -> { } // blank cell, created
          }
          CellStyle style = styles[r.nextInt(styles.length)];
          if (style != null) {
            cell.setCellStyle(style);
          }
        }
      }
    }
    return wb;
  }

  private static double number(Random r) {
    return switch (r.nextInt(8)) {
      case 0 -> 0.0;
      case 1 -> -0.0;
      case 2 -> 9_999_999 * (r.nextBoolean() ? 1 : -1);
      case 3 -> 10_000_000 + r.nextInt(1000);
      case 4 -> r.nextLong();
      case 5 -> r.nextDouble() * 1000;
      case 6 -> -r.nextInt(10_000_000);
      default -> r.nextInt(Integer.MAX_VALUE);
    };
  }

  private static String text(Random r) {
    String[] parts = {"乡镇", " 前后有空格 ", "<b>&\"'", "1,000余", "\t\n", "𠀀", "=SUM(A1)", "", "\r\u0001\u001f",
        "\u00a0不换行", "\ufffe\uffff", "\ud800孤", "孤\udc00", "\u3000全角空格", "?>@"};
    String text = parts[r.nextInt(parts.length)];
    return r.nextBoolean() ? text : text + r.nextInt(100);
  }

  /** The workbook's zip entries by name (the entries' own dates aside). */
  private static Map<String, byte[]> entries(SXSSFWorkbook wb) throws IOException {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("sheet-xml", ".xlsx");
    try {
      try (wb; java.io.OutputStream o = java.nio.file.Files.newOutputStream(file)) {
        wb.write(o);
      }
      Map<String, byte[]> out = new TreeMap<>();
      try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
        for (ZipEntry e : java.util.Collections.list(zip.entries())) {
          try (java.io.InputStream in = zip.getInputStream(e)) {
            out.put(e.getName(), in.readAllBytes());
          }
        }
      }
      return out;
    } finally {
      java.nio.file.Files.delete(file);
    }
  }
}
