package org.gongkai.ingest.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.gongkai.ingest.report.PdfLayout.Item;

/**
 * A PDF report (PDFBox) as the lines the report readers read: text in reading order, lines
 * that wrap rejoined, running headers and footers (page numbers, a browser's date, title and
 * address) left out, ruled tables as rows of cells (see {@link PdfLayout}); each line knows
 * its page and line or its table and row.
 */
final class PdfText {
  private PdfText() {}

  private static final Pattern PAGE_NUMBER = Pattern.compile(
      "(?:第\\s*\\d{1,4}\\s*页\\s*[,，/]?\\s*(?:共\\s*\\d{1,4}\\s*页)?|共\\s*\\d{1,4}\\s*页\\s*第\\s*\\d{1,4}\\s*页"
          + "|[-—–]\\s*\\d{1,4}\\s*[-—–]|\\d{1,4}\\s*/\\s*\\d{1,4}|\\d{1,4}|page\\s*\\d+(?:\\s*of\\s*\\d+)?)",
      Pattern.CASE_INSENSITIVE);
  /** What a browser prints in the margins: the date and time, the address. */
  private static final Pattern BROWSER_MARGIN = Pattern.compile(
      "^\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}[ ,].*|.*(?:https?|file)://\\S*.*|.*\\bwww\\.\\S+.*");
  private static final String SENTENCE_END = "。！？；!?;";

