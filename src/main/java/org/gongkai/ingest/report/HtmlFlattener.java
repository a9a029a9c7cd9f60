package org.gongkai.ingest.report;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * An HTML report as text (jsoup): the page title first, block elements on their own lines, and
 * each table row of a data table as one line of cells joined by {@code |} (empty cells kept, so
 * columns stay aligned). Tables that hold other tables are page layout, read as blocks. Scripts
 * and styles are dropped. The template reader then sees the same shape as a text report.
 */
final class HtmlFlattener {
  private HtmlFlattener() {}

  private static final Set<String> BLOCKS =
      Set.of("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section",
          "article", "header", "footer", "blockquote", "pre", "hr", "form", "center", "tr", "td", "th", "table",
          "tbody", "thead", "main", "nav", "aside", "figure", "figcaption", "caption");

  private static final Set<String> SKIP = Set.of("script", "style", "noscript", "template", "head", "iframe", "object", "svg");

  static boolean looksLikeHtml(String fileName, String text) {
    String f = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
    if (f.endsWith(".html") || f.endsWith(".htm") || f.endsWith(".xhtml")) {
      return true;
    }
    String s = text.stripLeading();
    if (s.startsWith("\uFEFF")) {
      s = s.substring(1).stripLeading();
    }
    return s.startsWith("<") && s.length() > 1 && (Character.isLetter(s.charAt(1)) || s.charAt(1) == '!');
  }

  static String flatten(String html) {
    Document doc = Jsoup.parse(html);
    StringBuilder b = new StringBuilder(html.length() / 2);
    String title = doc.title();
    if (!title.isBlank()) {
      b.append(title.strip()).append("\n\n");
    }
    Element body = doc.body();
    if (body != null) {
      block(body, b);
    }
    return b.toString();
  }

  private static void block(Node node, StringBuilder b) {
    for (Node child : node.childNodes()) {
      if (child instanceof TextNode t) {
        String s = t.getWholeText().replaceAll("[\\s\\u00A0]+", " ");
        if (!s.isBlank() || b.length() > 0 && b.charAt(b.length() - 1) != '\n') {
          b.append(s);
        }
      } else if (child instanceof Element e) {
        String tag = e.normalName();
        if (SKIP.contains(tag)) {
          continue;
        }
        if (tag.equals("table") && isDataTable(e)) {
          table(e, b);
          continue;
        }
        if (tag.equals("pre")) {
          newline(b);
          b.append(e.wholeText());
          newline(b);
          continue;
        }
        boolean isBlock = BLOCKS.contains(tag);
        if (isBlock) {
          newline(b);
        }
        block(e, b);
        if (isBlock) {
          newline(b);
        }
      }
    }
  }

  /**
   * A table of figures, not page layout: it holds no other table and no cell holds a long text
   * (layout tables put the whole article in one cell).
   */
  private static boolean isDataTable(Element table) {
    if (table.select("table").size() > 1) {
      return false;
    }
    for (Element cell : table.select("td, th")) {
      if (cell.text().length() > 300) {
        return false;
      }
    }
    return true;
  }

  private static void table(Element table, StringBuilder b) {
    newline(b);
    b.append('\n');
    for (Element tr : table.select("tr")) {
      StringBuilder row = new StringBuilder("|");
      for (Element cell : tr.children()) {
        if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
          continue;
        }
        String text = cell.text().replace('|', ' ').replace('\n', ' ').strip();
        row.append(' ').append(text).append(" |");
      }
      if (row.length() > 1) {
        b.append(row).append('\n');
      }
    }
    b.append('\n');
  }

  private static void newline(StringBuilder b) {
    // trailing spaces of the line are dropped, then one newline
    int n = b.length();
    while (n > 0 && b.charAt(n - 1) == ' ') {
      n--;
    }
    b.setLength(n);
    if (n > 0 && b.charAt(n - 1) != '\n') {
      b.append('\n');
    }
  }
}
