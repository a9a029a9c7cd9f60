package org.gongkai.wide;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import java.util.Date;
import java.util.Optional;
import org.apache.poi.util.Reproducibility;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.Deflater;
import org.gongkai.model.Metric;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Qualifier;
import org.gongkai.wide.WideTable.Cell;

/**
 * A 汇总表 workbook: a district's held whole, the whole job's written as it goes (POI's SXSSF
 * keeps a window of rows in memory, so a national all.xlsx does not fill it): sheets of a title row (区划, 年度), a legend, a header in
 * Chinese with units, then rows whose figures are numeric cells. Estimates are numbers too,
 * marked by a style whose number format shows the report's wording ({@code 1000余}, {@code 约200}),
 * so the cell reads as the report wrote it and still sums; blanks stay blank. (A comment per
 * estimate was most of a national run: POI builds each as XML objects, 55,000 in one year's
 * all.xlsx.) Untrusted text goes into string cells, which spreadsheets never evaluate.
 */
final class WideWorkbook implements Closeable {
  static final int HEADER_ROW = 2;
  private static final WideWords WORDS = WideWords.STANDARD;

  private final FastZip wb;
  private final Set<String> sheetNames = new HashSet<>();
  private final List<Sheet> sheets = new java.util.ArrayList<>();
  private final CellStyle header;
  private final CellStyle title;
  private final CellStyle text;
  // [total ? 1 : 0][qualifier]: a figure and a 同比 change, each in the wording of its qualifier.
  private final CellStyle[][] number = new CellStyle[2][Qualifier.values().length];
  private final CellStyle[][] change = new CellStyle[2][Qualifier.values().length];

  /**
   * A workbook of one district, streamed too: a national job writes one per district and year
   * (about 30,000), and holding each whole as XMLBeans objects made the 汇总表 most of the run
   * (about 4 minutes of 5 on the national benchmark), where SXSSF writes the rows as text.
   *
   * @param created the date the workbook says it was made (the run's, not the clock's: the same
   *     run gives the same bytes)
   */
  static WideWorkbook small(Date created) {
    FastZip wb = new FastZip(1000);
    wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(Optional.of(created));
    return new WideWorkbook(wb);
  }

  /** A workbook of the whole job, streamed: a window of rows per sheet in memory, the rest on disk. */
  static WideWorkbook streaming(Date created) {
    FastZip wb = new FastZip(200); // temporary sheet files uncompressed: deflating them twice was a fifth of the 汇总表
    wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(Optional.of(created));
    return new WideWorkbook(wb);
  }

  private WideWorkbook(FastZip wb) {
    this.wb = wb;
    Font bold = wb.createFont();
    bold.setBold(true);
    title = wb.createCellStyle();
    title.setFont(bold);
    header = wb.createCellStyle();
    header.setFont(bold);
    header.setWrapText(true);
    header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    text = wb.createCellStyle();
    Font italic = wb.createFont();
    italic.setItalic(true);
    Font boldItalic = wb.createFont();
    boldItalic.setBold(true);
    boldItalic.setItalic(true);
    for (int total = 0; total < 2; total++) {
      for (Qualifier q : Qualifier.values()) {
        boolean estimate = q != Qualifier.EXACT;
        Font font = total == 1 ? (estimate ? boldItalic : bold) : (estimate ? italic : null);
        number[total][q.ordinal()] = numberStyle(WORDS.numberFormat(q, "#,##0"), font, estimate);
        change[total][q.ordinal()] = numberStyle(WORDS.numberFormat(q, "+#,##0") + ";"
            + WORDS.numberFormat(q, "-#,##0") + ";" + WORDS.numberFormat(q, "0"), font, estimate);
      }
    }
  }

  private CellStyle numberStyle(String format, Font font, boolean estimate) {
    CellStyle s = wb.createCellStyle();
    s.setDataFormat(wb.createDataFormat().getFormat(format));
    if (font != null) {
      s.setFont(font);
    }
    if (estimate) {
      s.setFillForegroundColor(IndexedColors.LIGHT_ORANGE.getIndex());
      s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }
    return s;
  }