  static DocumentText read(byte[] bytes, int maxPages) throws DocumentProblem {
    PdfGlyphs glyphs;
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      int pages = doc.getNumberOfPages();
      if (pages > maxPages) {
        throw new DocumentProblem("TOO_MANY_PAGES",
            "PDF 有 " + pages + " 页，超过上限 " + maxPages + " 页（limits.max_report_pages），未读取");
      }
      glyphs = new PdfGlyphs();
      glyphs.writeText(doc, Writer.nullWriter());
    } catch (InvalidPasswordException e) {
      throw new DocumentProblem("ENCRYPTED_DOCUMENT", "PDF 有打开密码（已加密），无法读取：请提供未加密的文件");
    } catch (IOException | RuntimeException | StackOverflowError e) {
      throw new DocumentProblem("BROKEN_DOCUMENT", "PDF 已损坏或不完整（可能被截断），无法读取：" + WordText.abbreviate(e.toString()));
    }
    if (glyphs.glyphCount < 10) {
      throw new DocumentProblem("NO_TEXT_LAYER", "PDF 共 " + glyphs.pages.size()
          + " 页，没有文字层（扫描件或图片版）：需先做文字识别（OCR）再读取");
    }
    if (glyphs.unreadable >= 10 && glyphs.unreadable * 10 > glyphs.glyphCount) {
      throw new DocumentProblem("UNREADABLE_TEXT", "PDF 的文字无法解码：" + glyphs.unreadable + " / " + glyphs.glyphCount
          + " 个字符没有 Unicode 对应（字体缺少 ToUnicode 映射），需先做文字识别（OCR）或换用原始文件");
    }
    List<List<Item>> pages = withoutFurniture(glyphs.pages, glyphs.heights);
    DocumentText text = join(pages);
    if (cjk(text.text()) < 10) {
      throw new DocumentProblem("UNREADABLE_TEXT", "PDF 的文字层中几乎没有汉字（" + glyphs.glyphCount
          + " 个字符，字体编码无法还原为文字），需先做文字识别（OCR）或换用原始文件");
    }
    return text;
  }

  /** Page numbers at a page's top or bottom, and lines in the margins that a browser prints or that repeat. */
  static List<List<Item>> withoutFurniture(List<List<Item>> pages, List<Float> heights) {
    Map<String, Integer> marginLines = new HashMap<>();
    for (int p = 0; p < pages.size(); p++) {
      for (Item it : pages.get(p)) {
        if (it.row() == 0 && inMargin(it, heights.get(p))) {
          marginLines.merge(shape(it.text()), 1, Integer::sum);
        }
      }
    }
    List<List<Item>> out = new ArrayList<>();
    for (int p = 0; p < pages.size(); p++) {
      List<Item> kept = new ArrayList<>();
      List<Item> items = pages.get(p);
      for (int i = 0; i < items.size(); i++) {
        Item it = items.get(i);
        boolean edge = i == 0 || i == items.size() - 1 || inMargin(it, heights.get(p));
        String t = it.text().strip();
        boolean furniture = it.row() == 0 && edge && (PAGE_NUMBER.matcher(t).matches()
            || inMargin(it, heights.get(p)) && (BROWSER_MARGIN.matcher(t).matches()
                || pages.size() > 1 && marginLines.getOrDefault(shape(t), 0) > 1));
        if (!furniture) {
          kept.add(it);
        }
      }
      out.add(kept);
    }
    return out;
  }

  private static boolean inMargin(Item it, float height) {
    return it.y() < height * 0.08f || it.y() > height * 0.92f;
  }

  /** A margin line with its numbers blanked, so that "第1页" and "第2页" compare equal. */
  private static String shape(String s) {
    return s.strip().replaceAll("\\d+", "#");
  }

  /** The items as lines: a line that runs to the right margin goes on in the next one. */
  static DocumentText join(List<List<Item>> pages) {
    float left = Float.MAX_VALUE;
    float right = 0;
    for (List<Item> page : pages) {
      for (Item it : page) {
        if (it.row() == 0 && it.text().length() > 8) {
          left = Math.min(left, it.x0());
          right = Math.max(right, it.x1());
        }
      }
    }
    DocumentText.Builder b = new DocumentText.Builder();
    StringBuilder para = new StringBuilder();
    String place = null;
    Item prev = null;
    int prevPage = -1;
    for (int p = 0; p < pages.size(); p++) {
      int lineNo = 0;
      for (Item it : pages.get(p)) {
        lineNo++;
        if (it.row() > 0) {
          if (para.length() > 0) {
            b.line(para.toString(), place);
            para.setLength(0);
          }
          if (prev == null || prev.row() == 0) {
            b.gap();
          }
          if (lineNo == 1 && prev != null && prev.row() > 0 && prevPage == p - 1 && b.mergeLast(it.text())) {
            prev = it;
            prevPage = p;
            continue;
          }
          b.line(it.text(), "page " + (p + 1) + " table " + it.table() + " row " + it.row());
          prev = it;
          prevPage = p;
          continue;
        }
        if (prev != null && prev.row() > 0) {
          b.gap();
        }
        if (para.length() > 0 && continues(prev, it, prevPage == p, left, right)) {
          char a = para.charAt(para.length() - 1);
          if (PdfLayout.isWordChar(a) && PdfLayout.isWordChar(it.text().charAt(0))) {
            para.append(' ');
          }
          para.append(it.text().strip());
        } else {
          if (para.length() > 0) {
            b.line(para.toString(), place);
          }
          para.setLength(0);
          para.append(it.text().strip());
          place = "page " + (p + 1) + " line " + lineNo;
        }
        prev = it;
        prevPage = p;
      }
    }
    if (para.length() > 0) {
      b.line(para.toString(), place);
    }
    return b.build();
  }

  private static boolean continues(Item prev, Item next, boolean samePage, float left, float right) {
    if (prev == null || prev.row() > 0 || next.text().isBlank()) {
      return false;
    }
    float em = Math.max(1f, Math.max(prev.size(), next.size()));
    boolean full = prev.x1() >= right - 1.5f * em;
    boolean indented = next.x0() > left + 1.2f * em;
    boolean near = !samePage || next.y() - prev.y() < 2.2f * em;
    String t = prev.text().strip();
    boolean ended = !t.isEmpty() && SENTENCE_END.indexOf(t.charAt(t.length() - 1)) >= 0 && !full;
    return full && !indented && near && !ended && Math.abs(prev.size() - next.size()) < 1.5f;
  }

  private static int cjk(String s) {
    int n = 0;
    for (int i = 0; i < s.length() && n < 10; i++) {
      if (s.charAt(i) >= 0x4E00 && s.charAt(i) <= 0x9FFF) {
        n++;
      }
    }
    return n;
  }
}
