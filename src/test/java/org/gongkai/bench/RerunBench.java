package org.gongkai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code scripts/bench --rerun}: what the parse cache saves an analyst who fixes one input. On a
 * private view of the data set (links to its files, in target/bench/rerun/), the national job
 * with reports runs cold (empty cache), then again after one province's CSV is rewritten with
 * one figure changed, then once more with --cache=off; the reports-only job runs cold and warm.
 * The rerun's district rollup must equal the --cache=off run's, figure by figure.
 */
final class RerunBench {
  private RerunBench() {}

  record Row(String name, ProcessTimer.Measurement m, long files, long fromCache) {}

  static int run(Path root, Path data, Path logs, long timeoutSeconds) throws IOException, InterruptedException {
    Path work = root.resolve("target/bench/rerun");
    deleteTree(work);
    Files.createDirectories(work.resolve("records"));
    for (String name : List.of("gazetteer.csv", "jsonl", "corrections", "reports")) {
      Files.createSymbolicLink(work.resolve(name), data.resolve(name));
    }
    List<Path> provinces;
    try (Stream<Path> s = Files.list(data.resolve("records"))) {
      provinces = s.sorted().toList();
    }
    for (Path p : provinces) {
      Files.createSymbolicLink(work.resolve("records").resolve(p.getFileName()), p);
    }
    // the largest province: the rerun parses the most a one-file change can make it parse
    Path changed = provinces.stream().max(Comparator.comparingLong(RerunBench::size)).orElseThrow();
    Path withReports = job(data.resolve("job-with-reports.yaml"), work, "out/with-reports");
    Path reportsOnly = job(data.resolve(GenData.REPORTS_ONLY_JOB), work, "out/reports-only");

    List<Row> rows = new ArrayList<>();
    String gongkai = root.resolve("scripts/gongkai").toString();
    rows.add(measure("cold: national + reports, empty cache", List.of(gongkai, "run", withReports.toString()), work,
        "out/with-reports", "cold", logs, timeoutSeconds));
    String figure = changeOneFigure(work.resolve("records").resolve(changed.getFileName()), changed);
    rows.add(measure("rerun: " + changed.getFileName() + " changed (" + figure + ")",
        List.of(gongkai, "run", withReports.toString()), work, "out/with-reports", "rerun", logs, timeoutSeconds));
    rows.add(measure("the same inputs, --cache=off", List.of(gongkai, "run", withReports.toString(), "--cache=off"), work,
        "out/with-reports", "off", logs, timeoutSeconds));
    rows.add(measure("41,352 reports alone, cold", List.of(gongkai, "run", reportsOnly.toString()), work,
        "out/reports-only", "reports-cold", logs, timeoutSeconds));
    rows.add(measure("41,352 reports alone, warm", List.of(gongkai, "run", reportsOnly.toString()), work,
        "out/reports-only", "reports-warm", logs, timeoutSeconds));

    Map<String, Path> compared = new LinkedHashMap<>();
    compared.put("cache-off", work.resolve("out/off"));
    compared.put("rerun", work.resolve("out/rerun"));
    RollupCompare.Result cmp = RollupCompare.compare(compared);
    Row cold = rows.get(0);
    Row rerun = rows.get(1);
    boolean ok = rows.stream().allMatch(r -> r.m().ok()) && cmp.agree() && rerun.fromCache() == rerun.files() - 1
        && cold.fromCache() == 0;

    StringBuilder md = new StringBuilder();
    md.append("| run | wall s | peak RSS MB | files read | from the cache |\n|---|---:|---:|---:|---:|\n");
    ObjectNode json = Json.MAPPER.createObjectNode();
    ArrayNode rs = json.putArray("runs");
    for (Row r : rows) {
      md.append(String.format(Locale.ROOT, "| %s | %.1f | %,.0f | %,d | %,d |%s%n", r.name(), r.m().wallSeconds(),
          r.m().peakRssMb(), r.files(), r.fromCache(), r.m().ok() ? "" : " FAILED"));
      ObjectNode o = rs.addObject();
      o.put("run", r.name());
      o.put("ok", r.m().ok());
      o.put("wall_seconds", r.m().wallSeconds());
      o.put("peak_rss_mb", r.m().peakRssMb());
      o.put("files", r.files());
      o.put("from_cache", r.fromCache());
    }
    double ratio = rerun.m().wallSeconds() / cold.m().wallSeconds();
    md.append(String.format(Locale.ROOT, "%nRerun / cold: %.2f (aim ≤ 0.33, required ≤ 0.50). Reports warm / cold: %.2f.%n",
        ratio, rows.get(4).m().wallSeconds() / rows.get(3).m().wallSeconds()));
    md.append(String.format(Locale.ROOT, "Rollups of the rerun and the --cache=off run: %s (%,d district rollup rows%s).%n",
        cmp.agree() ? "identical" : "DIFFERENT", cmp.referenceRows(), cmp.error() == null ? "" : "; " + cmp.error()));
    for (RollupCompare.Pair p : cmp.pairs()) {
      if (!p.agree()) {
        md.append("  missing ").append(p.missing()).append(", extra ").append(p.extra()).append(", differing ")
            .append(p.differing()).append(": ").append(String.join("; ", p.examples())).append('\n');
      }
    }
    json.put("rerun_over_cold", ratio);
    json.put("rollups_agree", cmp.agree());
    json.put("changed_file", changed.getFileName().toString());
    json.put("ok", ok);
    Files.writeString(root.resolve("target/bench/rerun.json"), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
    Files.writeString(root.resolve("target/bench/rerun.md"), md.toString());
    System.out.print(md);
    return ok ? 0 : 1;
  }

  /** The data set's job file, its outputs and cache moved into {@code work} (paths are relative to the job file). */
  private static Path job(Path original, Path work, String outputs) throws IOException {
    String text = Files.readString(original, StandardCharsets.UTF_8)
        .replaceFirst("(?m)^  directory: .*$", "  directory: " + outputs);
    Path job = work.resolve(original.getFileName());
    Files.writeString(job, text + "\ncache: cache\n", StandardCharsets.UTF_8);
    return job;
  }

  /**
   * Rewrites a province's CSV with one figure changed: the first field of a data line that is a
   * number below 1000 (a count, never a year or a region code) goes up by one. The bytes around it
   * stay as they are, whatever the file's encoding: a comma is never part of a GB18030 character.
   */
  static String changeOneFigure(Path target, Path original) throws IOException {
    byte[] b = Files.readAllBytes(original);
    int line = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n') {
        line++;
      }
      if (line < 1 || b[i] != ',') {
        continue;
      }
      int end = i + 1;
      while (end < b.length && b[end] >= '0' && b[end] <= '9') {
        end++;
      }
      int digits = end - i - 1;
      if (digits >= 1 && digits <= 3 && end < b.length && (b[end] == ',' || b[end] == '\r' || b[end] == '\n')) {
        String old = new String(b, i + 1, digits, StandardCharsets.US_ASCII);
        byte[] now = String.valueOf(Integer.parseInt(old) + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[b.length - digits + now.length];
        System.arraycopy(b, 0, out, 0, i + 1);
        System.arraycopy(now, 0, out, i + 1, now.length);
        System.arraycopy(b, end, out, i + 1 + now.length, b.length - end);
        Files.delete(target); // the link to the shared data set, replaced by this run's own copy
        Files.write(target, out);
        return "line " + (line + 1) + ": " + old + " → " + new String(now, StandardCharsets.US_ASCII);
      }
    }
    throw new IOException(original + ": no figure below 1000 to change");
  }

  private static Row measure(String name, List<String> cmd, Path work, String outputs, String keep, Path logs,
      long timeoutSeconds) throws IOException, InterruptedException {
    System.err.printf(Locale.ROOT, "bench: %-45s … ", name);
    ProcessTimer.Measurement m = ProcessTimer.run(cmd, work, Map.of(), logs.resolve("rerun-" + keep + ".log"), timeoutSeconds);
    System.err.printf(Locale.ROOT, "%.2f s, %.0f MB%s%n", m.wallSeconds(), m.peakRssMb(), m.ok() ? "" : "  FAILED (exit "
        + m.exitCode() + ", " + m.log() + ")");
    long files = 0;
    long fromCache = 0;
    Path out = work.resolve(outputs);
    if (m.ok()) {
      JsonNode stages = Json.MAPPER.readTree(out.resolve("manifest.json").toFile()).path("stages");
      files = stages.path("files_read").asLong();
      fromCache = stages.path("files_from_cache").asLong();
      Path kept = work.resolve("out").resolve(keep);
      Files.move(out, kept); // the next run of the job starts from an empty folder; this one is compared later
    }
    return new Row(name, m, files, fromCache);
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) { // walk does not follow the links into the shared data set
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
