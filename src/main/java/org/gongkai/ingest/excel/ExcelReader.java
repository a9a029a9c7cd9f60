package org.gongkai.ingest.excel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.gongkai.ingest.ColumnMapping;
import org.gongkai.ingest.FormatReader;
import org.gongkai.ingest.ReadCounts;
import org.gongkai.ingest.ReadSink;
import org.gongkai.ingest.RecordNormalizer;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Notice;
import org.gongkai.model.Observation;
import org.gongkai.model.Reject;
import org.gongkai.normalize.RegionResolver;

/**
 * County workbooks (.xlsx streamed by SAX, .xls by HSSF): each visible sheet whose header names a
 * region and a metric, or the sheets the job file names, row by row into records (see {@link
 * SheetTable}). What the bytes are decides, not the file name; a file that is no workbook (an
 * HTML table or a CSV named .xls), an encrypted or broken workbook, a zip bomb or a workbook
 * beyond the limits is a reject that says so. Reject reasons and notices are in Chinese.
 */
public final class ExcelReader implements FormatReader {
  /**
   * @param maxRecordBytes a row's characters (limits.max_record_bytes)
   * @param maxRows rows of one workbook, all sheets (limits.max_workbook_rows)
   * @param maxBytes an .xls, or an .xlsx part once unzipped (limits.max_workbook_bytes)
   */
  public record Limits(long maxRecordBytes, long maxRows, long maxBytes) {}

  private final SourceSpec source;
  private final RegionResolver resolver;
  private final MetricCatalog catalog;
  private final Limits limits;

  public ExcelReader(SourceSpec source, RegionResolver resolver, MetricCatalog catalog, Limits limits) {
    this.source = source;
    this.resolver = resolver;
    this.catalog = catalog;
    this.limits = limits;
  }

  @Override
  public ReadCounts read(String file, byte[] bytes, ReadSink sink) {
    Reading r = new Reading(file, sink);
    FileMagic magic = bytes.length < 8 ? FileMagic.UNKNOWN : FileMagic.valueOf(bytes);
    try {
      if (bytes.length > limits.maxBytes()) {
        r.fileReject("offset 0", "", "WORKBOOK_TOO_LARGE", "工作簿有 " + bytes.length + " 字节，超过上限 " + limits.maxBytes()
            + " 字节（limits.max_workbook_bytes）");
      } else if (magic == FileMagic.OOXML) {
        readXlsx(bytes, r);
      } else if (magic == FileMagic.OLE2) {
        readOle2(bytes, r);
      } else {
        r.fileReject("offset 0", preview(bytes), "NOT_A_WORKBOOK", "文件不是 Excel 工作簿，而是" + whatItIs(bytes, magic)
            + "；请在 Excel 或 WPS 中打开后另存为 .xlsx 工作簿");
      }
    } catch (Reading.TooManyRows e) {
      r.fileReject(e.locator, "", "WORKBOOK_TOO_LARGE", "工作簿超过 " + limits.maxRows() + " 行（limits.max_workbook_rows），"
          + "从此行起未读取；请拆分文件或在作业文件中调高上限");
    } catch (EncryptedDocumentException e) {
      encrypted(r);
    } catch (IOException | RuntimeException | org.xml.sax.SAXException e) {
      r.broken(e);
    }
    r.finishSheet();
    if (r.opened) {
      for (String wanted : source.workbook().sheets()) {
        if (!r.chosenFound.contains(wanted)) {
          r.fileReject(wanted, "", "SHEET_NOT_FOUND", "工作簿中没有作业文件 sheet 所列的工作表「" + wanted + "」（名称或从 1 起的序号）");
        }
      }
    }
    if (r.read == 0) {
      r.fileReject("offset 0", "", "EMPTY_FILE", "工作簿中没有可读取的记录（没有工作表带有乡镇列和指标列的表头，见 SHEET_SKIPPED 提示）");
    }
    return new ReadCounts(r.read, r.accepted, r.read - r.accepted, r.observations, r.unmapped, "workbook", r.totalRows, 0);
  }

