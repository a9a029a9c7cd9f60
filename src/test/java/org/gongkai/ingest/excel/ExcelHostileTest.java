package org.gongkai.ingest.excel;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.model.Reject;
import org.junit.jupiter.api.Test;

/** Files that are not what they say, locked, broken or too big: one clear reject each, never an OOM or a hang. */
class ExcelHostileTest {
  private static final SourceSpec SPEC = ExcelReaderTest.spec(2022, SourceSpec.Workbook.DETECT);

  private static Reject only(ExcelReaderTest.Read r) {
    assertEquals(r.counts.read(), r.counts.accepted() + r.counts.rejected());
    assertEquals(1, r.rejects.size(), () -> r.rejects.toString());
    return r.rejects.get(0);
  }

  @Test
  void aPasswordProtectedXlsxIsSaidToBeEncrypted() throws Exception {
    POIFSFileSystem fs = new POIFSFileSystem();
    Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
    enc.confirmPassword("mima");
    try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(CountyWorkbook.xlsx())); OutputStream os = enc.getDataStream(fs)) {
      opc.save(os);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    fs.writeFilesystem(out);
    Reject r = only(ExcelReaderTest.read(out.toByteArray(), SPEC));
    assertEquals("ENCRYPTED_WORKBOOK", r.reasonCode());
    assertTrue(r.reason().contains("密码"), r.reason());
  }

  @Test
  void aPasswordProtectedXlsIsSaidToBeEncrypted() throws Exception {
    byte[] bytes;
    Biff8EncryptionKey.setCurrentUserPassword("mima");
    try (HSSFWorkbook wb = new HSSFWorkbook(new ByteArrayInputStream(CountyWorkbook.xls()))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      bytes = out.toByteArray();
    } finally {
      Biff8EncryptionKey.setCurrentUserPassword(null);
    }
    assertEquals("ENCRYPTED_WORKBOOK", only(ExcelReaderTest.read(bytes, SPEC)).reasonCode());
  }

  @Test
  void aZipBombIsRefusedByPoisGuards() throws IOException {
    // The sheet padded with 64 MB of spaces after its root element: valid XML, inflating ~1000×.
    byte[] bomb = rezip(CountyWorkbook.xlsx(), "xl/worksheets/sheet1.xml", 64 << 20);
    ExcelReaderTest.Read r = ExcelReaderTest.read(bomb, SPEC);
    Reject reject = r.rejects.get(r.rejects.size() - 1);
    assertEquals("ZIP_BOMB", reject.reasonCode(), reject.reason());
    assertTrue(reject.reason().contains("压缩比"), reject.reason());
    assertEquals(r.counts.read(), r.counts.accepted() + r.counts.rejected());
  }

  @Test
  void aPartBeyondTheByteLimitIsRefused() throws IOException {
    ExcelReaderTest.Read r = ExcelReaderTest.read(CountyWorkbook.xlsx(), ExcelReaderTest.reader(SPEC, 1_000_000, 1000));
    Reject reject = r.rejects.get(r.rejects.size() - 1);
    assertEquals("WORKBOOK_TOO_LARGE", reject.reasonCode(), reject.reason());
    assertTrue(reject.reason().contains("limits.max_workbook_bytes"), reject.reason());
  }

  @Test
  void aMillionRowsBeyondTheRowLimitStopAtTheLimit() throws IOException {
    ExcelReaderTest.Read r = ExcelReaderTest.read(millionRows(), ExcelReaderTest.reader(SPEC, 50_000, 1L << 30));
    assertEquals(50_000, r.counts.read(), "49,999 records and the rest as one reject");
    assertEquals(49_999, r.counts.accepted());
    Reject reject = r.rejects.get(0);
    assertEquals("WORKBOOK_TOO_LARGE", reject.reasonCode());
    assertEquals("全国!A50001", reject.locator());
    assertTrue(reject.reason().contains("50000") && reject.reason().contains("limits.max_workbook_rows"), reject.reason());
  }

  /** A sheet 全国 of 乡镇 | 政策解读 and a million rows, its XML written straight into the package (POI would take a minute). */
  static byte[] millionRows() throws IOException {
    byte[] base;
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
      wb.createSheet("全国");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      base = out.toByteArray();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(base)); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        zip.putNextEntry(new ZipEntry(e.getName()));
        if (!e.getName().equals("xl/worksheets/sheet1.xml")) {
          zip.write(in.readAllBytes());
          continue;
        }
        var w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(zip, UTF_8), 1 << 16);
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        w.write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>乡镇</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>政策解读</t></is></c></row>");
        for (int i = 2; i <= 1_000_001; i++) {
          w.write("<row r=\"" + i + "\"><c r=\"A" + i + "\" t=\"inlineStr\"><is><t>" + (i % 2 == 0 ? "鼓楼街道" : "苏埠镇")
              + "</t></is></c><c r=\"B" + i + "\"><v>" + i + "</v></c></row>");
        }
        w.write("</sheetData></worksheet>");
        w.flush();
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  @Test
  void aTruncatedWorkbookIsSaidToBeBroken() {
    byte[] whole = CountyWorkbook.xlsx();
    for (int cut : new int[] {10, whole.length / 3, whole.length - 30}) {
      ExcelReaderTest.Read r = ExcelReaderTest.read(Arrays.copyOf(whole, cut), SPEC);
      Reject reject = only(r);
      assertEquals("CORRUPT_WORKBOOK", reject.reasonCode(), cut + ": " + reject.reason());
      assertTrue(reject.reason().contains("损坏或不完整"), reject.reason());
    }
    Reject xls = only(ExcelReaderTest.read(Arrays.copyOf(CountyWorkbook.xls(), 3000), SPEC));
    assertEquals("CORRUPT_WORKBOOK", xls.reasonCode(), xls.reason());
  }

  @Test
  void aFileWhoseExtensionLiesIsNamedForWhatItIs() {
    String html = "<html><head><meta charset=\"utf-8\"></head><body><table><tr><td>乡镇</td><td>政策解读</td></tr>"
        + "<tr><td>鼓楼街道</td><td>8</td></tr></table></body></html>";
    Reject h = only(ExcelReaderTest.read(html.getBytes(UTF_8), SPEC));
    assertEquals("NOT_A_WORKBOOK", h.reasonCode());
    assertTrue(h.reason().contains("HTML"), h.reason());
    Reject csv = only(ExcelReaderTest.read("乡镇,政策解读\n鼓楼街道,8\n".getBytes(UTF_8), SPEC));
    assertEquals("NOT_A_WORKBOOK", csv.reasonCode());
    assertTrue(csv.reason().contains("CSV"), csv.reason());
    Reject pdf = only(ExcelReaderTest.read("%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(UTF_8), SPEC));
    assertTrue(pdf.reason().contains("PDF"), pdf.reason());
    Reject empty = only(ExcelReaderTest.read(new byte[0], SPEC));
    assertTrue(empty.reason().contains("空文件"), empty.reason());
    // content decides, not the name: an .xls renamed .xlsx is still read
    assertEquals(ExcelReaderTest.FIGURES, ExcelReaderTest.read(CountyWorkbook.xls(), SPEC).figures());
  }

  /** The workbook with one part padded by {@code pad} spaces. */
  static byte[] rezip(byte[] xlsx, String part, int pad) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(in.readAllBytes());
        if (e.getName().equals(part)) {
          byte[] spaces = new byte[1 << 20];
          Arrays.fill(spaces, (byte) ' ');
          for (int i = 0; i < pad / spaces.length; i++) {
            zip.write(spaces);
          }
        }
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  static List<String> codes(ExcelReaderTest.Read r) {
    return r.rejects.stream().map(Reject::reasonCode).toList();
  }
}
