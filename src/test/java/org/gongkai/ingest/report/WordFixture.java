package org.gongkai.ingest.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Writes a report's HTML page as a Word document the way a township's clerk has it: headings
 * and paragraphs, and each table with its merged cells as Word merges them (gridSpan across,
 * vMerge down). Used by scripts/make-report-fixtures: {@code WordFixture in.html out.docx}.
 */
public final class WordFixture {
  private WordFixture() {}

  private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div");

  public static void main(String[] args) throws IOException {
    org.jsoup.nodes.Document html = Jsoup.parse(org.gongkai.ingest.EncodingDetector.decode(Files.readAllBytes(Path.of(args[0])), "auto").text());
    try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
      for (Element e : html.body().select("h1, h2, h3, h4, h5, h6, p, li, div, table")) {
        if (e.parents().stream().anyMatch(p -> p.normalName().equals("table"))) {
          continue;
        }
        if (e.normalName().equals("table")) {
          table(doc, e);
        } else if (BLOCKS.contains(e.normalName()) && e.children().select("p, div, table").isEmpty() && !e.text().isBlank()) {
          XWPFParagraph p = doc.createParagraph();
          p.createRun().setText(e.text());
          if (e.normalName().startsWith("h")) {
            p.getRuns().get(0).setBold(true);
          }
        }
      }
      doc.write(out);
    }
  }

  /** A cell as Word holds it: text, columns spanned, and whether it starts or continues a vertical merge. */
  private record Spec(String text, int span, STMerge.Enum merge) {}

  private static void table(XWPFDocument doc, Element table) {
    XWPFTable t = doc.createTable();
    Map<Integer, int[]> pending = new TreeMap<>(); // column → {rows still covered, colspan}
    int r = 0;
    for (Element tr : table.select("tr")) {
      List<Spec> specs = new ArrayList<>();
      Iterator<Element> tds = tr.select("> td, > th").iterator();
      int col = 0;
      while (true) {
        int[] p = pending.get(col);
        if (p != null) {
          specs.add(new Spec("", p[1], STMerge.CONTINUE));
          if (--p[0] == 0) {
            pending.remove(col);
          }
          col += p[1];
        } else if (tds.hasNext()) {
          Element td = tds.next();
          int span = Math.max(1, parse(td.attr("colspan")));
          int down = Math.max(1, parse(td.attr("rowspan")));
          specs.add(new Spec(td.text(), span, down > 1 ? STMerge.RESTART : null));
          if (down > 1) {
            pending.put(col, new int[] {down - 1, span});
          }
          col += span;
        } else {
          break;
        }
      }
      XWPFTableRow row = r == 0 ? t.getRow(0) : t.insertNewTableRow(r);
      for (int i = 0; i < specs.size(); i++) {
        Spec spec = specs.get(i);
        XWPFTableCell cell = r == 0 && i == 0 ? row.getCell(0) : row.createCell();
        cell.setText(spec.text());
        CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        if (spec.span() > 1) {
          pr.addNewGridSpan().setVal(BigInteger.valueOf(spec.span()));
        }
        if (spec.merge() != null) {
          pr.addNewVMerge().setVal(spec.merge());
        }
      }
      r++;
    }
  }

  private static int parse(String s) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
