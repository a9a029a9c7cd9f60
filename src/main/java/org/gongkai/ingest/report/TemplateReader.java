package org.gongkai.ingest.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.ingest.report.TableTokens.Cell;
import org.gongkai.ingest.report.TableTokens.Segment;
import org.gongkai.ingest.report.TemplateSections.Section;
import org.gongkai.ingest.report.TemplateTables.Row;
import org.gongkai.model.Qualifier;
import org.gongkai.normalize.CountParser;
import org.gongkai.normalize.CountResult;

/**
 * Reads the fixed tables of a template report. Cells are assigned to columns only when a row
 * has exactly as many value cells as the header has columns; otherwise the row gives nothing
 * and a warning, and is a {@link PartNotRead} — a misaligned table is never guessed at.
 */
final class TemplateReader {
  /** What the tables gave; {@code spans} are the table sections, kept out of prose reading. */
  record Result(boolean template, String layout, List<Figure> figures, List<String> warnings, List<int[]> spans,
      List<PartNotRead> notRead) {}

  private final NormalText n;
  private final List<Figure> figures = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<PartNotRead> notRead = new ArrayList<>();
  private final Set<String> layouts = new LinkedHashSet<>();

  private TemplateReader(NormalText n) {
    this.n = n;
  }

  static Result read(NormalText n) {
    TemplateReader r = new TemplateReader(n);
    List<int[]> spans = new ArrayList<>();
    boolean template = false;
    for (Section s : TemplateSections.find(n)) {
      List<Segment> segs = TableTokens.segments(n, s.start(), s.end());
      // A prose report may use the same headings: only a recognised table makes a template.
      boolean table = switch (s.kind()) {
        case PUBLISHED -> r.published(segs);
        case APPLICATIONS -> r.applications(segs);
        case LEGAL -> r.legal(segs);
        default -> false;
      };
      if (table) {
        spans.add(new int[] {s.headingStart(), s.end()});
        template = true;
      }
    }
    // The header row of table 三 identifies a template report even without its heading.
    template |= n.text.contains("本年新收政府信息公开申请数量") && n.text.contains("上年结转政府信息公开申请数量");
    String layout = r.layouts.size() == 1 ? r.layouts.iterator().next() : null;
    if (r.layouts.size() > 1) {
      r.warnings.add("the tables mix the column labels of the 2019 and 2021 layouts");
    }
    return new Result(template, layout, r.figures, r.warnings, spans, r.notRead);
  }

  // ---- table 二: 主动公开政府信息情况 -------------------------------------------------------

  private static final Pattern PUBLISHED_ROW = alternation(TemplateTables.PUBLISHED_ROWS);
  private static final Pattern PUBLISHED_COLUMN = alternation(TemplateTables.PUBLISHED_COLUMNS);

  /** @return whether the section holds the table (its column labels were found) */
  private boolean published(List<Segment> segs) {
    StringBuilder all = new StringBuilder();
    for (Segment seg : segs) {
      all.append(seg.label());
    }
    String labels = all.toString();
    boolean recognised = labels.contains("处理决定数量") || labels.contains("本年制发件数") || labels.contains("本年新制作数量")
        || labels.contains("信息内容") && labels.contains("制作数量");
    if (!recognised) {
      return false;
    }
    List<String[]> columns = null; // each {label, suffix, layout}
    StringBuilder header = new StringBuilder();
    for (Segment seg : segs) {
      Matcher m = PUBLISHED_ROW.matcher(seg.label());
      int rowStart = -1;
      String rowLabel = null;
      while (m.find()) {
        rowStart = m.start();
        rowLabel = m.group();
      }
      header.append(rowStart < 0 ? seg.label() : seg.label().substring(0, rowStart));
      if (rowLabel == null) {
        if (!seg.cells().isEmpty() && hasValues(seg)) {
          notRead("表二 标签「" + abbreviate(seg.labelText()) + "」", "标签未能识别，其后的数值未读取",
              "table 二: values after an unrecognised label '" + abbreviate(seg.labelText()) + "' were not read");
        }
        continue;
      }
      List<String[]> found = columns(header.toString());
      if (!found.isEmpty()) {
        columns = found;
      }
      header.setLength(0);
      String prefix = prefixOf(rowLabel);
      if (prefix == null || seg.cells().isEmpty()) {
        continue;
      }
      if (columns == null) {
        notRead("表二 行「" + rowLabel + "」", "有数值但未识别出列标题，未读取",
            "table 二: row " + rowLabel + " has values but no recognised column labels; not read");
        continue;
      }
      List<Cell> cells = fitted(seg.cells(), columns.size());
      if (cells.size() != columns.size()) {
        notRead("表二 行「" + rowLabel + "」", cells.size() + " 个数值对应 " + columns.size() + " 列，无法对齐，未读取",
            "table 二: row " + rowLabel + " has " + cells.size() + " values for " + columns.size() + " columns; not read");
        continue;
      }
      for (int i = 0; i < columns.size(); i++) {
        String metric = TemplateTables.publishedMetric(prefix, columns.get(i)[1]);
        if (metric != null) {
          cellFigure(metric, cells.get(i), seg, rowStart);
        }
      }
    }
    return true;
  }

