package org.gongkai.ingest.report;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.gongkai.ingest.EncodingDetector;
import org.gongkai.ingest.FormatReader;
import org.gongkai.ingest.ReadCounts;
import org.gongkai.model.Notice;
import org.gongkai.ingest.ReadSink;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Notice;
import org.gongkai.model.Observation;
import org.gongkai.model.Reject;
import org.gongkai.model.ReportFingerprint;
import org.gongkai.model.StatedFigure;
import org.gongkai.normalize.RegionResolution;
import org.gongkai.normalize.RegionResolver;
import org.gongkai.normalize.YearParser;

/**
 * The {@code report} source format: one file is one report (plain text or HTML, UTF-8 or
 * GB18030; or a PDF, .docx or .doc document, see {@link DocumentReader}, told apart by its
 * content), accepted with one observation per figure and a fingerprint, or rejected with one
 * reason. Region and year come from the file name (when the source has a {@code
 * file_name_pattern}), else from the title, else from the source's defaults. A district
 * government's report gives the district's own stated figures; a department's is rejected
 * ({@link RegionReports}). Never throws.
 */
public final class ReportReader implements FormatReader {
  private static final int RAW_CHARS = 300;

  private final SourceSpec source;
  private final RegionResolver resolver;
  private final ReportExtractor extractor;
  private final long maxReportBytes;
  private final int maxReportPages;
  private final Pattern fileNamePattern;
  private final String patternProblem;

  public ReportReader(SourceSpec source, RegionResolver resolver, MetricCatalog catalog, long maxReportBytes) {
    this(source, resolver, catalog, maxReportBytes, DocumentReader.DEFAULT_MAX_PAGES);
  }

  /** @param maxReportPages pages of a PDF report read at most (limits.max_report_pages) */
  public ReportReader(SourceSpec source, RegionResolver resolver, MetricCatalog catalog, long maxReportBytes, int maxReportPages) {
    this.maxReportPages = maxReportPages;
    this.source = source;
    this.resolver = resolver;
    this.extractor = new ReportExtractor(catalog);
    this.maxReportBytes = maxReportBytes;
    Pattern p = null;
    String problem = null;
    if (source.fileNamePattern() != null && !source.fileNamePattern().isBlank()) {
      try {
        p = Pattern.compile(source.fileNamePattern());
      } catch (PatternSyntaxException e) {
        problem = "来源的 file_name_pattern 不是有效的正则表达式：" + e.getDescription();
      }
    }
    this.fileNamePattern = p;
    this.patternProblem = problem;
  }

  /** Estimated Jaccard similarity of two reports' fingerprints (see {@link MinHash}). */
  public static double similarity(int[] a, int[] b) {
    return MinHash.similarity(a, b);
  }

  @Override
  public ReadCounts read(String file, byte[] bytes, ReadSink sink) {
    String charset = "unknown";
    try {
      if (bytes == null) {
        bytes = new byte[0];
      }
      if (bytes.length > maxReportBytes) {
        return reject(sink, file, null, "", "REPORT_TOO_LARGE",
            "文件有 " + bytes.length + " 字节，超过上限 " + maxReportBytes + "（limits.max_report_bytes）", charset);
      }
      DocumentKind kind = DocumentKind.of(bytes);
      if (kind != DocumentKind.TEXT) {
        charset = kind.name().toLowerCase(java.util.Locale.ROOT);
        DocumentText doc;
        try {
          doc = DocumentReader.read(kind, bytes, maxReportPages);
        } catch (DocumentProblem p) {
          return reject(sink, file, null, "", p.code, p.getMessage(), charset);
        }
        return extract(file, doc.text(), doc::locate, sink, charset);
      }
      EncodingDetector.Decoded decoded = EncodingDetector.decode(bytes, source.encoding());
      charset = decoded.charset().name();
      String problem = encodingProblem(decoded.text());
      if (problem != null) {
        return reject(sink, file, null, decoded.text(), "BAD_ENCODING", problem, charset);
      }
      return extract(file, ReportExtractor.text(file, decoded.text()), offset -> "offset " + offset, sink, charset);
    } catch (RuntimeException | StackOverflowError e) {
      // The extractor is meant never to fail; if it does, the report is a reject, not a crash.
      return reject(sink, file, null, "", "EXTRACTION_FAILED", "报告无法读取：" + e, charset);
    }
  }

  private ReadCounts extract(String file, String text, LongFunction<String> locator, ReadSink sink, String charset) {
    String[] fromName = fromFileName(file);
    Integer nameYear = null;
    if (fromName[1] != null) {
      OptionalInt y = YearParser.parse(fromName[1]);
      nameYear = y.isPresent() ? y.getAsInt() : null;
    }
    ExtractedReport report = extractor.extract(text, nameYear, source.year(), locator);
    return accept(file, text, report, fromName[0], sink, charset, locator);
  }

