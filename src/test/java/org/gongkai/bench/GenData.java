package org.gongkai.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.gongkai.ingest.GazetteerReader;
import org.gongkai.model.Gazetteer;
import org.gongkai.normalize.RegionResolution;
import org.gongkai.normalize.RegionResolver;

/**
 * Writes a deterministic synthetic national data set for the benchmark (see bench/README.md):
 * the gazetteer, township records of N years as CSV (one file per province, GB18030, UTF-8 and
 * UTF-8 with BOM, three header vocabularies from the metric catalog) and JSON Lines (about 10%
 * of the districts, one file per year), a corrections source (about 1% of the records again,
 * priority 10, sometimes with other values), about 0.5% bad records (unknown township, 若干,
 * negative, bad year) among the others, M reports of the last year (.txt, half prose, half
 * template; or, with {@code --report-format pdf}, the same reports as PDF, see {@link ReportPdf}),
 * and the job files {@code job.yaml}, {@code job-tables.yaml} (without the 汇总表 and report.html),
 * {@code job-with-reports.yaml} and {@code job-reports.yaml}.
 *
 * <pre>
 * GenData [--scale K] [--years N] [--last-year Y] [--reports M] [--limit-townships T] [--seed S]
 *         [--report-format text|pdf] [--pdf-font FILE] [--out DIR] [--gazetteer-dir DIR] [--root REPO] [--force]
 * </pre>
 */
public final class GenData {
  static final Charset GB18030 = Charset.forName("GB18030");

  /** Rates of the data's imperfections. */
  static final double NOT_REPORTING = 0.02;
  /** The anomalies planted in the records (Figures.Planted), one a line: what the findings should catch. */
  static final String PLANTED_FILE = "planted.csv";
  static final double BAD = 0.005;
  static final double CORRECTED = 0.01;
  static final double BY_NAME = 0.15;

  /** Three header vocabularies (all aliases of metrics.yaml): year, code, township, district, 12 metrics[, 备注]. */
  static final String[][] HEADERS = {
    {"年度", "区划代码", "乡镇", "县区", "主动公开信息数", "网站公开条数", "其他渠道公开数", "政策解读", "重点领域信息数", "依申请公开申请数",
      "予以公开", "办理结果总计", "咨询投诉", "咨询投诉回复数", "人大代表建议", "政协委员提案"},
    {"统计年度", "行政区划代码", "乡镇街道名称", "所属区县", "主动公开条数", "门户网站公开数", "其他渠道", "发布政策解读", "重点领域", "收到申请数",
      "予以公开数", "办结数", "市长热线", "已回复数", "人大建议", "政协提案", "备注"},
    {"年份", "统计用区划代码", "单位名称", "县(区)", "主动公开", "网站公开", "其他类型公开数", "政策解读数", "重点领域信息公开数", "依申请公开数",
      "同意公开数", "已办结申请数", "12345热线", "热线办结数", "承办人大代表建议", "承办政协委员提案"},
  };

  /** JSON Lines keys: year, region_code, district, township, then the 12 metrics (aliases too). */
  static final String[] JSON_KEYS = {
    "year", "region_code", "district", "township",
    "published", "website_items", "other_channel_items", "policy_interpretation", "key_area", "applications",
    "granted", "completed", "hotline", "hotline_responded", "npc", "cppcc"
  };

  /** The generator's arguments. */
  static final class Params {
    int scale = 1;
    int years = 10;
    int lastYear = 2024;
    int reports = -1; // -1: every township, for the last year
    int limitTownships = 0;
    long seed = 1;
    Path out;
    Path gazetteerDir;
    Path root = Path.of("").toAbsolutePath();
    boolean force;
    /** "text" (.txt) or "pdf" (the same reports as PDF, tables ruled). */
    String reportFormat = "text";
    /** The CJK font for PDF reports; null: found on the machine (PdfFont.find). */
    Path pdfFont;

    boolean pdf() {
      return reportFormat.equals("pdf");
    }