  private List<String[]> columns(String headerKey) {
    for (TemplateTables.Header h : TemplateTables.PUBLISHED_HEADERS) {
      if (h.matches(headerKey)) {
        layouts.add(h.layout());
        return h.columns();
      }
    }
    List<String[]> out = new ArrayList<>();
    Matcher m = PUBLISHED_COLUMN.matcher(headerKey);
    while (m.find()) {
      for (String[] c : TemplateTables.PUBLISHED_COLUMNS) {
        if (c[0].equals(m.group())) {
          out.add(c);
          if (c[2] != null) {
            layouts.add(c[2]);
          }
          break;
        }
      }
    }
    return out;
  }

  private static String prefixOf(String rowLabel) {
    for (String[] r : TemplateTables.PUBLISHED_ROWS) {
      if (r[0].equals(rowLabel)) {
        return r[1];
      }
    }
    return null;
  }

  // ---- table 三: 收到和处理政府信息公开申请情况 ---------------------------------------------

  /** @return whether the section holds the table (its header or first row was found) */
  private boolean applications(List<Segment> segs) {
    StringBuilder all = new StringBuilder();
    for (Segment seg : segs) {
      all.append(seg.label());
    }
    if (!all.toString().contains("本年新收") && !(all.toString().contains("自然人") && all.toString().contains("总计"))) {
      return false;
    }
    StringBuilder header = new StringBuilder();
    int columns = -1;
    int totalColumn = -1;
    String group = null;
    Map<String, Long> values = new LinkedHashMap<>(); // row id → value
    Map<String, Qualifier> qualifiers = new LinkedHashMap<>();
    Map<String, Segment> rowSegs = new LinkedHashMap<>();
    Map<String, Integer> rowStarts = new LinkedHashMap<>();
    Set<String> failed = new LinkedHashSet<>(); // groups whose reasons could not all be read
    boolean anyValue = false;
    for (int segIndex = 0; segIndex < segs.size(); segIndex++) {
      Segment seg = segs.get(segIndex);
      Row row = null;
      int rowStart = -1;
      int bestEnd = -1;
      for (Row r : TemplateTables.APPLICATION_ROWS) {
        if (r.id().equals("other.3") && !"other".equals(group) && !seg.label().contains("其他处理")) {
          continue; // "3.其他" is a reason only under （六）其他处理
        }
        String label = seg.label();
        if (r.label().next(label, 0) < 0) {
          continue; // no match: spare the matcher (this loop runs for every row of every segment)
        }
        Matcher m = r.label().pattern().matcher(label);
        for (int from = 0; r.label().find(m, label, from); from = m.end()) {
          if (m.end() > bestEnd || m.end() == bestEnd && r.isReason()) {
            bestEnd = m.end();
            rowStart = m.start();
            row = r;
          }
          if (r.isGroup()) {
            group = r.id();
          }
        }
      }
      if (columns < 0) {
        header.append(rowStart < 0 ? seg.label() : seg.label().substring(0, rowStart));
        if (row != null) {
          int[] c = applicantColumns(header.toString());
          columns = c[0];
          totalColumn = c[1];
        }
      }
      if (row != null && row.group() == null) {
        group = null;
      }
      if (row != null && row.isReason()) {
        group = row.group();
      }
      anyValue |= hasValues(seg);
      if (seg.cells().isEmpty() || row == null && !hasValues(seg)) {
        continue;
      }
      if (row == null) {
        notRead("表三 标签「" + abbreviate(seg.labelText()) + "」", "标签未能识别，其后的数值未读取",
            "table 三: values after an unrecognised label '" + abbreviate(seg.labelText()) + "' were not read");
        continue;
      }
      if (columns <= 0 || totalColumn < 0) {
        notRead("表三 行「" + abbreviate(seg.labelFrom(rowStart)) + "」", "表头中没有可识别的「总计」列，未读取",
            "table 三: the header has no recognisable 总计 column; row " + row.id() + " not read");
        failed.add(row.group() == null ? row.id() : row.group());
        continue;
      }
      List<Cell> cells = fitted(seg.cells(), columns);
      // A row of one value that another row follows: only its 总计 is filled (blank cells leave no trace).
      boolean totalOnly = cells.size() == 1 && columns > 1 && segIndex + 1 < segs.size();
      if (cells.size() != columns && !totalOnly) {
        notRead("表三 行「" + abbreviate(seg.labelFrom(rowStart)) + "」", cells.size() + " 个数值对应 " + columns + " 列，无法对齐，未读取",
            "table 三: row '" + abbreviate(seg.labelText()) + "' has " + cells.size() + " values for " + columns + " columns; not read");
        failed.add(row.group() == null ? row.id() : row.group());
        continue;
      }
      Cell cell = cells.get(totalOnly ? 0 : totalColumn);
      CountResult r = CountParser.parse(cell.text());
      if (r instanceof CountResult.Count c) {
        values.put(row.id(), c.value());
        qualifiers.put(row.id(), c.qualifier());
        rowSegs.put(row.id(), seg);
        rowStarts.put(row.id(), rowStart);
      } else {
        if (r instanceof CountResult.Invalid inv) {
          warnings.add("table 三: row " + row.id() + ": '" + cell.text() + "' is not a count (" + inv.explanation() + ")");
        }
        failed.add(row.group() == null ? row.id() : row.group());
      }
    }
    if (!anyValue && !segs.isEmpty()) {
      notRead("表三", "有表头和行标签但没有数值", "table 三 has labels but no values");
    }
    for (Row r : TemplateTables.APPLICATION_ROWS) {
      if (r.metric() == null) {
        continue;
      }
      if (values.containsKey(r.id())) {
        Segment seg = rowSegs.get(r.id());
        figures.add(new Figure(r.metric(), values.get(r.id()), qualifiers.get(r.id()), false,
            rowEvidence(seg.labelFrom(rowStarts.get(r.id())), seg.cells()), n.origin(seg.labelStart())));
      } else if (r.isGroup()) {
        groupSum(r, values, qualifiers, rowSegs, failed);
      }
    }
    return true;
  }

