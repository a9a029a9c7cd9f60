package org.gongkai.ingest.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTVMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * A Word report as lines: paragraphs in body order, each table row as one line of cells joined
 * by {@code |} as {@link HtmlFlattener} gives an HTML table (a merged cell once, in its first
 * row or column, as HTML's rowspan/colspan). .docx with POI XWPF, .doc with POI HWPF.
 */
final class WordText {
  private WordText() {}

  static DocumentText docx(byte[] bytes) throws DocumentProblem {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      DocumentText.Builder b = new DocumentText.Builder();
      int[] counts = new int[2]; // paragraphs, tables
      for (IBodyElement e : doc.getBodyElements()) {
        body(e, b, counts);
      }
      return b.build();
    } catch (EncryptedDocumentException e) {
      throw encrypted();
    } catch (IOException | RuntimeException e) {
      throw broken(e, "Word 文档（.docx）");
    }
  }

  private static void body(IBodyElement e, DocumentText.Builder b, int[] counts) {
    if (e instanceof XWPFParagraph p) {
      counts[0]++;
      String t = clean(p.getText());
      if (!t.isBlank()) {
        b.line(t, "paragraph " + counts[0]);
      }
    } else if (e instanceof XWPFTable t) {
      counts[1]++;
      b.gap();
      int r = 0;
      for (XWPFTableRow row : t.getRows()) {
        r++;
        List<String> cells = new ArrayList<>();
        for (XWPFTableCell cell : row.getTableCells()) {
          if (!continuesMerge(cell)) {
            cells.add(cellText(cell));
          }
        }
        if (!cells.isEmpty()) {
          b.line(row(cells), "table " + counts[1] + " row " + r);
        }
      }
      b.gap();
    } else if (e instanceof XWPFSDT sdt) {
      counts[0]++;
      String t = clean(sdt.getContent().getText());
      for (String line : t.split("\n")) {
        if (!line.isBlank()) {
          b.line(line.strip(), "paragraph " + counts[0]);
        }
      }
    }
  }

  /** A cell under the first of a vertical merge (vMerge without val="restart"). */
  private static boolean continuesMerge(XWPFTableCell cell) {
    CTTcPr pr = cell.getCTTc().getTcPr();
    if (pr == null || !pr.isSetVMerge()) {
      return false;
    }
    CTVMerge v = pr.getVMerge();
    return !v.isSetVal() || v.getVal() == STMerge.CONTINUE;
  }

  private static String cellText(XWPFTableCell cell) {
    StringBuilder s = new StringBuilder();
    for (XWPFParagraph p : cell.getParagraphs()) {
      append(s, p.getText());
    }
    for (XWPFTable nested : cell.getTables()) {
      append(s, nested.getText());
    }
    return s.toString();
  }

  static DocumentText doc(byte[] bytes) throws DocumentProblem {
    try (HWPFDocument doc = new HWPFDocument(new ByteArrayInputStream(bytes))) {
      DocumentText.Builder b = new DocumentText.Builder();
      Range range = doc.getRange();
      int tables = 0;
      int n = range.numParagraphs();
      for (int i = 0; i < n; i++) {
        Paragraph p = range.getParagraph(i);
        if (p.isInTable()) {
          Table t = range.getTable(p);
          tables++;
          table(t, tables, b);
          i += Math.max(1, t.numParagraphs()) - 1;
          continue;
        }
        String text = clean(p.text());
        if (!text.isBlank()) {
          b.line(text, "paragraph " + (i + 1));
        }
      }
      return b.build();
    } catch (EncryptedDocumentException e) {
      throw encrypted();
    } catch (IOException | RuntimeException e) {
      throw broken(e, "Word 97-2003 文档（.doc）");
    }
  }

  private static void table(Table t, int number, DocumentText.Builder b) {
    b.gap();
    for (int r = 0; r < t.numRows(); r++) {
      TableRow row = t.getRow(r);
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < row.numCells(); c++) {
        TableCell cell = row.getCell(c);
        if (cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged() || cell.isMerged() && !cell.isFirstMerged()) {
          continue;
        }
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < cell.numParagraphs(); k++) {
          append(s, cell.getParagraph(k).text());
        }
        cells.add(s.toString());
      }
      if (!cells.isEmpty()) {
        b.line(row(cells), "table " + number + " row " + (r + 1));
      }
    }
    b.gap();
  }

  private static String row(List<String> cells) {
    StringBuilder row = new StringBuilder("|");
    for (String c : cells) {
      row.append(' ').append(c.replace('|', ' ')).append(" |");
    }
    return row.toString();
  }

  private static void append(StringBuilder s, String text) {
    String t = clean(text).replace('\n', ' ').strip();
    if (!t.isEmpty()) {
      s.append(s.length() == 0 ? "" : " ").append(t);
    }
  }

  /**
   * Word's marks out: cell and row ends (\u0007), paragraph ends, field codes (\u0013 code
   * \u0014 result \u0015: the result is kept), other control characters; non-breaking spaces as spaces.
   */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder s = new StringBuilder(text.length());
    int field = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '\u0013') {
        field++;
      } else if (ch == '\u0014' || ch == '\u0015') {
        field = Math.max(0, field - 1);
      } else if (field > 0) {
        continue;
      } else if (ch == '\u000B' || ch == '\r' || ch == '\n') {
        s.append('\n');
      } else if (ch == '\u00A0' || ch == '\t') {
        s.append(' ');
      } else if (ch >= 0x20 && ch != 0x7F) {
        s.append(ch);
      }
    }
    return s.toString().strip();
  }

  static DocumentProblem encrypted() {
    return new DocumentProblem("ENCRYPTED_DOCUMENT", "文档有密码保护（已加密），无法读取：请提供未加密的文件");
  }

  static DocumentProblem broken(Throwable e, String what) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("Zip bomb") || m.contains("zip bomb") || m.contains("exceed")) {
        return new DocumentProblem("ZIP_BOMB", what + "解压后的大小或压缩比超出安全限制（疑似压缩炸弹），未读取：" + abbreviate(m));
      }
      if (t instanceof EncryptedDocumentException) {
        return encrypted();
      }
    }
    return new DocumentProblem("BROKEN_DOCUMENT", what + "已损坏或不完整（可能被截断），无法读取：" + abbreviate(e.toString()));
  }

  static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
