package org.gongkai.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.gongkai.ingest.EncodingDetector;
import org.gongkai.ingest.GazetteerReader;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.ingest.report.ExtractedReport;
import org.gongkai.ingest.report.Figure;
import org.gongkai.ingest.report.ReportExtractor;
import org.gongkai.ingest.report.ReportReader;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.normalize.RegionResolver;

/**
 * A development check of the generated reports against the project's report reader: for up
 * to N reports of a data set, which of the 12 record metrics it reads with the value the
 * generator wrote, per format (a .txt by the extractor, per its prose/template format; a .pdf
 * as the pipeline reads it, through {@link ReportReader}). Not part of the timed benchmark.
 *
 * <pre>ReportCheck DATA_DIR [N] [--seed S] [--verbose]</pre>
 */
public final class ReportCheck {
  private ReportCheck() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int limit = args.length > 1 && !args[1].startsWith("--") ? Integer.parseInt(args[1]) : 200;
    long seed = 1;
    boolean verbose = false;
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--seed")) {
        seed = Long.parseLong(args[++i]);
      } else if (args[i].equals("--verbose")) {
        verbose = true;
      }
    }
    ReportExtractor extractor = new ReportExtractor(MetricCatalog.standard());
    ReportReader pdfReader = null;
    Map<String, int[]> stats = new TreeMap<>(); // format|metric -> {match, wrong, missing}
    int n = 0;
    List<Path> files;
    try (var s = Files.list(dir.resolve("reports"))) {
      files = s.sorted().limit(limit).toList();
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      String code = name.substring(0, 9);
      int year = Integer.parseInt(name.substring(name.length() - 8, name.length() - 4));
      Figures f = Figures.of(seed, code, year);
      Map<String, Long> read = new TreeMap<>();
      String format;
      if (name.endsWith(".pdf")) {
        if (pdfReader == null) {
          pdfReader = pdfReader(dir);
        }
        format = "pdf";
        var sink = new Collect();
        pdfReader.read(name, Files.readAllBytes(file), sink);
        sink.observations.forEach(o -> read.put(o.metric(), o.value()));
        if (verbose && !sink.rejects.isEmpty()) {
          System.out.println(name + " rejected: " + sink.rejects);
        }
      } else {
        String text = EncodingDetector.decode(Files.readAllBytes(file), "auto").text();
        ExtractedReport r = extractor.extract(ReportExtractor.text(name, text), year, null);
        format = r.format();
        for (String m : Figures.METRICS) {
          r.figure(m).map(Figure::value).ifPresent(v -> read.put(m, v));
        }
        if (verbose && !r.warnings().isEmpty()) {
          System.out.println(name + " warnings: " + r.warnings());
        }
      }
      n++;
      for (int m = 0; m < Figures.METRICS.length; m++) {
        int[] st = stats.computeIfAbsent(format + "|" + Figures.METRICS[m], k -> new int[3]);
        Long got = read.get(Figures.METRICS[m]);
        if (got == null) {
          st[2]++;
        } else if (got == f.stated(m)) {
          st[0]++;
        } else {
          st[1]++;
          if (verbose) {
            System.out.printf("%s %s: read %d, wrote %s%n", name, Figures.METRICS[m], got, f.statedText(m));
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "%d reports%n%-40s %7s %7s %7s%n", n, "format|metric", "same", "other", "absent");
    stats.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-40s %7d %7d %7d%n", k, v[0], v[1], v[2]));
  }

  /** The job's report source as the pipeline reads it: region and year from the file name. */
  static ReportReader pdfReader(Path dir) throws java.io.IOException {
    var gazetteer = GazetteerReader.read("gazetteer.csv", Files.readAllBytes(dir.resolve("gazetteer.csv")));
    SourceSpec source = new SourceSpec("township_reports", 1, SourceSpec.Format.REPORT, "reports/*.pdf", "auto", null, null, Map.of(), 0,
        "^(?<region>\\d{9})_.*_(?<year>\\d{4})\\.pdf$");
    return new ReportReader(source, new RegionResolver(gazetteer), MetricCatalog.standard(), 50L << 20);
  }

  /** Keeps what a reader gives. */
  static final class Collect implements org.gongkai.ingest.ReadSink {
    final List<Observation> observations = new java.util.ArrayList<>();
    final List<org.gongkai.model.Reject> rejects = new java.util.ArrayList<>();

    @Override
    public void observation(Observation o) {
      observations.add(o);
    }

    @Override
    public void reject(org.gongkai.model.Reject r) {
      rejects.add(r);
    }

    @Override
    public void stated(org.gongkai.model.StatedFigure s) {
      // a district's own figures: not a township's, not compared here
    }
  }
}
