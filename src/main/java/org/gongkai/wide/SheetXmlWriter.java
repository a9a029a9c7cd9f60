package org.gongkai.wide;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.Writer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.gongkai.table.Utf8Writer;

/**
 * SXSSF's sheet writer, writing the XML POI writes, byte for byte, at less cost: through a
 * writer without a lock per call, and a numeric cell with its reference, style and value put
 * together from per-row and per-column texts instead of formatted anew. A national all.xlsx
 * holds about five million numeric cells a year, and writing them was most of the 汇总表.
 */
final class SheetXmlWriter extends SheetDataWriter {
  private static final long PLAIN_BELOW = 10_000_000L; // Double.toString writes 1.0E7 and up in E notation
  private String[] columns = new String[64];
  private String[] styles = new String[64];
  private String row = "1";

  SheetXmlWriter() throws IOException {
    super();
  }

  @Override
  @SuppressWarnings("deprecation") // POI means to make it protected, which still overrides
  public Writer createWriter(File fd) throws IOException {
    FileOutputStream fos = new FileOutputStream(fd);
    return new Utf8Writer(new BufferedOutputStream(fos, 1 << 16));
  }

  @Override
  public void writeRow(int rownum, SXSSFRow r) throws IOException {
    row = Integer.toString(rownum + 1);
    super.writeRow(rownum, r);
  }

  @Override
  public void writeCell(int column, Cell cell) throws IOException {
    if (cell == null || cell.getCellType() != CellType.NUMERIC) {
      super.writeCell(column, cell);
      return;
    }
    _out.write("<c r=\"");
    _out.write(column(column));
    _out.write(row);
    int style = cell.getCellStyle().getIndex() & 0xffff;
    if (style != 0) {
      _out.write("\" s=\"");
      _out.write(style(style));
    }
    _out.write("\" t=\"n\"><v>");
    writeNumber(cell.getNumericCellValue());
    _out.write("</v></c>");
  }

  /** {@code Double.toString(v)}, a whole number below ten million without formatting it as a double. */
  private void writeNumber(double v) throws IOException {
    long whole = (long) v;
    if (whole == v && Math.abs(whole) < PLAIN_BELOW && (whole != 0 || Double.doubleToRawLongBits(v) == 0)) {
      _out.write(Long.toString(whole));
      _out.write(".0");
    } else {
      _out.write(Double.toString(v));
    }
  }

  private String column(int c) {
    if (c >= columns.length) {
      columns = java.util.Arrays.copyOf(columns, Math.max(c + 1, 2 * columns.length));
    }
    String s = columns[c];
    if (s == null) {
      s = CellReference.convertNumToColString(c);
      columns[c] = s;
    }
    return s;
  }

  private String style(int i) {
    if (i >= styles.length) {
      styles = java.util.Arrays.copyOf(styles, Math.max(i + 1, 2 * styles.length));
    }
    String s = styles[i];
    if (s == null) {
      s = Integer.toString(i);
      styles[i] = s;
    }
    return s;
  }
}