  /** A group without a row of its own (（三）不予公开) is the sum of its reasons, when all were read. */
  private void groupSum(Row g, Map<String, Long> values, Map<String, Qualifier> qualifiers, Map<String, Segment> segs, Set<String> failed) {
    List<String> ids = new ArrayList<>();
    for (Row r : TemplateTables.APPLICATION_ROWS) {
      if (r.isReason() && r.group().equals(g.id()) && values.containsKey(r.id())) {
        ids.add(r.id());
      }
    }
    if (ids.isEmpty()) {
      return;
    }
    if (failed.contains(g.id()) || ids.size() != g.parts()) {
      warnings.add("table 三: only " + ids.size() + " of the " + g.parts() + " rows of " + g.id() + " could be read; its total is not given");
      return;
    }
    long sum = 0;
    Qualifier q = Qualifier.EXACT;
    StringBuilder ev = new StringBuilder(g.label().pattern().pattern()).append(" = ");
    for (String id : ids) {
      sum += values.get(id);
      q = q.plus(qualifiers.get(id));
      ev.append(id.equals(ids.get(0)) ? "" : " + ").append(values.get(id));
    }
    figures.add(new Figure(g.metric(), sum, q, true, ev.toString(), n.origin(segs.get(ids.get(0)).labelStart())));
  }

  /** {column count, index of 总计 (or of the only column), or -1}. */
  private static int[] applicantColumns(String header) {
    String h = header.replace(TemplateTables.APPLICANT_GROUP, "#");
    int count = 0;
    boolean total = false;
    boolean subColumns = false;
    for (int i = 0; i < TemplateTables.APPLICANT_COLUMN_PATTERNS.size(); i++) {
      String c = TemplateTables.APPLICANT_COLUMNS.get(i);
      Matcher m = TemplateTables.APPLICANT_COLUMN_PATTERNS.get(i).matcher(h);
      int k = 0;
      while (m.find()) {
        k++;
      }
      count += k;
      total |= c.equals("总计") && k > 0;
      subColumns |= k > 0 && !c.equals("自然人") && !c.equals("总计");
    }
    if (!subColumns && h.contains("#")) {
      count++;
    }
    int totalIndex = total ? count - 1 : count == 1 ? 0 : -1;
    return new int[] {count, totalIndex};
  }

