package org.gongkai.ingest.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Qualifier;
import org.gongkai.model.ReportFacts;
import org.gongkai.normalize.Text;

/**
 * The extraction core, free of Beam and of I/O: the text of one report (HTML already
 * flattened, see {@link #text}) → its region text, year, format and figures. Used alike by the
 * pipeline's {@link ReportReader} and by {@link ExtractCommand}.
 */
public final class ReportExtractor {
  /** The first report year of the template (国办公开办函〔2019〕60号). */
  static final int TEMPLATE_ERA = 2019;

  private final MetricCatalog catalog;

  public ReportExtractor(MetricCatalog catalog) {
    this.catalog = catalog;
  }

  /** The text to extract from: an HTML report (by file name or content) flattened, else as is. */
  public static String text(String fileName, String decoded) {
    return HtmlFlattener.looksLikeHtml(fileName, decoded) ? HtmlFlattener.flatten(decoded) : decoded;
  }

  public ExtractedReport extract(String text) {
    return extract(text, null, null);
  }

  /**
   * @param yearOverride a year that wins over the title's (from a file-name pattern), or null
   * @param defaultYear the year when the title states none, or null
   */
  public ExtractedReport extract(String text, Integer yearOverride, Integer defaultYear) {
    return extract(text, yearOverride, defaultYear, offset -> "offset " + offset);
  }

  /** @param locator where an offset of the text is, for the report's facts (a PDF's page and line) */
  public ExtractedReport extract(String text, Integer yearOverride, Integer defaultYear, LongFunction<String> locator) {
    String raw = text == null ? "" : text;
    List<String> warnings = new ArrayList<>();
    NormalText n = NormalText.of(raw);
    TitleFinder.Title title = TitleFinder.find(n);
    Integer year = yearOverride != null ? yearOverride : title.year() != null ? title.year() : defaultYear;
    if (yearOverride != null && title.year() != null && !yearOverride.equals(title.year())) {
      warnings.add("the title says " + title.year() + ", the file name " + yearOverride + "; the file name's year is used");
    }
    TemplateReader.Result tables = TemplateReader.read(n);
    warnings.addAll(tables.warnings());
    List<int[]> masked = new ArrayList<>();
    for (int[] s : tables.spans()) {
      masked.add(new int[] {n.origin(s[0]), n.origin(s[1])});
    }
    ProseReader.Result prose = ProseReader.read(n.compact(), raw, year, masked);
    warnings.addAll(prose.warnings());
    List<Reconciler.TextAgainstTable> mismatches = new ArrayList<>();
    List<Figure> figures = Reconciler.reconcile(catalog, tables.figures(), prose, warnings, mismatches);
    List<PartNotRead> notRead = new ArrayList<>(tables.notRead());
    notRead.addAll(emptySections(n, figures));
    for (PartNotRead p : notRead.subList(tables.notRead().size(), notRead.size())) {
      warnings.add(p.warning());
    }
    if (!title.found()) {
      warnings.add("no title or heading of a disclosure report: the region and year are not stated");
    } else if (title.candidates().isEmpty()) {
      warnings.add("the title names no region");
    }
    if (year == null) {
      warnings.add("the report states no year");
    }
    String region = title.candidates().isEmpty() ? null : title.candidates().get(0);
    return new ExtractedReport(region, title.candidates(), year, title.found(), tables.template() ? "template" : "prose",
        tables.layout(), figures, warnings, Text.key(n.text), notRead,
        prose.uncertain(), facts(raw, n, tables, figures, mismatches, title.found(), year, locator));
  }

  /** The publication date, the template sections and the text-against-table figures of a report. */
  private static ReportFacts facts(String raw, NormalText n, TemplateReader.Result tables, List<Figure> figures,
      List<Reconciler.TextAgainstTable> mismatches, boolean titled, Integer year, LongFunction<String> locator) {
    PublicationDate.Found date = PublicationDate.find(raw);
    ReportSections.Result s = ReportSections.find(n, tables.figures(),
        date != null && date.where().equals("signature"), titled);
    // The six sections are the template's (2019 on): an earlier report is not judged by them.
    boolean templateEra = year == null || year >= TEMPLATE_ERA;
    List<ReportFacts.Mismatch> pairs = new ArrayList<>();
    for (Reconciler.TextAgainstTable m : mismatches) {
      Figure t = m.text();
      String value = t.qualifier() == Qualifier.LOWER_BOUND ? t.value() + "余" : Long.toString(t.value());
      pairs.add(new ReportFacts.Mismatch(t.metric(), value, locator.apply(t.offset()), t.evidence(), m.table().value(),
          locator.apply(m.table().offset()), m.table().evidence()));
    }
    return new ReportFacts(tables.template() ? "template" : "prose", date == null ? null : date.date().toString(),
        date == null ? null : date.where(), date == null ? null : locator.apply(date.offset()),
        date == null ? null : date.evidence(), s.found(), templateEra ? s.missing() : List.of(),
        templateEra ? s.tablesMissing() : List.of(), s.complete(), pairs);
  }

  /**
   * Template sections (二、三、四) whose heading was found and under which nothing was read,
   * though they hold digits: a table in a shape neither reader knows.
   */
  static List<PartNotRead> emptySections(NormalText n, List<Figure> figures) {
    List<PartNotRead> out = new ArrayList<>();
    for (TemplateSections.Section s : TemplateSections.find(n)) {
      long from = n.origin(s.headingStart());
      long to = n.origin(s.end());
      boolean read = figures.stream().anyMatch(f -> f.offset() >= from && f.offset() < to);
      String body = n.text.substring(s.start(), s.end());
      if (read || body.chars().noneMatch(c -> c >= '0' && c <= '9')) {
        continue;
      }
      int eol = n.text.indexOf('\n', s.headingStart());
      String heading = n.text.substring(s.headingStart(), eol < 0 || eol > s.start() ? s.start() : eol).strip();
      String shown = heading.length() <= 30 ? heading : heading.substring(0, 30) + "…";
      out.add(new PartNotRead("标题「" + shown + "」之下", "识别出该部分标题，但其下的内容未能读出任何数字",
          "section '" + shown + "': nothing was read under its heading"));
    }
    return out;
  }
}