  private void readXlsx(byte[] bytes, Reading r) throws IOException, org.xml.sax.SAXException {
    // POI's guards against zip bombs: a part that inflates more than 100× or beyond the limit is refused.
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(Math.max(limits.maxBytes(), 1 << 20));
    // A file on disk lets POI stream each part (ZipFile) instead of inflating all of them into memory.
    Path tmp = Files.createTempFile("gongkai-", ".xlsx");
    try {
      Files.write(tmp, bytes);
      try (OPCPackage pkg = OPCPackage.open(tmp.toFile(), PackageAccess.READ)) {
        XlsxRows.read(pkg, r);
      } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
        throw new IOException(e.getMessage(), e);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private void readOle2(byte[] bytes, Reading r) throws IOException {
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
      if (fs.getRoot().hasEntry("EncryptionInfo")) { // an .xlsx saved with a password
        encrypted(r);
        return;
      }
      if (!fs.getRoot().hasEntry("Workbook") && !fs.getRoot().hasEntry("Book")) {
        String what = fs.getRoot().hasEntry("WordDocument") ? "Word 文档（.doc）" : "其他 Office 文件（OLE2，不含工作簿）";
        r.fileReject("offset 0", "", "NOT_A_WORKBOOK", "文件不是 Excel 工作簿，而是" + what);
        return;
      }
      try (HSSFWorkbook wb = new HSSFWorkbook(fs.getRoot(), false)) {
        XlsRows.read(wb, r);
      }
    }
  }

  private static void encrypted(Reading r) {
    r.fileReject("offset 0", "", "ENCRYPTED_WORKBOOK", "工作簿设有打开密码（已加密），无法读取；请去除密码后另存再提供");
  }

  /** What bytes that are no workbook are, in Chinese: an analyst sees the file's real kind. */
  static String whatItIs(byte[] bytes, FileMagic magic) {
    String head = new String(bytes, 0, Math.min(bytes.length, 2048), java.nio.charset.StandardCharsets.ISO_8859_1)
        .toLowerCase(Locale.ROOT);
    if (magic == FileMagic.HTML || head.contains("<html") || head.contains("<table") || head.contains("<!doctype")) {
      return " HTML 网页（许多系统导出的“xls”其实是 HTML 表格）；也可把它作为 report 来源读取";
    }
    if (magic == FileMagic.XML || head.startsWith("<?xml")) {
      return " XML 文件（Excel 2003 XML 表格等）";
    }
    if (magic == FileMagic.PDF) {
      return " PDF 文件";
    }
    if (bytes.length == 0) {
      return "空文件（0 字节）";
    }
    String kind = org.gongkai.ingest.EncodingDetector.binaryKind(bytes);
    if (kind == null) {
      return "纯文本（CSV 或 TXT）；若是 CSV，请用 format: csv 读取";
    }
    return "其他二进制文件（" + kind + "）";
  }

  private static String preview(byte[] bytes) {
    return new String(bytes, 0, Math.min(bytes.length, 120), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** One file being read: the counts, the sheet at hand, and the sink. */
  final class Reading implements WorkbookRows {
    /** Thrown out of the SAX parse when the workbook has more rows than the limit. */
    static final class TooManyRows extends RuntimeException {
      final String locator;

      TooManyRows(String locator) {
        super(null, null, false, false);
        this.locator = locator;
      }
    }

    private final String file;
    private final ReadSink sink;
    private final WorkbookWords words = WorkbookWords.standard();
    private final List<String> unmapped = new ArrayList<>();
    private final java.util.Map<Integer, RecordNormalizer> normalizers = new java.util.HashMap<>();
    private final java.util.Set<String> chosenFound = new java.util.HashSet<>();
    private SheetTable sheet;
    private long rows;
    boolean opened;
    long read;
    long accepted;
    long observations;
    long totalRows;

    Reading(String file, ReadSink sink) {
      this.file = file;
      this.sink = sink;
    }

    SourceSpec source() {
      return source;
    }

    String file() {
      return file;
    }

    MetricCatalog catalog() {
      return catalog;
    }

    WorkbookWords words() {
      return words;
    }

    /** The normaliser for a sheet's default year (the source's, else one its name or title states). */
    RecordNormalizer normalizer(Integer sheetYear) {
      Integer year = source.year() != null || sheetYear == null ? source.year() : sheetYear;
      return normalizers.computeIfAbsent(year == null ? -1 : year,
          y -> new RecordNormalizer(source.withYear(year), resolver, limits.maxRecordBytes()));
    }

    @Override
    public boolean startSheet(String name, int number, boolean visible) {
      finishSheet();
      opened = true;
      List<String> chosen = source.workbook().sheets();
      boolean named = chosen.contains(name) || chosen.contains(Integer.toString(number));
      if (named) {
        chosenFound.add(chosen.contains(name) ? name : Integer.toString(number));
      }
      if (!chosen.isEmpty() && !named) {
        notice(Notice.SHEET_SKIPPED, name, "工作表「" + name + "」不在作业文件的 sheet 所列之中，未读取", "");
        return false;
      }
      if (!visible && !named) {
        notice(Notice.SHEET_SKIPPED, name, "工作表「" + name + "」是隐藏的工作表，未读取（要读取它，请在作业文件的 sheet 中列出）", "");
        return false;
      }
      sheet = new SheetTable(this, name, number, named);
      return true;
    }

    @Override
    public void row(int row, List<Cell> cells) {
      if (++rows > limits.maxRows()) {
        throw new TooManyRows(sheet == null ? "offset 0" : sheet.ref() + "A" + row);
      }
      if (sheet != null) {
        sheet.row(new SheetHeader.Row(row, cells));
      }
    }

    @Override
    public void endSheet() {
      finishSheet();
    }

    void finishSheet() {
      if (sheet != null) {
        SheetTable s = sheet;
        sheet = null;
        s.end();
      }
    }

    void record(RecordNormalizer normalizer, ColumnMapping mapping, RecordNormalizer.RawRecord rec) {
      read++;
      long before = observations;
      boolean ok = normalizer.normalize(mapping, rec, new ReadSink() {
        @Override
        public void observation(Observation o) {
          observations++;
          sink.observation(o);
        }

        @Override
        public void stated(org.gongkai.model.StatedFigure s) {
          observations++;
          sink.stated(s);
        }

        @Override
        public void reject(Reject r) {
          sink.reject(r);
        }
      });
      if (ok) {
        accepted++;
      } else {
        observations = before;
      }
    }

    void reject(Reject r) {
      read++;
      sink.reject(r);
    }

    void fileReject(String locator, String raw, String code, String reason) {
      reject(new Reject(source.name(), file, locator, 0, source.year(), raw, code, reason));
    }

    void notice(String code, String locator, String message, String evidence) {
      sink.notice(new Notice(source.name(), file, source.year(), code, locator, message, evidence));
    }

    void unmapped(String column) {
      unmapped.add(column);
    }

    void totalRow() {
      totalRows++;
    }

    /** A workbook that cannot be read on from some point: the rest is one reject, what was read stays. */
    void broken(Exception e) {
      String where = sheet == null ? "offset 0" : sheet.ref();
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      String lower = why.toLowerCase(Locale.ROOT);
      String code;
      String what;
      if (lower.contains("zip bomb") || lower.contains("ratio")) {
        code = "ZIP_BOMB";
        what = "解压后的压缩比超出安全限制（疑似 zip 炸弹：部件解压后大于压缩前的 " + Math.round(1 / ZipSecureFile.getMinInflateRatio())
            + " 倍）";
      } else if (lower.contains("max size of the expanded") || lower.contains("exceed")) {
        code = "WORKBOOK_TOO_LARGE";
        what = "有部件解压后超过 " + limits.maxBytes() + " 字节（limits.max_workbook_bytes）";
      } else {
        code = "CORRUPT_WORKBOOK";
        what = "文件已损坏或不完整（被截断？）";
      }
      fileReject(where + (read > 0 ? "（其后部分）" : ""), "", code,
          "工作簿无法" + (read > 0 || rows > 0 ? "继续" : "") + "读取，" + what + "：" + org.gongkai.normalize.Text.abbreviate(why, 200));
    }
  }
}
