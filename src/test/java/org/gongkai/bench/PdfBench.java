package org.gongkai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code scripts/bench --report-format pdf}: the year of reports read end to end twice, as PDF
 * (the data set written with {@code gen-data --report-format pdf}) and as the same reports in
 * text (the data set without it), each R times in alternating order, each its own process timed
 * from outside. The two runs' district rollups and township_metrics row counts must agree
 * ({@link RollupCompare}), and the ratio of the median wall times is the figure to watch (the
 * aim: PDF within 3× of text). Writes {@code target/bench/results-<label>.json} and {@code .md}.
 */
final class PdfBench {
  private PdfBench() {}

  static int run(Bench b, Path benchDir, String label, String started, String loadBefore) throws Exception {
    GenData.Summary pdf;
    GenData.Summary text;
    GenData.Params tp = textTwin(b.params);
    try {
      text = GenData.generate(tp, b.skipGen);
      pdf = GenData.generate(b.params, b.skipGen);
    } catch (IOException e) {
      System.err.println("bench: " + e.getMessage());
      return 2;
    }
    if (pdf.reports() != text.reports()) {
      System.err.println("bench: the PDF data set has " + pdf.reports() + " reports, the text one " + text.reports());
      return 2;
    }
    String font = pdfFont(pdf.dir());
    System.err.printf(Locale.ROOT, "bench: %,d reports as PDF in %s (font %s), as text in %s%n", pdf.reports(), b.root.relativize(pdf.dir()), font,
        b.root.relativize(text.dir()));
    Path logs = benchDir.resolve("logs");
    Path gongkai = b.root.resolve("scripts/gongkai");
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put(Bench.GONGKAI_REPORTS_ONLY, List.of(gongkai.toString(), "run", text.dir().resolve(GenData.REPORTS_ONLY_JOB).toString()));
    commands.put(Bench.GONGKAI_REPORTS_PDF, List.of(gongkai.toString(), "run", pdf.dir().resolve(GenData.REPORTS_ONLY_JOB).toString()));
    Map<String, List<ProcessTimer.Measurement>> results = new LinkedHashMap<>();
    commands.keySet().forEach(k -> results.put(k, new ArrayList<>()));
    List<String> order = new ArrayList<>(commands.keySet());
    for (int r = 0; r < b.runs; r++) {
      for (int k = 0; k < order.size(); k++) {
        String e = order.get((k + r) % order.size());
        if (results.get(e).stream().noneMatch(ProcessTimer.Measurement::timedOut)) {
          b.measure(e, commands.get(e), r, results, logs);
        }
      }
    }
    boolean allOk = results.values().stream().allMatch(l -> !l.isEmpty() && l.stream().allMatch(ProcessTimer.Measurement::ok));
    Map<String, Path> outputs = new LinkedHashMap<>();
    outputs.put(Bench.GONGKAI_REPORTS_ONLY, text.dir().resolve("out/gongkai-reports-only"));
    outputs.put(Bench.GONGKAI_REPORTS_PDF, pdf.dir().resolve("out/gongkai-reports-only"));
    RollupCompare.Result cmp = RollupCompare.compare(outputs);

    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("reports", pdf.reports());
    json.put("pdf_font", font);
    JsonNode ds = readTree(pdf.dir().resolve("dataset.json"));
    if (ds != null && ds.has("report_seconds")) {
      json.put("pdf_generation_s", ds.get("report_seconds").asDouble());
    }
    var rs = json.putArray("runs");
    Map<String, Double> wall = new LinkedHashMap<>();
    for (var e : results.entrySet()) {
      List<ProcessTimer.Measurement> ms = e.getValue();
      double w = Bench.median(ms.stream().mapToDouble(ProcessTimer.Measurement::wallSeconds).toArray());
      wall.put(e.getKey(), w);
      ObjectNode o = rs.addObject();
      o.put("engine", e.getKey()).put("wall_s", Bench.round(w, 2))
          .put("peak_rss_mb", Bench.round(ms.stream().mapToDouble(ProcessTimer.Measurement::peakRssMb).max().orElse(0), 0))
          .put("reports_per_s", Bench.round(pdf.reports() / w, 0)).put("ok", ms.stream().allMatch(ProcessTimer.Measurement::ok));
      var all = o.putArray("wall_s_runs");
      ms.forEach(m -> all.add(Bench.round(m.wallSeconds(), 2)));
      var allRss = o.putArray("peak_rss_mb_runs");
      ms.forEach(m -> allRss.add(Bench.round(m.peakRssMb(), 0)));
      if (!ms.isEmpty()) {
        o.put("log", b.root.relativize(ms.get(ms.size() - 1).log()).toString());
      }
    }
    double ratio = wall.get(Bench.GONGKAI_REPORTS_PDF) / wall.get(Bench.GONGKAI_REPORTS_ONLY);
    json.put("pdf_to_text_ratio", Bench.round(ratio, 2));
    json.put("agree", cmp.agree() && allOk);
    ObjectNode c = json.putObject("comparison");
    c.put("reference", cmp.reference()).put("district_rollup_rows", cmp.referenceRows());
    cmp.townshipMetricRows().forEach(c.putObject("township_metrics_rows")::put);
    for (RollupCompare.Pair p : cmp.pairs()) {
      c.put("pdf_missing", p.missing()).put("pdf_extra", p.extra()).put("pdf_differing", p.differing());
      var ex = c.putArray("examples");
      p.examples().forEach(ex::add);
    }
    if (cmp.error() != null) {
      c.put("error", cmp.error());
    }
    Machine machine = Machine.describe(b.root);
    ObjectNode m = json.putObject("machine");
    m.put("nproc", machine.nproc()).put("memory_gb", machine.memoryGb()).put("cpu", machine.cpu()).put("java", machine.java())
        .put("os", machine.os()).put("git", machine.git()).put("load_before", loadBefore).put("load_after", Bench.loadAverage());
    json.put("date", started).put("label", label).put("runs_per_engine", b.runs);
    var ns = json.putArray("notes");
    b.notes.forEach(ns::add);

    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "# Gongkai benchmark: %,d reports as PDF against the same reports as text%n%n", pdf.reports()));
    md.append("- date: ").append(started).append('\n');
    md.append("- machine: ").append(machine.nproc()).append(" cores (").append(machine.cpu()).append("), ").append(machine.memoryGb())
        .append(" GB memory; ").append(machine.java()).append('\n');
    md.append("- load average before / after: ").append(loadBefore).append(" / ").append(m.path("load_after").asText()).append('\n');
    md.append("- code: ").append(machine.git()).append('\n');
    md.append("- PDF reports: `").append(b.root.relativize(pdf.dir())).append("`, font ").append(font)
        .append(json.has("pdf_generation_s") ? String.format(Locale.ROOT, ", written in %.1f s", json.get("pdf_generation_s").asDouble()) : "")
        .append("; text: `").append(b.root.relativize(text.dir())).append("`\n");
    md.append("- each run `scripts/gongkai run …/job-reports.yaml`, its own process timed from outside; median of ").append(b.runs)
        .append(" runs, peak RSS the largest\n\n");
    md.append("| engine | wall s | runs (s) | peak RSS MB | reports/s |\n|---|---:|---|---:|---:|\n");
    for (JsonNode n : json.path("runs")) {
      StringBuilder all = new StringBuilder();
      n.path("wall_s_runs").forEach(x -> all.append(all.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", x.asDouble())));
      md.append(String.format(Locale.ROOT, "| %s%s | %.2f | %s | %,.0f | %,.0f |%n", n.path("engine").asText(), n.path("ok").asBoolean() ? "" : " (FAILED)",
          n.path("wall_s").asDouble(), all, n.path("peak_rss_mb").asDouble(), n.path("reports_per_s").asDouble()));
    }
    md.append(String.format(Locale.ROOT, "%n**PDF / text: %.2f×** (the aim: within 3×)%n%n", ratio));
    md.append(cmp.error() != null ? "**Agreement: NO** — " + cmp.error() + "\n"
        : String.format(Locale.ROOT, "**Agreement: %s** — %,d district rollup rows of the text run compared with the PDF run's%s; township_metrics rows: %s%n",
            json.path("agree").asBoolean() ? "yes" : "NO", cmp.referenceRows(),
            cmp.pairs().isEmpty() ? "" : cmp.pairs().get(0).agree() ? " (identical)"
                : " (" + cmp.pairs().get(0).missing() + " missing, " + cmp.pairs().get(0).extra() + " extra, " + cmp.pairs().get(0).differing() + " differing)",
            cmp.townshipMetricRows()));
    cmp.pairs().forEach(p -> p.examples().forEach(x -> md.append("  - ").append(x).append('\n')));
    if (!b.notes.isEmpty()) {
      md.append("\nNotes:\n");
      b.notes.forEach(n -> md.append("- ").append(n).append('\n'));
    }
    Files.writeString(benchDir.resolve("results-" + label + ".json"), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n",
        StandardCharsets.UTF_8);
    Files.writeString(benchDir.resolve("results-" + label + ".md"), md, StandardCharsets.UTF_8);
    System.out.print(md);
    System.err.println("bench: wrote " + b.root.relativize(benchDir.resolve("results-" + label + ".json")) + " and .md");
    if (!allOk) {
      System.err.println("bench: a run failed; see the logs in " + b.root.relativize(logs));
      return 1;
    }
    if (!cmp.agree()) {
      System.err.println("bench: the PDF reports do NOT give the text reports' figures: " + (cmp.error() != null ? cmp.error() : "see the results"));
      return 1;
    }
    return 0;
  }

  /** The same parameters with the reports as text: the data set the PDF one is compared with. */
  static GenData.Params textTwin(GenData.Params p) {
    GenData.Params t = new GenData.Params();
    t.scale = p.scale;
    t.years = p.years;
    t.lastYear = p.lastYear;
    t.reports = p.reports;
    t.limitTownships = p.limitTownships;
    t.seed = p.seed;
    t.gazetteerDir = p.gazetteerDir;
    t.root = p.root;
    return t;
  }

  private static String pdfFont(Path dir) {
    JsonNode ds = readTree(dir.resolve("dataset.json"));
    return ds != null && ds.hasNonNull("pdf_font") ? ds.get("pdf_font").asText() : "unknown (dataset.json does not say)";
  }

  private static JsonNode readTree(Path file) {
    try {
      return Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      return null;
    }
  }
}