    /** The folder name that identifies these parameters (reports resolved against the township count). */
    String name(int resolvedReports) {
      return "data-s" + scale + "-y" + years + "-" + lastYear + "-r" + resolvedReports + (limitTownships > 0 ? "-t" + limitTownships : "") + (pdf() ? "-pdf" : "") + "-seed" + seed;
    }

    Path gazetteerDir() {
      return gazetteerDir != null ? gazetteerDir : root.resolve("../shared/data/gazetteer").normalize();
    }

    List<String> args() {
      List<String> a = new ArrayList<>(List.of("--scale", "" + scale, "--years", "" + years, "--last-year", "" + lastYear,
          "--reports", "" + reports, "--limit-townships", "" + limitTownships, "--seed", "" + seed));
      if (pdf()) {
        a.addAll(List.of("--report-format", "pdf"));
      }
      return a;
    }
  }

  /** What was written. */
  record Summary(Path dir, int townships, int realTownships, int districts, long csvRecords, long jsonlRecords,
      long correctionRecords, long badRecords, long notReporting, long planted, int reports, double seconds, boolean reused,
      String reportFormat, String pdfFont, double reportSeconds) {
    long records() {
      return csvRecords + jsonlRecords + correctionRecords;
    }
  }

  public static void main(String[] args) throws IOException {
    Params p = parse(args);
    Summary s = generate(p);
    System.out.printf(Locale.ROOT, "gen-data: %s %s: %d townships (%d real) in %d districts; %d records (%d CSV, %d JSON Lines, %d corrections; %d bad), %d reports%s%n",
        s.reused() ? "reused" : "wrote", s.dir(), s.townships(), s.realTownships(), s.districts(), s.records(), s.csvRecords(), s.jsonlRecords(),
        s.correctionRecords(), s.badRecords(), s.reports(), s.reused() ? "" : String.format(Locale.ROOT, " in %.1f s", s.seconds()));
    if (s.pdfFont() != null) {
      System.out.printf(Locale.ROOT, "gen-data: the reports are PDF, font %s%s%n", s.pdfFont(),
          s.reused() ? "" : String.format(Locale.ROOT, "; writing them took %.1f s", s.reportSeconds()));
    }
  }

