package org.gongkai.wide;

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
 * holds about five million numeric cells a year, and writing them was half of the 汇总表.
 */
final class SheetXmlWriter extends SheetDataWriter {
  private static final long PLAIN_BELOW = 10_000_000L; // Double.toString writes 1.0E7 and up in E notation
  private final Texts columns = new Texts(CellReference::convertNumToColString);
  private final Texts styles = new Texts(Integer::toString);
  private String row = "1";

  SheetXmlWriter() throws IOException {
    super();
  }

  @Override
  @SuppressWarnings("deprecation") // POI means to make it protected, which still overrides
  public Writer createWriter(File fd) throws IOException {
    return new Utf8Writer(new FileOutputStream(fd));
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
    _out.write(columns.get(column));
    _out.write(row);
    int style = cell.getCellStyle().getIndex() & 0xffff;
    if (style != 0) {
      _out.write("\" s=\"");
      _out.write(styles.get(style));
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

  /** Texts by a small index, each made once: a column's letters, a style's number. */
  private static final class Texts {
    private final java.util.function.IntFunction<String> make;
    private String[] made = new String[64];

    Texts(java.util.function.IntFunction<String> make) {
      this.make = make;
    }

    String get(int i) {
      if (i >= made.length) {
        made = java.util.Arrays.copyOf(made, Math.max(i + 1, 2 * made.length));
      }
      String s = made[i];
      if (s == null) {
        s = make.apply(i);
        made[i] = s;
      }
      return s;
    }
  }
}
