package org.gongkai.ingest.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Broken, hostile and misnamed files, written by the tests (PDFBox, POI, java.util.zip). */
final class HostileDocuments {
  private HostileDocuments() {}

  /** A PDF of {@code pages} pages, each with a line of Latin text (or none). */
  static byte[] pdf(int pages, String text, String userPassword) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int i = 0; i < pages; i++) {
        PDPage page = new PDPage();
        doc.addPage(page);
        if (text != null) {
          try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
            s.beginText();
            s.setFont(font, 12);
            s.newLineAtOffset(72, 700);
            s.showText(text);
            s.endText();
          }
        }
      }
      if (userPassword != null) {
        StandardProtectionPolicy p = new StandardProtectionPolicy("owner", userPassword, new AccessPermission());
        p.setEncryptionKeyLength(128);
        doc.protect(p);
      }
      return save(doc);
    }
  }

  /** A scan: each page one picture, no text. */
  static byte[] scan() throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
      img.getGraphics().drawString("2019", 20, 50);
      PDImageXObject x = LosslessFactory.createFromImage(doc, img);
      try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
        s.drawImage(x, 72, 500, 400, 200);
      }
      return save(doc);
    }
  }

  /**
   * Text in a font whose encoding names glyphs no Unicode table knows (/g1…), with no ToUnicode
   * map: what a PDF made by some old converters gives. Written by hand; PDFBox repairs the
   * cross-reference table.
   */
  static byte[] unmappedFont() {
    StringBuilder diff = new StringBuilder();
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      diff.append(" /g").append(100 + i);
      shown.append((char) ('A' + (i % 26)));
    }
    String content = "BT /F1 12 Tf 72 700 Td (" + shown + ") Tj 0 -20 Td (" + shown + ") Tj ET";
    String pdf = "%PDF-1.4\n"
        + "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        + " /Resources << /Font << /F1 5 0 R >> >> >> endobj\n"
        + "4 0 obj << /Length " + content.length() + " >> stream\n" + content + "\nendstream endobj\n"
        + "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /XYZABC+Custom /FirstChar 65 /LastChar 90"
        + " /Widths [" + " 600".repeat(26) + "] /Encoding << /Type /Encoding /Differences [65" + diff + "] >> >> endobj\n"
        + "trailer << /Root 1 0 R >>\n%%EOF\n";
    return pdf.getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] workbook() throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      wb.createSheet("2019年").createRow(0).createCell(0).setCellValue("乡镇");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }

  /** A package whose document part inflates a thousandfold: POI's inflate-ratio guard stops it. */
  static byte[] zipBomb() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("[Content_Types].xml"));
      z.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry("word/document.xml"));
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 64; i++) {
        z.write(spaces);
      }
      z.closeEntry();
    }
    return out.toByteArray();
  }

  static byte[] zip() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("报告.txt"));
      z.write("裕安区独山镇2019年政府信息公开工作年度报告".getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  static byte[] png() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    javax.imageio.ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }

  /** An OOXML document encrypted with a password (Office's agile encryption, as Word saves it). */
  static byte[] encryptedOffice(byte[] docx) throws Exception {
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
      Encryptor enc = info.getEncryptor();
      enc.confirmPassword("secret");
      try (OutputStream os = enc.getDataStream(fs)) {
        os.write(docx);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      fs.writeFilesystem(out);
      return out.toByteArray();
    }
  }

  private static byte[] save(PDDocument doc) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.save(out);
    return out.toByteArray();
  }
}
