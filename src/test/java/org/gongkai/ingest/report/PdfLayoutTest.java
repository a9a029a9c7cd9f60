package org.gongkai.ingest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.ingest.report.PdfGlyphs.Glyph;
import org.gongkai.ingest.report.PdfGlyphs.Ruling;
import org.gongkai.ingest.report.PdfLayout.Item;
import org.junit.jupiter.api.Test;

/** The PDF layout on glyphs and rulings placed by hand: spacing, tables with merged cells, page furniture, wrapping. */
class PdfLayoutTest {
  static final float EM = 12;

  /** The glyphs of {@code text} from x on the baseline y, one em (CJK) or half an em (Latin) each. */
  static List<Glyph> run(String text, float x, float y) {
    List<Glyph> out = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      float w = PdfLayout.isCjk(c) ? EM : EM / 2;
      if (c != ' ') {
        out.add(new Glyph(String.valueOf(c), x, y, w, EM));
      }
      x += c == ' ' ? EM * 0.3f : w;
    }
    return out;
  }

  static String line(List<Glyph> glyphs) {
    return PdfLayout.text(PdfLayout.lines(glyphs).get(0));
  }

  @Test
  void aTypedSpaceBetweenANumberAndItsUnitGoesButOneBetweenNumbersStays() {
    assertEquals("全年公开119条，其中12345热线", line(run("全年公开 119 条，其中 12345 热线", 72, 100)));
    assertEquals("12 0 36", line(run("12 0 36", 72, 100)));
    List<Glyph> wide = new ArrayList<>(run("申请数量", 72, 100));
    wide.addAll(run("5", 72 + 4 * EM + 3 * EM, 100));
    assertEquals("申请数量  5", line(wide));
  }

  @Test
  void aRuledTableGivesRowsOfCellsWithAMergedLabelOnceInItsFirstRow() {
    // three columns at x 0,100,200,300; rows at y 0,20,40,60; the first column's cell spans rows 2 and 3
    List<Ruling> rulings = new ArrayList<>();
    rulings.add(new Ruling(true, 0, 0, 300));
    rulings.add(new Ruling(true, 20, 0, 300));
    rulings.add(new Ruling(true, 40, 100, 300)); // no line under the merged cell
    rulings.add(new Ruling(true, 60, 0, 300));
    for (float x : new float[] {0, 100, 200, 300}) {
      rulings.add(new Ruling(false, x, 0, 60));
    }
    List<Glyph> glyphs = new ArrayList<>();
    glyphs.addAll(run("信息内容", 5, 15));
    glyphs.addAll(run("本年新", 105, 9));
    glyphs.addAll(run("制作数量", 105, 19)); // a header cell over two lines
    glyphs.addAll(run("总数", 205, 15));
    glyphs.addAll(run("三、办理结果", 5, 45)); // the merged cell, its text in the middle
    glyphs.addAll(run("2", 105, 35));
    glyphs.addAll(run("3", 205, 35));
    glyphs.addAll(run("0", 105, 55));
    glyphs.addAll(run("1", 205, 55));
    glyphs.addAll(run("一、总体情况", 0, 90)); // text below the table
    List<Item> items = PdfLayout.items(glyphs, rulings);
    List<String> texts = items.stream().map(Item::text).toList();
    assertEquals(List.of("| 信息内容 | 本年新制作数量 | 总数 |", "| 三、办理结果 | 2 | 3 |", "| 0 | 1 |", "一、总体情况"), texts);
    assertEquals(List.of(1, 2, 3, 0), items.stream().map(Item::row).toList());
  }

  static Item text(float y, float x0, float x1, String s) {
    return new Item(y, x0, x1, EM, s, 0, 0);
  }

  @Test
  void pageNumbersAndABrowsersMarginsGoAndWrappedLinesAreRejoined() {
    float h = 800;
    List<Item> p1 = List.of(
        text(20, 30, 500, "2026/12/2 00:10   裕安区独山镇2019年政府信息公开工作年度报告"),
        text(100, 72, 500, "（一）主动公开。全年主动公开政府信息"),
        text(120, 72, 100, "1526条。"),
        text(140, 96, 500, "（二）依申请公开。本年收到申请"),
        text(780, 30, 500, "file:///tmp/dushan.html   1/2"));
    List<Item> p2 = List.of(
        text(20, 30, 500, "2026/12/2 00:10   裕安区独山镇2019年政府信息公开工作年度报告"),
        text(100, 72, 200, "339件。"),
        text(770, 280, 300, "- 2 -"));
    List<List<Item>> pages = PdfText.withoutFurniture(List.of(p1, p2), List.of(h, h));
    DocumentText t = PdfText.join(pages);
    assertEquals("（一）主动公开。全年主动公开政府信息1526条。\n（二）依申请公开。本年收到申请339件。\n", t.text());
    // lines are counted without the page's furniture
    assertEquals("page 1 line 1", t.locate(0));
    assertEquals("page 1 line 3", t.locate(t.text().indexOf("339")));
  }
}
