package org.gongkai.wide;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.gongkai.table.Utf8Writer;

/**
 * SXSSF's sheet writer, writing the XML POI writes, byte for byte, at less cost: through a
 * writer without a lock per call, and a numeric or text cell put together from bytes made once
 * (its column's letters, its style's number, the markup) and the row's number, instead of
 * strings formatted and encoded anew for every attribute. A national all.xlsx holds about five
 * million cells a year, and writing them was most of the 汇总表.
 *
 * <p>Rows can also be written here directly ({@link #startRow}, {@link #number}, {@link #text},
 * {@link #endRow}) once the sheet's own rows are flushed: the same XML without a row and cell
 * object per cell (SXSSF keeps a row's cells in a TreeMap). The sheet's dimension is then this
 * writer's to give ({@link #dimension}), as SXSSF derives it from the rows it made.
 */
final class SheetXmlWriter extends SheetDataWriter {
  private static final long PLAIN_BELOW = 10_000_000L; // Double.toString writes 1.0E7 and up in E notation
  private static final byte[] CELL = ascii("<c r=\"");
  private static final byte[] STYLE = ascii("\" s=\"");
  private static final byte[] NUMBER = ascii("\" t=\"n\"><v>");
  private static final byte[] WHOLE_END = ascii(".0</v></c>");
  private static final byte[] NUMBER_END = ascii("</v></c>");
  private static final byte[] TEXT = ascii("\" t=\"inlineStr\"><is><t>");
  private static final byte[] TEXT_SPACED = ascii("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
  private static final byte[] TEXT_END = ascii("</t></is></c>");
  private static final byte[] ROW = ascii("<row r=\"");
  private static final byte[] ROW_OPEN = ascii("\">\n");
  private static final byte[] ROW_END = ascii("</row>\n");
  private final Texts columns = new Texts(i -> ascii(CellReference.convertNumToColString(i)));
  private final Texts styles = new Texts(i -> ascii(Integer.toString(i)));
  private final Utf8Writer out;
  private char[] chars = new char[64];
  private long row = 1;
  // What the sheet holds, for its dimension: rows and columns of every cell written.
  private int firstRow = -1;
  private int lastRow = -1;
  private int leftColumn = Integer.MAX_VALUE;
  private int rightColumn = -1;

  SheetXmlWriter() throws IOException {
    super();
    this.out = (Utf8Writer) _out;
  }

  @Override
  @SuppressWarnings("deprecation") // POI means to make it protected, which still overrides
  public Writer createWriter(File fd) throws IOException {
    return new Utf8Writer(new FileOutputStream(fd));
  }

  @Override
  public void writeRow(int rownum, SXSSFRow r) throws IOException {
    row = rownum + 1L;
    seen(rownum);
    if (r.getFirstCellNum() >= 0) {
      leftColumn = Math.min(leftColumn, r.getFirstCellNum());
      rightColumn = Math.max(rightColumn, r.getLastCellNum() - 1);
    }
    super.writeRow(rownum, r);
  }

  @Override
  public void writeCell(int column, Cell cell) throws IOException {
    CellType type = cell == null ? null : cell.getCellType();
    if (type == CellType.NUMERIC) {
      writeNumber(column, cell.getCellStyle().getIndex() & 0xffff, cell.getNumericCellValue());
    } else if (type == CellType.STRING) {
      writeText(column, cell.getCellStyle().getIndex() & 0xffff, cell.getStringCellValue());
    } else {
      super.writeCell(column, cell);
    }
  }

  /** Starts a row written directly, after every row the sheet made itself was flushed. */
  void startRow(int rownum) throws IOException {
    row = rownum + 1L;
    seen(rownum);
    out.writeAscii(ROW);
    out.writeDecimal(row);
    out.writeAscii(ROW_OPEN);
  }

  /** A numeric cell of the row started; {@code style} is the style's index (0: the default). */
  void number(int column, int style, double value) throws IOException {
    seenColumn(column);
    writeNumber(column, style, value);
  }

  /** A text cell of the row started. */
  void text(int column, int style, String value) throws IOException {
    seenColumn(column);
    writeText(column, style, value);
  }

  void endRow() throws IOException {
    out.writeAscii(ROW_END);
  }

  /** The range of every cell written, as SXSSF derives a sheet's dimension; null while none is. */
  CellRangeAddress dimension() {
    return rightColumn < 0 ? null : new CellRangeAddress(firstRow, lastRow, leftColumn, rightColumn);
  }

  private void seen(int rownum) {
    firstRow = firstRow < 0 ? rownum : Math.min(firstRow, rownum);
    lastRow = Math.max(lastRow, rownum);
  }

  private void seenColumn(int column) {
    leftColumn = Math.min(leftColumn, column);
    rightColumn = Math.max(rightColumn, column);
  }

  private void writeNumber(int column, int style, double v) throws IOException {
    begin(column, style);
    out.writeAscii(NUMBER);
    long whole = (long) v;
    if (whole == v && Math.abs(whole) < PLAIN_BELOW && (whole != 0 || Double.doubleToRawLongBits(v) == 0)) {
      out.writeDecimal(whole); // Double.toString's text of a whole number below ten million
      out.writeAscii(WHOLE_END);
    } else {
      out.write(Double.toString(v));
      out.writeAscii(NUMBER_END);
    }
  }

  private void writeText(int column, int style, String s) throws IOException {
    begin(column, style);
    out.writeAscii(spaced(s) ? TEXT_SPACED : TEXT);
    escaped(s);
    out.writeAscii(TEXT_END);
  }

  /** {@code <c r="B7"} and the style, when not the default one. */
  private void begin(int column, int style) throws IOException {
    out.writeAscii(CELL);
    out.writeAscii(columns.get(column));
    out.writeDecimal(row);
    if (style != 0) {
      out.writeAscii(STYLE);
      out.writeAscii(styles.get(style));
    }
  }

  /** Whether POI marks the text's spaces as kept: white space first or last. */
  private static boolean spaced(String s) {
    return !s.isEmpty() && (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1)));
  }

  /**
   * The text as POI's {@code outputEscapedString} writes it: markup and line breaks as entities,
   * other control characters and U+FFFE/U+FFFF as {@code ?}, everything else as it is, written
   * a run at a time.
   */
  private void escaped(String s) throws IOException {
    int n = s.length();
    if (n > chars.length) {
      chars = new char[Math.max(n, 2 * chars.length)];
    }
    char[] c = chars;
    s.getChars(0, n, c, 0);
    int start = 0;
    for (int i = 0; i < n; i++) {
      char ch = c[i];
      if (ch >= '?' && ch < '\u00a0' || ch > '\u00a0' && ch < '\ufffe') {
        continue; // the common case: nothing to replace
      }
      String instead = switch (ch) {
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '&' -> "&amp;";
        case '"' -> "&quot;";
        case '\n' -> "&#xa;";
        case '\r' -> "&#xd;";
        case '\t' -> "&#x9;";
        case '\u00a0' -> "&#xa0;";
        default -> ch < ' ' || ch >= '\ufffe' ? "?" : null;
      };
      if (instead != null) {
        out.write(c, start, i - start);
        out.write(instead);
        start = i + 1;
      }
    }
    out.write(c, start, n - start);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** Bytes by a small index, each made once: a column's letters, a style's number. */
  private static final class Texts {
    private final java.util.function.IntFunction<byte[]> make;
    private byte[][] made = new byte[64][];

    Texts(java.util.function.IntFunction<byte[]> make) {
      this.make = make;
    }

    byte[] get(int i) {
      if (i >= made.length) {
        made = java.util.Arrays.copyOf(made, Math.max(i + 1, 2 * made.length));
      }
      byte[] b = made[i];
      if (b == null) {
        b = make.apply(i);
        made[i] = b;
      }
      return b;
    }
  }
}