  static Params parse(String[] args) {
    Params p = new Params();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--scale" -> p.scale = Integer.parseInt(value(args, ++i, a));
        case "--years" -> p.years = Integer.parseInt(value(args, ++i, a));
        case "--last-year" -> p.lastYear = Integer.parseInt(value(args, ++i, a));
        case "--reports" -> p.reports = Integer.parseInt(value(args, ++i, a));
        case "--limit-townships" -> p.limitTownships = Integer.parseInt(value(args, ++i, a));
        case "--seed" -> p.seed = Long.parseLong(value(args, ++i, a));
        case "--out" -> p.out = Path.of(value(args, ++i, a)).toAbsolutePath().normalize();
        case "--gazetteer-dir" -> p.gazetteerDir = Path.of(value(args, ++i, a)).toAbsolutePath().normalize();
        case "--root" -> p.root = Path.of(value(args, ++i, a)).toAbsolutePath().normalize();
        case "--force" -> p.force = true;
        case "--report-format" -> p.reportFormat = reportFormat(value(args, ++i, a));
        case "--pdf-font" -> p.pdfFont = Path.of(value(args, ++i, a)).toAbsolutePath().normalize();
        case "-h", "--help" -> {
          System.out.println("usage: gen-data [--scale K] [--years N] [--last-year Y] [--reports M] [--limit-townships T] [--seed S] [--report-format text|pdf] [--pdf-font FILE] [--out DIR] [--gazetteer-dir DIR] [--force]");
          System.exit(0);
        }
        default -> throw new IllegalArgumentException("gen-data: unknown argument " + a + " (try --help)");
      }
    }
    if (p.years < 1 || p.scale < 1) {
      throw new IllegalArgumentException("gen-data: --years and --scale must be at least 1");
    }
    return p;
  }

  static String reportFormat(String v) {
    if (!v.equals("text") && !v.equals("pdf")) {
      throw new IllegalArgumentException("gen-data: --report-format is text or pdf, not " + v);
    }
    return v;
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      throw new IllegalArgumentException("gen-data: " + flag + " needs a value");
    }
    return args[i];
  }

  /** Generates the data set, or reuses it when its folder is complete (unless --force). */
  static Summary generate(Params p) throws IOException {
    return generate(p, false);
  }

  /** As {@link #generate(Params)}; with {@code mustExist}, a missing data set is an error instead. */
  static Summary generate(Params p, boolean mustExist) throws IOException {
    long t0 = System.nanoTime();
    Path gdir = p.gazetteerDir();
    if (!Files.isRegularFile(gdir.resolve("streets.csv"))) {
      throw new IOException("gen-data: no national gazetteer at " + gdir + " (streets.csv); give --gazetteer-dir");
    }
    NationalGazetteer g = NationalGazetteer.load(gdir, p.scale, p.limitTownships);
    // -1: every township; -2: as many as the real townships (one year of national reports at any scale).
    int reports = p.reports == -2 ? g.realTowns : p.reports < 0 || p.reports > g.towns.size() ? g.towns.size() : p.reports;
    Path dir = p.out != null ? p.out : p.root.resolve("target/bench").resolve(p.name(reports));
    Path marker = dir.resolve("dataset.json");
    if (!p.force && Files.isRegularFile(marker)) {
      Summary s = Json.readSummary(marker, dir);
      if (s != null) {
        if (!Files.isRegularFile(dir.resolve(REPORTS_ONLY_JOB)) || !Files.isRegularFile(dir.resolve(TABLES_JOB))) {
          // data made before those job files existed
          writeJobs(dir, p, p.lastYear - p.years + 1);
        }
        return s;
      }
    }
    if (mustExist) {
      throw new IOException("no complete data set in " + dir + " (--skip-gen was given); run without --skip-gen or scripts/gen-data first");
    }
    // The font first: without one, fail before anything is written.
    PdfFont font = p.pdf() ? PdfFont.find(p.pdfFont) : null;
    if (Files.exists(dir)) {
      deleteTree(dir);
    }
    Files.createDirectories(dir.resolve("records"));
    Files.createDirectories(dir.resolve("jsonl"));
    Files.createDirectories(dir.resolve("corrections"));
    Files.createDirectories(dir.resolve("reports"));
    g.writeCsv(dir.resolve("gazetteer.csv"));

    // Which townships may be named by name + district: those the project's resolver finds from
    // that pair, and that an exact (district name, township name) join finds once.
    Gazetteer gaz = GazetteerReader.read("gazetteer.csv", Files.readAllBytes(dir.resolve("gazetteer.csv")));
    RegionResolver resolver = new RegionResolver(gaz);
    Map<String, Integer> pairs = g.districtAndNameCounts();
    int n = g.towns.size();
    boolean[] byName = new boolean[n];
    boolean[] nameWithCode = new boolean[n];
    for (int i = 0; i < n; i++) {
      NationalGazetteer.Town t = g.towns.get(i);
      String district = g.districts.get(t.districtCode());
      RegionResolution res = resolver.resolve(t.name(), district);
      boolean self = res instanceof RegionResolution.Resolved r && r.township().code().equals(t.code());
      byName[i] = self && pairs.get(district + "\u0001" + t.name()) == 1;
      nameWithCode[i] = self || res instanceof RegionResolution.Unresolved;
    }

    // Writers: CSV per province, JSON Lines per year, one corrections file.
    List<String> provinces = new ArrayList<>(g.provinces.keySet());
    Map<String, Out> csv = new LinkedHashMap<>();
    for (int i = 0; i < provinces.size(); i++) {
      String prov = provinces.get(i);
      int enc = i % 3;
      int variant = (i + i / 3) % 3;
      Charset cs = enc == 0 ? GB18030 : StandardCharsets.UTF_8;
      Out o = new Out(dir.resolve("records/records-" + prov + ".csv"), cs, enc == 2, variant);
      o.line(String.join(",", HEADERS[variant]));
      csv.put(prov, o);
    }
    int firstYear = p.lastYear - p.years + 1;
    Map<Integer, Out> jsonl = new LinkedHashMap<>();
    for (int y = firstYear; y <= p.lastYear; y++) {
      jsonl.put(y, new Out(dir.resolve("jsonl/records-" + y + ".jsonl"), StandardCharsets.UTF_8, false, -1));
    }
    Out corrections = new Out(dir.resolve("corrections/corrections.csv"), StandardCharsets.UTF_8, true, 0);
    corrections.line(String.join(",", HEADERS[0]) + ",备注");

    long csvRecords = 0;
    long jsonlRecords = 0;
    long correctionRecords = 0;
    long bad = 0;
    long notReporting = 0;
    StringBuilder planted = new StringBuilder("township_code,year,metric,kind,value,rules\n");
    long plantedCount = 0;
    StringBuilder line = new StringBuilder(512);
    String[] cells = new String[Figures.METRICS.length];
    for (int year = firstYear; year <= p.lastYear; year++) {
      for (int i = 0; i < n; i++) {
        NationalGazetteer.Town t = g.towns.get(i);
        SplittableRandom r = Rng.of(p.seed, t.code(), year, 3);
        if (r.nextDouble() < NOT_REPORTING) {
          notReporting++;
          continue;
        }
        Figures f = Figures.of(p.seed, t.code(), year);
        String district = g.districts.get(t.districtCode());
        boolean json = Math.floorMod(Rng.mix(p.seed, Rng.key(t.districtCode())), 10) == 0;
        boolean nameMode = byName[i] && r.nextDouble() < BY_NAME;
        int badType = r.nextDouble() < BAD ? r.nextInt(4) : -1;
        String yearText = switch (r.nextInt(10)) {
          case 0, 1 -> year + "年";
          case 2 -> year + "年度";
          default -> Integer.toString(year);
        };
        String code = nameMode ? "" : r.nextDouble() < 0.65 ? t.code() + "000" : t.code();
        String name = nameMode || nameWithCode[i] ? t.name() : "";
        String districtText = nameMode || r.nextDouble() < 0.7 ? district : "";
        for (int m = 0; m < cells.length; m++) {
          cells[m] = f.cells[m].text();
        }
        if (badType >= 0) {
          bad++;
          switch (badType) {
            case 0 -> {
              if (nameMode) {
                name = "未登记" + t.name();
              } else {
                code = "99" + code.substring(2);
              }
            }
            case 1 -> cells[r.nextInt(cells.length)] = "若干";
            case 2 -> {
              int m = r.nextInt(cells.length);
              cells[m] = "-" + (1 + Math.max(0, f.values[m]));
            }
            default -> yearText = switch (r.nextInt(3)) {
              case 0 -> "2O" + (year % 100);
              case 1 -> "去年";
              default -> year + "4";
            };
          }
        }
        // A planted anomaly counts where the record states it: a rejected record or a blank cell hides it.
        if (f.planted != null && badType < 0 && !f.cells[f.planted.metric()].missing()) {
          int m = f.planted.metric();
          planted.append(t.code()).append(',').append(year).append(',').append(Figures.METRICS[m]).append(',')
              .append(f.planted.kind()).append(',').append(f.cells[m].value()).append(',')
              .append(String.join("|", f.planted.rules())).append('\n');
          plantedCount++;
        }
        line.setLength(0);
        if (json) {
          jsonLine(line, yearText, code, nameMode || r.nextBoolean() ? districtText : "", name, cells, f);
          jsonl.get(year).line(line);
          jsonlRecords++;
        } else {
          Out o = csv.get(t.districtCode().substring(0, 2));
          line.append(Csv.cell(yearText)).append(',').append(code).append(',').append(Csv.cell(name)).append(',').append(Csv.cell(districtText));
          for (String c : cells) {
            line.append(',').append(Csv.cell(c));
          }
          if (HEADERS[o.variant].length > 16) {
            line.append(',').append(r.nextDouble() < 0.03 ? "已核实" : "");
          }
          o.line(line);
          csvRecords++;
        }
        if (r.nextDouble() < CORRECTED) {
          line.setLength(0);
          correction(line, r, t, year, district, nameWithCode[i], f);
          corrections.line(line);
          correctionRecords++;
        }
      }
    }
    for (Out o : csv.values()) {
      o.close();
    }
    for (Out o : jsonl.values()) {
      o.close();
    }
    corrections.close();

    // Reports of the last year.
    List<NationalGazetteer.Town> chosen = new ArrayList<>(g.towns);
    if (reports < n) {
      chosen.sort(Comparator.comparingLong(t -> Rng.mix(p.seed, Rng.key(t.code()))));
      chosen = new ArrayList<>(chosen.subList(0, reports));
      chosen.sort(Comparator.comparing(NationalGazetteer.Town::code));
    }
    long r0 = System.nanoTime();
    try (PdfReports pdf = font != null ? new PdfReports(font) : null) {
      for (NationalGazetteer.Town t : chosen) {
        int year = p.lastYear;
        Figures f = Figures.of(p.seed, t.code(), year);
        SplittableRandom r = Rng.of(p.seed, t.code(), year, 4);
        String district = g.districts.get(t.districtCode());
        String path = g.path(t);
        String text = r.nextBoolean() ? ReportText.prose(path, t, district, year, f, r) : ReportText.template(path, t, district, year, f, r, pdf != null);
        Charset cs = r.nextDouble() < 0.2 ? GB18030 : StandardCharsets.UTF_8;
        String base = t.code() + "_" + t.name().replaceAll("[\\\\/:*?\"<>|\\s]", "_") + "_" + year;
        if (pdf != null) {
          pdf.write(dir.resolve("reports").resolve(base + ".pdf"), text, (int) (Rng.mix(p.seed, Rng.key(t.code())) >>> 17 & 1));
        } else {
          Files.write(dir.resolve("reports").resolve(base + ".txt"), text.getBytes(cs));
        }
      }
    }
    double reportSeconds = (System.nanoTime() - r0) / 1e9;

    writeJobs(dir, p, firstYear);
    double seconds = (System.nanoTime() - t0) / 1e9;
    Files.writeString(dir.resolve(PLANTED_FILE), planted, StandardCharsets.UTF_8);
    Summary s = new Summary(dir, n, g.realTowns, g.districts.size(), csvRecords, jsonlRecords, correctionRecords, bad, notReporting,
        plantedCount,
        chosen.size(), seconds, false, p.reportFormat, font != null ? font.describe() : null, reportSeconds);
    Json.writeSummary(marker, s, p, firstYear);
    return s;
  }

  private static void jsonLine(StringBuilder b, String yearText, String code, String district, String name, String[] cells, Figures f) {
    b.append('{');
    if (yearText.matches("\\d{4}")) {
      b.append("\"year\": ").append(yearText);
    } else {
      b.append("\"year\": ").append(Json.quote(yearText));
    }
    if (!code.isEmpty()) {
      b.append(", \"region_code\": ").append(Json.quote(code));
    }
    if (!district.isEmpty()) {
      b.append(", \"district\": ").append(Json.quote(district));
    }
    if (!name.isEmpty()) {
      b.append(", \"township\": ").append(Json.quote(name));
    }
    for (int m = 0; m < cells.length; m++) {
      b.append(", ").append(Json.quote(JSON_KEYS[4 + m])).append(": ");
      String c = cells[m];
      if (c.isEmpty()) {
        b.append("null");
      } else if (c.matches("\\d{1,15}")) {
        b.append(c);
      } else {
        b.append(Json.quote(c));
      }
    }
    b.append('}');
  }

  /** A record of the corrections source: the same township and year, some figures, about half of them different. */
  private static void correction(StringBuilder b, SplittableRandom r, NationalGazetteer.Town t, int year, String district, boolean name, Figures f) {
    b.append(year).append(',').append(t.code()).append("000,").append(name ? Csv.cell(t.name()) : "").append(',').append(Csv.cell(district));
    boolean any = false;
    for (int m = 0; m < Figures.METRICS.length; m++) {
      String cell = "";
      if (r.nextDouble() < 0.6 || !any && m == Figures.METRICS.length - 1) {
        long v = f.stated(m);
        if (r.nextBoolean()) {
          long delta = 1 + r.nextInt((int) Math.max(1, v / 5));
          v = r.nextBoolean() || v < delta ? v + delta : v - delta;
        }
        cell = Long.toString(v);
        any = true;
      }
      b.append(',').append(cell);
    }
    b.append(",区政务办核实后更正");
  }

  private static void writeJobs(Path dir, Params p, int firstYear) throws IOException {
    String head = "# Synthetic national benchmark data (scripts/gen-data " + String.join(" ", p.args()) + "), " + firstYear + "–" + p.lastYear + ".\n"
        + "# Paths are relative to this file. Run: scripts/gongkai run " + "<this file>\n";
    String sources = """
        gazetteer: gazetteer.csv

        sources:
          # One CSV per province: GB18030, UTF-8 or UTF-8 with BOM; three header vocabularies.
          - name: township_records
            format: csv
            path: records/records-*.csv
            encoding: auto
            columns:
              备注: ignore
          # About a tenth of the districts send JSON Lines, one file per year.
          - name: township_records_jsonl
            format: jsonl
            path: jsonl/records-*.jsonl
          # Figures the district offices corrected: they win over the records.
          - name: corrections
            format: csv
            path: corrections/corrections.csv
            priority: 10
            columns:
              备注: ignore
        """;
    String ext = p.pdf() ? "pdf" : "txt";
    String reports = """
          # The last year's annual reports, one .%s per township (half prose, half the 2019 template).
          - name: township_reports
            format: report
            path: reports/*.%s
            file_name_pattern: '^(?<region>\\d{9})_.*_(?<year>\\d{4})\\.%s$'
        """.formatted(ext, ext, ext);
    String tail = """

        outputs:
          directory: %s
          formats: [parquet]

        rollup:
          levels: [district, city, province]
        """;
    Files.writeString(dir.resolve("job.yaml"), head + "name: bench\n" + sources + tail.formatted("out/gongkai"), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(TABLES_JOB), head + "name: bench-tables\n" + sources + tail.formatted("out/gongkai-tables")
        .replace("formats: [parquet]\n", "formats: [parquet]\n  wide: false    # no 汇总表\n  report: false  # no report.html\n"),
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("job-with-reports.yaml"), head + "name: bench-with-reports\n" + sources + reports + tail.formatted("out/gongkai-reports"),
        StandardCharsets.UTF_8);
    String gazetteerOnly = sources.substring(0, sources.indexOf("sources:") + "sources:\n".length());
    Files.writeString(dir.resolve(REPORTS_ONLY_JOB), head + "name: bench-reports\n" + gazetteerOnly + reports
        + tail.formatted("out/gongkai-reports-only"), StandardCharsets.UTF_8);
  }

  /** The job that reads the reports alone: how fast a year of every township's report is read end to end. */
  static final String REPORTS_ONLY_JOB = "job-reports.yaml";

  /** The job without the 汇总表 and report.html: the tables DuckDB also makes (and findings, rejects, city and province rollups). */
  static final String TABLES_JOB = "job-tables.yaml";

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var s = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(s.toList());
      all.sort(Comparator.reverseOrder());
      for (Path x : all) {
        Files.delete(x);
      }
    }
  }

  /** A buffered text file. */
  static final class Out implements AutoCloseable {
    final Writer w;
    final int variant;

    Out(Path file, Charset cs, boolean bom, int variant) throws IOException {
      OutputStream os = Files.newOutputStream(file);
      if (bom) {
        os.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      }
      this.w = new BufferedWriter(new OutputStreamWriter(os, cs), 1 << 16);
      this.variant = variant;
    }

    void line(CharSequence s) throws IOException {
      w.append(s).append('\n');
    }

    @Override
    public void close() throws IOException {
      w.close();
    }
  }
}