  /**
   * A new sheet with its title, legend and header, the header and the first {@code fixed.size()}
   * columns frozen.
   *
   * @param fixed the text columns first (乡镇代码, 乡镇名称 …)
   * @param metrics the figure columns, each followed by 上年 and 同比增减 when {@code prior}
   * @param remark whether a 备注 column ends the row
   */
  Sheet sheet(String name, String region, int year, List<String> fixed, List<String> metrics, boolean prior,
      boolean remark, MetricCatalog catalog) {
    SXSSFSheet s = wb.createSheet(uniqueName(name));
    Sheet sheet = new Sheet(s, wb.lastWriter, fixed.size(), metrics, prior, remark);
    sheets.add(sheet);
    Row t = s.createRow(0);
    sheet.text(t, 0, WORDS.region(), title);
    sheet.text(t, 1, region, title);
    sheet.text(t, 2, WORDS.year(), title);
    t.createCell(3).setCellValue(year);
    t.getCell(3).setCellStyle(title);
    Row legend = s.createRow(1);
    sheet.text(legend, 0, WORDS.legend(), text);
    int last = sheet.width() - 1;
    if (last > 0) {
      s.addMergedRegion(new CellRangeAddress(1, 1, 0, Math.max(3, last)));
    }
    Row h = s.createRow(HEADER_ROW);
    int c = 0;
    for (String f : fixed) {
      sheet.text(h, c, f, header);
      s.setColumnWidth(c++, (f.equals(fixed.get(fixed.size() - 1)) ? 18 : 14) * 256);
    }
    for (String m : metrics) {
      String label = catalog.byKey(m).map(Metric::labelZh).orElse(m);
      int width = Math.min(40, Math.max(10, 2 * label.length() + 6)) * 256;
      sheet.text(h, c, WORDS.header(label, m), header);
      s.setColumnWidth(c++, width);
      if (prior) {
        sheet.text(h, c, WORDS.header(label + " " + WORDS.prior(), m), header);
        s.setColumnWidth(c++, width);
        sheet.text(h, c, WORDS.header(label + " " + WORDS.change(), m), header);
        s.setColumnWidth(c++, width);
      }
    }
    if (remark) {
      sheet.text(h, c, WORDS.remark(), header);
      s.setColumnWidth(c, 30 * 256);
    }
    s.createFreezePane(Math.min(2, fixed.size()), HEADER_ROW + 1);
    sheet.next = HEADER_ROW + 1;
    try {
      s.flushRows(); // the figure rows go to the sheet's writer directly, after these
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return sheet;
  }

  private String uniqueName(String name) {
    String base = WorkbookUtil.createSafeSheetName(name == null || name.isBlank() ? "Sheet" : name);
    String n = base;
    for (int i = 2; !sheetNames.add(n); i++) {
      String suffix = "(" + i + ")";
      n = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
    }
    return n;
  }

  /**
   * Writes the workbook, its zip entries dated alike in every run (POI's reproducible mode). That
   * mode is one switch for the whole JVM: outside {@link #reproducibly} workbooks are written one
   * at a time.
   */
  void write(OutputStream out) throws IOException {
    for (Sheet sheet : sheets) {
      wb.getXSSFWorkbook().getSheet(sheet.sheet.getSheetName()).setDimensionOverride(sheet.writer.dimension());
    }
    if (Boolean.TRUE.equals(INSIDE.get())) {
      wb.write(out);
    } else {
      reproducibly(pool -> {
        wb.write(out);
        return null;
      }, 1);
    }
  }

  /** Threads of {@link #reproducibly}'s pool: the reproducible mode is on while they run. */
  private static final ThreadLocal<Boolean> INSIDE = new ThreadLocal<>();

  /** Work that writes workbooks from {@code threads} threads of its own. */
  interface Work<T> {
    T run(ExecutorService pool) throws IOException, InterruptedException, ExecutionException;
  }

  /**
   * Runs {@code work} in POI's reproducible mode with a pool of {@code threads} threads, whose
   * workbooks are then written side by side; other writers wait until it ends.
   */
  static <T> T reproducibly(Work<T> work, int threads) throws IOException {
    Object[] result = new Object[1];
    synchronized (WideWorkbook.class) {
      ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(() -> {
        INSIDE.set(true);
        r.run();
      }, "gongkai-wide"));
      try {
        Reproducibility.runWithSourceDateEpoch(() -> {
          try {
            result[0] = work.run(pool);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the 汇总表", e);
          } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io
                : new IOException("cannot write the 汇总表 or report.html: " + e.getCause(), e.getCause());
          }
        });
      } finally {
        pool.shutdownNow();
      }
    }
    @SuppressWarnings("unchecked")
    T t = (T) result[0];
    return t;
  }

  /**
   * A streamed workbook zipped at the fastest level (about a third of the deflating, for files a
   * fifth larger), its sheets written by {@link SheetXmlWriter}.
   */
  private static final class FastZip extends SXSSFWorkbook {
    private SheetXmlWriter lastWriter; // the writer of the sheet made last

    FastZip(int window) {
      super(window);
      setShouldCalculateSheetDimensions(false); // rows written directly are not SXSSF's to count: see Sheet
    }

    @Override
    protected org.apache.poi.xssf.streaming.SheetDataWriter createSheetDataWriter() throws IOException {
      lastWriter = new SheetXmlWriter();
      return lastWriter;
    }

    @Override
    public SXSSFSheet createSheet(String name) {
      return (SXSSFSheet) super.createSheet(name);
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
      ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
      zip.setLevel(Deflater.BEST_SPEED);
      return zip;
    }
  }

  @Override
  public void close() throws IOException {
    wb.close(); // for SXSSF, also removes its temporary files
  }

  /** Longest text a spreadsheet cell holds. */
  static final int CELL_TEXT_MAX = org.apache.poi.ss.SpreadsheetVersion.EXCEL2007.getMaxTextLength();

  /**
   * Text cut to what a cell holds, said in the cell (a remark copied from the input can be
   * longer); the CSV beside the workbook has it whole.
   */
  static String fitted(String t) {
    if (t.length() <= CELL_TEXT_MAX) {
      return t;
    }
    String said = WORDS.cut();
    int end = CELL_TEXT_MAX - said.length();
    if (Character.isHighSurrogate(t.charAt(end - 1))) {
      end--;
    }
    return t.substring(0, end) + said;
  }

  /**
   * A sheet being written, row after row: its title, legend and header through POI, the rows
   * of figures straight to its {@link SheetXmlWriter}, the same XML without a cell object each.
   */
  final class Sheet {
    private final SXSSFSheet sheet;
    private final SheetXmlWriter writer;
    private final int fixed;
    private final List<String> metrics;
    private final boolean prior;
    private final boolean remark;
    private int next;
    private int rows;

    private Sheet(SXSSFSheet sheet, SheetXmlWriter writer, int fixed, List<String> metrics, boolean prior,
        boolean remark) {
      this.sheet = sheet;
      this.writer = writer;
      this.fixed = fixed;
      this.metrics = List.copyOf(metrics);
      this.prior = prior;
      this.remark = remark;
    }

    int width() {
      return fixed + metrics.size() * (prior ? 3 : 1) + (remark ? 1 : 0);
    }

    /** Data rows written (townships and 合计), without title and header. */
    int rows() {
      return rows;
    }

    /**
     * One row: its text columns, then per metric the figure (and the prior year's and the
     * change), then the remark.
     *
     * @param priorCells the same row's figures a year before, or null (blank 同比 pair)
     * @param total a 合计 row (bold)
     */
    void row(List<String> texts, Map<String, Cell> cells, Map<String, Cell> priorCells, String remarkText,
        boolean total) throws IOException {
      writer.startRow(next++);
      rows++;
      int c = 0;
      int textStyle = (total ? title : text).getIndex() & 0xffff;
      for (String t : texts) {
        writer.text(c++, textStyle, t == null ? "" : fitted(t));
      }
      for (String m : metrics) {
        Cell now = cells.get(m);
        figure(c++, now, number, total);
        if (prior) {
          Cell before = priorCells == null ? null : priorCells.get(m);
          figure(c++, before, number, total);
          Cell diff = now == null || before == null ? null
              : new Cell(Math.subtractExact(now.value(), before.value()), now.qualifier().plus(before.qualifier()));
          figure(c++, diff, change, total);
        }
      }
      if (remark && remarkText != null && !remarkText.isEmpty()) {
        writer.text(c, text.getIndex() & 0xffff, fitted(remarkText));
      }
      writer.endRow();
    }

    private void figure(int column, Cell v, CellStyle[][] styles, boolean total) throws IOException {
      if (v == null) {
        return; // not stated: a blank cell, never 0
      }
      writer.number(column, styles[total ? 1 : 0][v.qualifier().ordinal()].getIndex() & 0xffff, v.value());
    }

    private void text(Row r, int column, String value, CellStyle style) {
      org.apache.poi.ss.usermodel.Cell cell = r.createCell(column);
      cell.setCellValue(value == null ? "" : value);
      cell.setCellStyle(style);
    }
  }
}
