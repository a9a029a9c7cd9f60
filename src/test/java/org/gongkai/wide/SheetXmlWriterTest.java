package org.gongkai.wide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
 * kind (whole, negative, fractional, ten million and up, -0.0), text with markup and spaces,
 * blanks, styles, columns past Z and rows past SXSSF's window.
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
    String[] parts = {"乡镇", " 前后有空格 ", "<b>&\"'", "1,000余", "\t\n", "𠀀", "=SUM(A1)"};
    return parts[r.nextInt(parts.length)] + r.nextInt(100);
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
