package org.gongkai.ingest.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * What a report file is, from its first bytes and its container's entries, never from its
 * extension (a renamed file is read as what it is).
 */
enum DocumentKind {
  TEXT("文本或网页"),
  PDF("PDF 文档"),
  DOCX("Word 文档（.docx）"),
  DOC("Word 97-2003 文档（.doc）"),
  ENCRYPTED_OFFICE("加密的 Office 文档"),
  WORKBOOK("Excel 工作簿"),
  PRESENTATION("PowerPoint 演示文稿"),
  ZIP("ZIP 压缩包"),
  OTHER_ARCHIVE("压缩包"),
  OLE("Office 97-2003 复合文档（非 Word）"),
  IMAGE("图片"),
  RTF("RTF 文档");

  /** What the file is, for a reject reason. */
  final String label;

  DocumentKind(String label) {
    this.label = label;
  }

  static DocumentKind of(byte[] b) {
    if (starts(b, 0, "%PDF-") || b.length > 5 && indexOf(b, "%PDF-", 1024) >= 0) {
      return PDF;
    }
    if (starts(b, 0, "PK\u0003\u0004")) {
      return zip(b);
    }
    if (starts(b, 0, "\u00D0\u00CF\u0011\u00E0\u00A1\u00B1\u001A\u00E1")) {
      return ole(b);
    }
    if (starts(b, 0, "\u0089PNG") || starts(b, 0, "\u00FF\u00D8\u00FF") || starts(b, 0, "GIF8") || starts(b, 0, "BM")
        && b.length > 14 && b[14] >= 12 && b[14] <= 124 || starts(b, 0, "II*\u0000") || starts(b, 0, "MM\u0000*")
        || starts(b, 0, "RIFF") && starts(b, 8, "WEBP")) {
      return IMAGE;
    }
    if (starts(b, 0, "\u001F\u008B") || starts(b, 0, "Rar!") || starts(b, 0, "7z\u00BC\u00AF\u0027\u001C")
        || starts(b, 0, "PK\u0005\u0006")) {
      return OTHER_ARCHIVE;
    }
    if (starts(b, 0, "{\\rtf")) {
      return RTF;
    }
    return TEXT;
  }

  /** An OOXML package names its parts in the clear (local headers and central directory). */
  private static DocumentKind zip(byte[] b) {
    if (indexOf(b, "word/", b.length) >= 0) {
      return DOCX;
    }
    if (indexOf(b, "xl/", b.length) >= 0) {
      return WORKBOOK;
    }
    if (indexOf(b, "ppt/", b.length) >= 0) {
      return PRESENTATION;
    }
    return ZIP;
  }

  private static final Set<String> WORKBOOK_ENTRIES = Set.of("Workbook", "WORKBOOK", "Book");

  private static DocumentKind ole(byte[] b) {
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(b))) {
      Set<String> names = fs.getRoot().getEntryNames();
      if (names.contains("EncryptedPackage") || names.contains("EncryptionInfo")) {
        return ENCRYPTED_OFFICE;
      }
      if (names.contains("WordDocument")) {
        return DOC;
      }
      for (String n : names) {
        if (WORKBOOK_ENTRIES.contains(n)) {
          return WORKBOOK;
        }
      }
      if (names.contains("PowerPoint Document")) {
        return PRESENTATION;
      }
      return OLE;
    } catch (IOException | RuntimeException e) {
      return DOC; // a damaged compound file: the Word reader says what is wrong with it
    }
  }

  private static boolean starts(byte[] b, int at, String magic) {
    byte[] m = magic.getBytes(StandardCharsets.ISO_8859_1);
    if (b.length < at + m.length) {
      return false;
    }
    for (int i = 0; i < m.length; i++) {
      if (b[at + i] != m[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] b, String s, int limit) {
    byte[] m = s.getBytes(StandardCharsets.ISO_8859_1);
    int end = Math.min(b.length, limit) - m.length;
    outer:
    for (int i = 0; i <= end; i++) {
      for (int j = 0; j < m.length; j++) {
        if (b[i + j] != m[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
