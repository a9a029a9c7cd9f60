package org.gongkai.ingest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.gongkai.model.Observation;
import org.gongkai.model.Reject;
import org.junit.jupiter.api.Test;

/** PDF and Word reports: what is read, and each way a document is refused, with its reason. */
class ReportDocumentsTest {
  static final Path DOCS = ReportDocumentsCorpusTest.DOCUMENTS;
  static final Path TEMPLATE_DOCX = DOCS.resolve("341503104-2019-dushan.html.docx");
  static final Path TEMPLATE_PDF = DOCS.resolve("341503104-2019-dushan.html.word.pdf");

  static Reject rejected(String file, byte[] bytes) {
    return rejected(ReportFixtures.reader(), file, bytes);
  }

  static Reject rejected(ReportReader reader, String file, byte[] bytes) {
    ReportFixtures.Collect c = ReportFixtures.read(reader, file, bytes);
    assertEquals(1, c.counts.rejected(), file + " was accepted");
    assertEquals(1, c.rejects.size());
    assertTrue(c.observations.isEmpty());
    return c.rejects.get(0);
  }

  @Test
  void aTableFigureNamesItsTableRowAndAProseFigureItsPageAndLine() throws Exception {
    ReportFixtures.Collect pdf = ReportFixtures.read(ReportFixtures.reader(), TEMPLATE_PDF.toString(), Files.readAllBytes(TEMPLATE_PDF));
    Observation received = pdf.get("applications_received");
    assertEquals(5, received.value());
    assertTrue(received.locator().matches("page \\d+ table \\d+ row \\d+"), received.locator());
    Observation total = pdf.get("published_total");
    assertEquals("page 1 line 6", total.locator());
    assertTrue(total.evidence().contains("1526"), total.evidence());
    ReportFixtures.Collect docx = ReportFixtures.read(ReportFixtures.reader(), TEMPLATE_DOCX.toString(), Files.readAllBytes(TEMPLATE_DOCX));
    assertEquals("table 1 row 7", docx.get("licensing_decisions").locator()); // | 行政许可 | 12 | 0 | 36 |
    assertTrue(docx.get("applications_received").locator().matches("table 2 row \\d+"));
    assertEquals("paragraph 4", docx.get("published_total").locator());
  }

  @Test
  void theKindIsReadFromTheContentNotTheExtension() throws Exception {
    byte[] docx = Files.readAllBytes(TEMPLATE_DOCX);
    ReportFixtures.Collect named = ReportFixtures.read(ReportFixtures.reader(), "dushan.txt", docx);
    ReportFixtures.Collect pdfAsHtml = ReportFixtures.read(ReportFixtures.reader(), "dushan.html", Files.readAllBytes(TEMPLATE_PDF));
    assertEquals(22, named.observations.size(), named.rejects.toString());
    assertEquals(22, pdfAsHtml.observations.size(), pdfAsHtml.rejects.toString());
    Reject workbook = rejected("report.pdf", HostileDocuments.workbook());
    assertEquals("NOT_A_REPORT_FILE", workbook.reasonCode());
    assertTrue(workbook.reason().contains("Excel 工作簿") && workbook.reason().contains("format: excel"), workbook.reason());
  }

  @Test
  void otherBinariesAreNotReports() throws Exception {
    assertTrue(rejected("a.zip", HostileDocuments.zip()).reason().contains("ZIP 压缩包"));
    assertTrue(rejected("a.png", HostileDocuments.png()).reason().contains("图片"));
    assertEquals("NOT_A_REPORT_FILE", rejected("a.png", HostileDocuments.png()).reasonCode());
  }

  @Test
  void aScanNeedsOcr() throws Exception {
    Reject r = rejected("scan.pdf", HostileDocuments.scan());
    assertEquals("NO_TEXT_LAYER", r.reasonCode());
    assertTrue(r.reason().contains("OCR") && r.reason().contains("扫描"), r.reason());
  }

  @Test
  void textInAFontWithoutUnicodeIsUnreadable() {
    Reject r = rejected("garbled.pdf", HostileDocuments.unmappedFont());
    assertEquals("UNREADABLE_TEXT", r.reasonCode(), r.reason());
  }

  @Test
  void passwordProtectedDocumentsAreNamedSo() throws Exception {
    Reject pdf = rejected("locked.pdf", HostileDocuments.pdf(1, "annual report 2019", "secret"));
    assertEquals("ENCRYPTED_DOCUMENT", pdf.reasonCode());
    assertTrue(pdf.reason().contains("密码"), pdf.reason());
    Reject docx = rejected("locked.docx", HostileDocuments.encryptedOffice(Files.readAllBytes(TEMPLATE_DOCX)));
    assertEquals("ENCRYPTED_DOCUMENT", docx.reasonCode());
  }

  @Test
  void aPdfBeyondThePageLimitIsNotRead() throws Exception {
    ReportReader reader = new ReportReader(ReportFixtures.source(null, null, null),
        new org.gongkai.normalize.RegionResolver(ReportFixtures.gazetteer()), ReportFixtures.CATALOG, 1 << 20, 5);
    Reject r = rejected(reader, "long.pdf", HostileDocuments.pdf(6, null, null));
    assertEquals("TOO_MANY_PAGES", r.reasonCode());
    assertTrue(r.reason().contains("6 页") && r.reason().contains("5 页") && r.reason().contains("limits.max_report_pages"), r.reason());
  }

  @Test
  void aZipBombIsStoppedByPoisGuards() throws Exception {
    Reject r = rejected("bomb.docx", HostileDocuments.zipBomb());
    assertEquals("ZIP_BOMB", r.reasonCode(), r.reason());
  }

  @Test
  void truncatedDocumentsAreBroken() throws Exception {
    for (Path p : new Path[] {TEMPLATE_DOCX, DOCS.resolve("341503104-2019-dushan.html.doc")}) {
      byte[] b = Files.readAllBytes(p);
      Reject r = rejected(p.toString(), Arrays.copyOf(b, b.length / 2));
      assertEquals("BROKEN_DOCUMENT", r.reasonCode(), r.reason());
      assertTrue(r.reason().contains("截断"), r.reason());
    }
  }

  @Test
  void extractReadsDocumentsAndSaysWhenAFileIsNoReport(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path xlsx = dir.resolve("报告.docx");
    Files.write(xlsx, HostileDocuments.workbook());
    ReportExtractCommandTest.Run r = ReportExtractCommandTest.run(TEMPLATE_PDF.toString(), xlsx.toString());
    assertEquals(1, r.exit());
    assertEquals(5, r.lines().get(0).get("figures").get("applications_received").get("value").asInt());
    assertTrue(r.lines().get(0).get("figures").get("applications_received").get("locator").asText().startsWith("page "));
    assertEquals("NOT_A_REPORT_FILE", r.lines().get(1).get("rejected").get("code").asText());
    assertTrue(r.lines().get(1).get("figures") == null);
    assertTrue(r.err().contains("Excel 工作簿"), r.err());
  }
}