  private ReadCounts accept(String file, String text, ExtractedReport report, String nameRegion, ReadSink sink, String charset,
      LongFunction<String> locator) {
    if (report.figures().isEmpty() && !report.titled()) {
      return reject(sink, file, report.year(), text, "NOT_A_REPORT",
          "既没有找到年度报告的标题（…政府信息公开工作年度报告），也没有找到任何数字", charset);
    }
    if (patternProblem != null) {
      return reject(sink, file, report.year(), text, "BAD_FILE_NAME_PATTERN", patternProblem, charset);
    }
    if (report.year() == null) {
      return reject(sink, file, null, text, "MISSING_YEAR",
          "标题没有写年度，来源也没有默认年度或 file_name_pattern", charset);
    }
    RegionResolution resolution = resolve(nameRegion, report);
    if (resolution instanceof RegionResolution.Unresolved u) {
      String department = nameRegion != null ? null : RegionReports.department(resolver, report.regionCandidates());
      if (department != null) {
        return reject(sink, file, report.year(), text, "DEPARTMENT_REPORT", department, charset);
      }
      String stated = nameRegion != null ? nameRegion : report.regionText();
      String reason = (stated == null ? "没有写明地区" : "地区 '" + stated + "'：" + u.explanation())
          + (u.candidates().isEmpty() ? "" : "；候选：" + String.join("；", u.candidates()));
      return reject(sink, file, report.year(), text, u.reasonCode(), reason, charset);
    }
    boolean region = resolution instanceof RegionResolution.Region;
    String township = region ? ((RegionResolution.Region) resolution).region().code()
        : ((RegionResolution.Resolved) resolution).township().code();
    String coverage = region ? RegionReports.coverage(report.body()) : null;
    int year = report.year();
    long n = 0;
    for (Figure f : report.figures()) {
      Observation o = new Observation(year, township, f.metric(), f.value(), f.qualifier(), f.derived(), source.name(),
          source.order(), source.priority(), file, locator.apply(f.offset()), f.offset(), f.evidence());
      if (region) {
        sink.stated(new StatedFigure(o, coverage));
      } else {
        sink.observation(o);
      }
      n++;
    }
    for (Uncertain u : report.uncertain()) {
      sink.notice(new Notice(source.name(), file, year, Notice.FIGURE_UNCERTAIN, "offset " + u.offset(),
          "数字 " + u.value() + " 未计入：" + u.reason() + "（可能的指标：" + String.join("、", u.candidates()) + "）", u.evidence()));
    }
    if (!region) { // REPORT_REUSED compares townships' reports
      sink.fingerprint(new ReportFingerprint(year, township, file, MinHash.signature(report.body()), report.facts()));
    }
    for (PartNotRead p : report.partsNotRead()) {
      sink.notice(new Notice(source.name(), file, year, Notice.REPORT_PART_NOT_READ, p.part(),
          "报告中" + p.part() + "未读取：" + p.why(), p.warning()));
    }
    return new ReadCounts(1, 1, 0, n, List.of(), charset, 0, report.uncertain().size());
  }

  /**
   * The file name's region, else each of the title's candidates in turn: the first that resolves
   * wins; otherwise the most telling failure (ambiguous over unknown).
   */
  private RegionResolution resolve(String nameRegion, ExtractedReport report) {
    List<String> texts = new ArrayList<>();
    if (nameRegion != null) {
      texts.add(nameRegion);
    } else {
      texts.addAll(report.regionCandidates());
    }
    if (texts.isEmpty()) {
      return resolver.resolve(null, source.region());
    }
    RegionResolution best = null;
    for (String t : texts) {
      RegionResolution r = resolver.resolve(t, source.region());
      if (r instanceof RegionResolution.Resolved || r instanceof RegionResolution.Region) {
        return r;
      }
      if (best == null || rank(r) > rank(best)) {
        best = r;
      }
    }
    return best;
  }

  private static int rank(RegionResolution r) {
    if (!(r instanceof RegionResolution.Unresolved u)) {
      return 9;
    }
    return switch (u.reasonCode()) {
      case "AMBIGUOUS_REGION" -> 3;
      case "NOT_A_TOWNSHIP" -> 2;
      case "UNKNOWN_REGION" -> u.candidates().isEmpty() ? 0 : 1;
      default -> 0;
    };
  }

  /** {region, year} from the file name's named groups, each null when absent. */
  private String[] fromFileName(String file) {
    if (fileNamePattern == null || file == null) {
      return new String[2];
    }
    String name = file.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    Matcher m = fileNamePattern.matcher(name);
    if (!m.find()) {
      return new String[2];
    }
    return new String[] {group(m, "region"), group(m, "year")};
  }

  private static String group(Matcher m, String name) {
    try {
      String g = m.group(name);
      return g == null || g.isBlank() ? null : g;
    } catch (IllegalArgumentException e) {
      return null; // the pattern has no such group
    }
  }

  /** Text that did not decode, or that is not text at all (binary, UTF-16). */
  static String encodingProblem(String text) {
    if (text.isEmpty()) {
      return null;
    }
    int replaced = 0;
    int control = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '\uFFFD') {
        replaced++;
      } else if (ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t' && ch != '\f' || ch == 0x7F) {
        control++;
      }
    }
    if (replaced > 2 && replaced * 200L > text.length()) {
      return replaced + " 个字符无法按 UTF-8 或 GB18030 解码";
    }
    if (control * 50L > text.length() && control > 2) {
      return "文件中有 " + control + " 个控制字符或 NUL：是二进制数据，不是文本";
    }
    return null;
  }

  private ReadCounts reject(ReadSink sink, String file, Integer year, String raw, String code, String reason, String charset) {
    String shown = raw == null ? "" : raw.strip();
    if (shown.length() > RAW_CHARS) {
      shown = shown.substring(0, RAW_CHARS);
    }
    sink.reject(new Reject(source.name(), file, "offset 0", 0, year != null ? year : source.year(), shown, code, reason));
    return new ReadCounts(1, 0, 1, 0, List.of(), charset);
  }
}