  // ---- table 四: 行政复议、行政诉讼 ------------------------------------------------------------

  /** @return whether the section holds the table (its column labels were found) */
  private boolean legal(List<Segment> segs) {
    StringBuilder header = new StringBuilder();
    List<Cell> cells = new ArrayList<>();
    for (Segment seg : segs) {
      if (cells.isEmpty()) {
        header.append(seg.label());
      } else if (!seg.label().isEmpty()) {
        break; // the table has one row of values; what follows is not the table
      }
      cells.addAll(seg.cells());
    }
    int leaves = 0;
    Matcher m = TemplateTables.LEGAL_LEAF.matcher(header);
    while (m.find()) {
      leaves++;
    }
    if (leaves < 5) {
      return false; // prose under the heading, no table
    }
    if (cells.isEmpty()) {
      notRead("表四", "有表头但没有数值", "table 四 has labels but no values");
      return true;
    }
    int groups = occurrences(header.toString(), "总计");
    if (groups != 3 || leaves != cells.size() || leaves % groups != 0) {
      notRead("表四", cells.size() + " 个数值对应 " + leaves + " 列（" + groups + " 组），无法对齐，未读取",
          "table 四: " + cells.size() + " values for " + leaves + " columns in " + groups + " groups; not read");
      return true;
    }
    int per = leaves / groups;
    long[] totals = new long[groups];
    Qualifier[] qs = new Qualifier[groups];
    for (int g = 0; g < groups; g++) {
      CountResult r = CountParser.parse(cells.get(g * per + per - 1).text());
      if (!(r instanceof CountResult.Count c)) {
        totals[g] = -1;
        continue;
      }
      totals[g] = c.value();
      qs[g] = c.qualifier();
    }
    String ev = rowEvidence(null, cells).replaceFirst("^", "行政复议、行政诉讼 | ");
    long offset = n.origin(cells.get(0).start());
    if (totals[0] >= 0) {
      figures.add(new Figure("admin_reconsiderations", totals[0], qs[0], false, ev, offset));
    }
    if (totals[1] >= 0 && totals[2] >= 0) {
      figures.add(new Figure("lawsuits", totals[1] + totals[2], qs[1].plus(qs[2]), true, ev, offset));
    } else if (totals[1] >= 0 || totals[2] >= 0) {
      warnings.add("table 四: only one of the two 行政诉讼 totals is stated; lawsuits not given");
    }
    return true;
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** A part recognised and not read: a warning, and said as such. */
  private void notRead(String part, String why, String warning) {
    warnings.add(warning);
    notRead.add(new PartNotRead(part, why, warning));
  }

  private void cellFigure(String metric, Cell cell, Segment seg, int rowStart) {
    CountResult r = CountParser.parse(cell.text());
    if (r instanceof CountResult.Count c) {
      figures.add(new Figure(metric, c.value(), c.qualifier(), false, rowEvidence(seg.labelFrom(rowStart), seg.cells()), n.origin(cell.start())));
    } else if (r instanceof CountResult.Invalid inv) {
      warnings.add("table 二: " + metric + ": '" + cell.text() + "' is not a count (" + inv.explanation() + ")");
    }
  }

  /**
   * A row's cells without the empty ones that a table's closing pipes leave after it ("| 0 | |"),
   * when there are more cells than columns.
   */
  private static List<Cell> fitted(List<Cell> cells, int columns) {
    int end = cells.size();
    while (end > columns && cells.get(end - 1).text().isEmpty()) {
      end--;
    }
    return cells.subList(0, end);
  }

  private static boolean hasValues(Segment seg) {
    for (Cell c : seg.cells()) {
      if (!c.text().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static String rowEvidence(String label, List<Cell> cells) {
    StringBuilder b = new StringBuilder(label == null ? "" : label);
    for (Cell c : cells) {
      b.append(" | ").append(c.text());
    }
    String s = b.toString().strip();
    return s.startsWith("| ") ? s.substring(2) : s;
  }

  private static String abbreviate(String s) {
    return s.length() <= 30 ? s : s.substring(0, 30) + "…";
  }

  private static int occurrences(String s, String word) {
    int n = 0;
    for (int i = s.indexOf(word); i >= 0; i = s.indexOf(word, i + word.length())) {
      n++;
    }
    return n;
  }

  private static Pattern alternation(List<String[]> labels) {
    StringBuilder b = new StringBuilder();
    for (String[] l : labels) {
      b.append(b.length() == 0 ? "" : "|").append(Pattern.quote(l[0]));
    }
    return Pattern.compile(b.toString());
  }
}
