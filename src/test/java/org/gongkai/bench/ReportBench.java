package org.gongkai.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.ingest.EncodingDetector;
import org.gongkai.ingest.report.ExtractedReport;
import org.gongkai.ingest.report.Figure;
import org.gongkai.ingest.report.MinHash;
import org.gongkai.ingest.report.ReportExtractor;
import org.gongkai.model.MetricCatalog;

/**
 * A single-thread micro-benchmark of the report reader: for each report the work of {@code
 * ReportReader.read} without Beam — decode, flatten HTML, extract, MinHash signature — timed per
 * stage over all files (read into memory first, so disk is not timed), for several passes (the
 * first warms the JIT up). Stages are timed in the thread's CPU time, which other processes on a
 * busy machine disturb much less than wall time; the pass's wall time is shown beside it. {@code --dump FILE} writes everything the extractor gave for each
 * report, one JSON line per file in path order, so that two revisions can be compared byte for
 * byte. Not part of the timed national benchmark.
 *
 * <pre>ReportBench [--limit N] [--passes P] [--dump FILE] PATH...</pre>
 *
 * A PATH is a report file or a directory whose .txt/.htm/.html/.pdf files are read (not its
 * subdirectories), in name order. A PDF is read whole as the pipeline reads it ({@code
 * ReportReader}: PDFBox, layout, extract, signature), timed as one stage ("pdf"), so that its
 * cost can be set beside the text reports' and profiled.
 */
public final class ReportBench {
  private ReportBench() {}

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  /** Results flow here so that the JIT cannot drop the work of a pass. */
  static volatile long blackhole;

  public static void main(String[] args) throws Exception {
    int limit = Integer.MAX_VALUE;
    int passes = 3;
    Path dump = null;
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--limit" -> limit = Integer.parseInt(args[++i]);
        case "--passes" -> passes = Integer.parseInt(args[++i]);
        case "--dump" -> dump = Path.of(args[++i]);
        default -> {
          if (args[i].startsWith("--")) {
            System.err.println("usage: ReportBench [--limit N] [--passes P] [--dump FILE] PATH...");
            System.exit(2);
          }
          paths.add(Path.of(args[i]));
        }
      }
    }
    List<Path> files = files(paths, limit);
    List<byte[]> bytes = new ArrayList<>(files.size());
    long size = 0;
    for (Path f : files) {
      byte[] b = Files.readAllBytes(f);
      bytes.add(b);
      size += b.length;
    }
    System.err.printf(Locale.ROOT, "report-bench: %,d reports, %.1f MB, %d passes%n", files.size(), size / 1e6, passes);
    ReportExtractor extractor = new ReportExtractor(MetricCatalog.standard());
    org.gongkai.ingest.report.ReportReader pdfReader = null;
    for (int p = 1; p <= passes; p++) {
      int pdfs = 0;
      long[] ns = new long[4]; // CPU time of decode+flatten, extract, signature; a PDF whole
      long wall = System.nanoTime();
      boolean last = p == passes;
      BufferedWriter out = last && dump != null ? Files.newBufferedWriter(dump, StandardCharsets.UTF_8) : null;
      for (int i = 0; i < files.size(); i++) {
        String name = files.get(i).getFileName().toString();
        long t0 = CPU.getCurrentThreadCpuTime();
        if (name.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
          if (pdfReader == null) {
            pdfReader = ReportCheck.pdfReader(files.get(i).getParent().getParent());
          }
          ReportCheck.Collect c = new ReportCheck.Collect();
          blackhole += pdfReader.read(name, bytes.get(i), c).observations();
          ns[3] += CPU.getCurrentThreadCpuTime() - t0;
          pdfs++;
          continue;
        }
        String text = ReportExtractor.text(name, EncodingDetector.decode(bytes.get(i), "auto").text());
        long t1 = CPU.getCurrentThreadCpuTime();
        ExtractedReport r = extractor.extract(text);
        long t2 = CPU.getCurrentThreadCpuTime();
        int[] sig = MinHash.signature(r.body());
        long t3 = CPU.getCurrentThreadCpuTime();
        ns[0] += t1 - t0;
        ns[1] += t2 - t1;
        ns[2] += t3 - t2;
        blackhole += sig[0] + r.figures().size();
        if (out != null) {
          out.write(describe(files.get(i).toString(), r, sig));
          out.write('\n');
        }
      }
      if (out != null) {
        out.close();
      }
      int n = files.size() - pdfs;
      wall = System.nanoTime() - wall;
      if (pdfs > 0) {
        System.out.printf(Locale.ROOT, "pass %d: pdf %.0f reports/s (%.2f s CPU for %,d PDF reports, read whole)%n", p, pdfs / (ns[3] / 1e9), ns[3] / 1e9, pdfs);
        if (n == 0) {
          continue;
        }
      }
      System.out.printf(Locale.ROOT,
          "pass %d: extract %.0f reports/s (%.2f s CPU); decode+flatten %.2f s, signature %.2f s; all %.0f reports/s (wall %.1f s)%n",
          p, n / (ns[1] / 1e9), ns[1] / 1e9, ns[0] / 1e9, ns[2] / 1e9, n / ((ns[0] + ns[1] + ns[2]) / 1e9), wall / 1e9);
    }
    if (dump != null) {
      System.err.println("report-bench: wrote " + dump);
    }
  }

  private static List<Path> files(List<Path> paths, int limit) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (var s = Files.list(p)) {
          s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().matches("(?i).*\\.(txt|html?|pdf)$")).sorted().forEach(out::add);
        }
      } else {
        out.add(p);
      }
    }
    return out.size() > limit ? out.subList(0, limit) : out;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Everything the extractor gave; the body (long) and the signature as SHA-256 digests. */
  private static String describe(String file, ExtractedReport r, int[] sig) throws IOException {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("file", file);
    o.put("region", r.regionText());
    o.put("candidates", r.regionCandidates());
    o.put("year", r.year());
    o.put("titled", r.titled());
    o.put("format", r.format());
    o.put("layout", r.layout());
    List<Object> figures = new ArrayList<>();
    for (Figure f : r.figures()) {
      figures.add(List.of(f.metric(), f.value(), f.qualifier().code(), f.derived(), String.valueOf(f.evidence()), f.offset()));
    }
    o.put("figures", figures);
    o.put("warnings", r.warnings());
    o.put("body", sha256(r.body()));
    StringBuilder s = new StringBuilder();
    for (int v : sig) {
      s.append(v).append(',');
    }
    o.put("signature", sha256(s.toString()));
    return JSON.writeValueAsString(o);
  }

  private static String sha256(String s) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(d.digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
