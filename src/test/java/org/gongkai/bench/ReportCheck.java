package org.gongkai.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.gongkai.ingest.EncodingDetector;
import org.gongkai.ingest.report.ExtractedReport;
import org.gongkai.ingest.report.Figure;
import org.gongkai.ingest.report.ReportExtractor;
import org.gongkai.model.MetricCatalog;

/**
 * A development check of the generated reports against the project's report extractor: for up
 * to N reports of a data set, which of the 12 record metrics it reads with the value (and
 * qualifier) the generator wrote, per format. Not part of the timed benchmark.
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
      String text = EncodingDetector.decode(Files.readAllBytes(file), "auto").text();
      ExtractedReport r = extractor.extract(ReportExtractor.text(name, text), year, null);
      Figures f = Figures.of(seed, code, year);
      n++;
      for (int m = 0; m < Figures.METRICS.length; m++) {
        String key = r.format() + "|" + Figures.METRICS[m];
        int[] st = stats.computeIfAbsent(key, k -> new int[3]);
        var got = r.figure(Figures.METRICS[m]);
        if (got.isEmpty()) {
          st[2]++;
          continue;
        }
        Figure g = got.get();
        boolean ok = g.value() == f.stated(m);
        if (ok) {
          st[0]++;
        } else {
          st[1]++;
          if (verbose) {
            System.out.printf("%s %s: read %d (%s), wrote %s — %s%n", name, Figures.METRICS[m], g.value(), g.qualifier(), f.statedText(m), g.evidence());
          }
        }
      }
      if (verbose && !r.warnings().isEmpty()) {
        System.out.println(name + " warnings: " + r.warnings());
      }
    }
    System.out.printf(Locale.ROOT, "%d reports%n%-40s %7s %7s %7s%n", n, "format|metric", "same", "other", "absent");
    stats.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-40s %7d %7d %7d%n", k, v[0], v[1], v[2]));
  }
}
