package org.gongkai.cli;

import org.gongkai.job.Inputs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import org.gongkai.wide.WholeJobFiles;

/** The short summary printed at the end of a run, read back from the published manifest. */
public final class RunSummary {
  private RunSummary() {}

  /**
   * One line per source that gave no observation, with its commonest reject reason, and a last
   * line saying where the reasons are: such a run publishes its outputs but must not look like a
   * success. Empty when every source gave observations.
   */
  static java.util.List<String> emptySources(JsonNode m, String outputDir) {
    boolean csv = false;
    for (JsonNode o : m.path("outputs")) {
      csv |= o.path("path").asText().equals("csv/rejects.csv");
    }
    java.util.List<String> lines = new java.util.ArrayList<>();
    for (JsonNode s : m.path("sources")) {
      if (s.path("observations").asLong() > 0) {
        continue;
      }
      StringBuilder line = new StringBuilder("source " + s.path("name").asText() + " gave no observation: "
          + s.path("read").asLong() + " read, " + s.path("accepted").asLong() + " accepted, "
          + s.path("rejected").asLong() + " rejected");
      String commonest = null;
      long most = 0;
      for (var r : (Iterable<Map.Entry<String, JsonNode>>) s.path("reject_reasons")::fields) {
        if (r.getValue().asLong() > most) { // fields come in code order: ties go to the first code
          commonest = r.getKey();
          most = r.getValue().asLong();
        }
      }
      if (commonest != null) {
        line.append(", most as ").append(commonest).append(" (").append(most).append(")");
      } else if (s.path("accepted").asLong() > 0) {
        line.append("; its records hold no figure Gongkai knows (check the column names or the report text)");
      }
      lines.add(line.toString());
    }
    if (!lines.isEmpty()) {
      lines.add("finished, but " + lines.size() + (lines.size() == 1 ? " source" : " sources") + " gave nothing (exit code 3);"
          + " why each record was rejected: " + outputDir + (csv ? "/csv/rejects.csv" : "/rejects/"));
    }
    return lines;
  }

  /** The published run's manifest, read once for the summary and the check of empty sources. */
  public static JsonNode manifest(String outputDir) throws IOException {
    return new ObjectMapper().readTree(Inputs.readAll(outputDir + "/manifest.json"));
  }

  public static void print(JsonNode m, String outputDir, double wallSeconds, PrintStream out) {
    out.println();
    out.println("Gongkai: job " + m.path("job").path("name").asText() + " finished in "
        + String.format("%.1f s", wallSeconds));
    out.println(String.format("  %-28s %10s %10s %10s %12s", "source", "read", "accepted", "rejected", "observations"));
    long read = 0;
    for (JsonNode s : m.path("sources")) {
      out.println(String.format("  %-28s %10d %10d %10d %12d", s.path("name").asText(), s.path("read").asLong(),
          s.path("accepted").asLong(), s.path("rejected").asLong(), s.path("observations").asLong()));
      read += s.path("read").asLong();
    }
    JsonNode st = m.path("stages");
    out.println(String.format("  %d files read, %d from the cache; %d of %d district groups analysed, %d from the cache",
        st.path("files_read").asLong(), st.path("files_from_cache").asLong(),
        st.path("district_groups").asLong() - st.path("district_groups_from_cache").asLong(),
        st.path("district_groups").asLong(), st.path("district_groups_from_cache").asLong()));
    out.println(String.format("  %d observations kept after %d duplicates (%d conflicting) in %d districts",
        st.path("observations_kept").asLong(), st.path("duplicates_dropped").asLong(),
        st.path("duplicate_conflicts").asLong(), st.path("districts").asLong()));
    out.println(String.format("  findings: %d errors, %d warnings, %d info",
        st.path("findings_error").asLong(), st.path("findings_warning").asLong(), st.path("findings_info").asLong()));
    topFindings(m.path("top_findings"), out);
    for (JsonNode k : m.path("notices")) {
      out.println(String.format("  read but not used: %s %d", k.path("code").asText(), k.path("count").asLong()));
      for (JsonNode f : k.path("first")) {
        out.println("    " + f.asText());
      }
    }
    out.println(String.format("  %.0f records/s", wallSeconds > 0 ? read / wallSeconds : 0));
    out.println("  written to " + outputDir + ":");
    java.util.Map<String, long[]> tables = new java.util.TreeMap<>();
    long wide = 0;
    long districtCsvs = 0;
    long districtBooks = 0;
    for (JsonNode o : m.path("outputs")) {
      String path = o.path("path").asText();
      if (path.startsWith(WholeJobFiles.WIDE_FOLDER)) {
        wide++;
        boolean all = path.endsWith("/all.csv") || path.endsWith("/all.xlsx");
        districtCsvs += !all && path.endsWith(".csv") ? 1 : 0;
        districtBooks += !all && path.endsWith(".xlsx") ? 1 : 0;
        continue;
      }
      if (path.equals(WholeJobFiles.REPORT)) {
        continue;
      }
      String table = path.startsWith("csv/") ? path.substring(4).replaceFirst("\\.csv$", "") : path.split("/")[0];
      long[] t = tables.computeIfAbsent(table, k -> new long[2]);
      if (path.startsWith("csv/")) {
        t[0] = o.path("rows").asLong();
      } else {
        t[1]++;
      }
    }
    boolean csv = false;
    for (JsonNode o : m.path("outputs")) {
      csv |= o.path("path").asText().startsWith("csv/");
    }
    for (Map.Entry<String, long[]> t : tables.entrySet()) {
      String name = t.getKey();
      long[] v = t.getValue();
      out.println(csv
          ? String.format("    %-18s %8d rows   csv/%s.csv and %d Parquet files in %s/", name, v[0], name, v[1], name)
          : String.format("    %-18s %8d Parquet files in %s/", name, v[1], name));
    }
    Map<String, String> notWritten = new java.util.TreeMap<>();
    m.path("not_written").forEach(n -> notWritten.put(n.path("output").asText(), n.path("switch").asText()));
    if (notWritten.containsKey(WholeJobFiles.WIDE_FOLDER)) {
      out.println(String.format("    %-18s not written (%s: false)", "汇总表 (wide)", notWritten.get(WholeJobFiles.WIDE_FOLDER)));
    } else {
      out.println(String.format("    %-18s %8d files  wide/<year>/<district>.csv|.xlsx and wide/<year>/all.csv|.xlsx",
          "汇总表 (wide)", wide));
    }
    java.util.List<String> kinds = new java.util.ArrayList<>();
    java.util.List<String> switches = new java.util.ArrayList<>();
    if (districtCsvs == 0) {
      kinds.add("CSV");
      switches.add("outputs.district_csv");
    }
    if (districtBooks == 0) {
      kinds.add("workbook");
      switches.add("outputs.district_workbooks");
    }
    if (wide > 0 && !kinds.isEmpty()) {
      out.println("      no " + String.join(" or ", kinds) + " per district (" + String.join(", ", switches)
          + "; by default none beyond " + org.gongkai.job.JobSpec.Outputs.AUTO_DISTRICT_FILES
          + " districts): all.csv and all.xlsx have every district");
    }
    if (notWritten.containsKey(WholeJobFiles.REPORT)) {
      out.println("  " + WholeJobFiles.REPORT + " not written (" + notWritten.get(WholeJobFiles.REPORT) + ": false)");
    } else {
      out.println("  report to open in a browser: " + outputDir + "/" + WholeJobFiles.REPORT);
    }
    if (st.path("findings_error").asLong() + st.path("findings_warning").asLong() > 0) {
      out.println("  findings to check: " + outputDir + (csv ? "/csv/findings.csv" : "/findings/"));
    }
    if (st.path("records_rejected").asLong() > 0) {
      out.println("  rejected records and why: " + outputDir + (csv ? "/csv/rejects.csv" : "/rejects/"));
    }
  }

  /** Each listed district's first findings by rank, and how many are left for the findings table. */
  private static void topFindings(JsonNode t, PrintStream out) {
    JsonNode districts = t.path("districts");
    if (districts.isEmpty()) {
      return;
    }
    long with = t.path("districts_with_findings").asLong();
    out.println(String.format("  top findings, by rank (severity, how far off, size; the findings table's rank column): "
        + "the first %d of %s", t.path("per_district").asInt(),
        with > districts.size() ? districts.size() + " of the " + with + " districts with findings (those ranked highest)"
            : "each district with findings"));
    for (JsonNode d : districts) {
      long all = d.path("errors").asLong() + d.path("warnings").asLong() + d.path("info").asLong();
      out.println(String.format("    %s %s: %d errors, %d warnings, %d info", d.path("name").asText(),
          d.path("code").asText(), d.path("errors").asLong(), d.path("warnings").asLong(), d.path("info").asLong()));
      for (JsonNode f : d.path("findings")) {
        out.println(String.format("      %2d %-7s %s %s", f.path("rank").asInt(), f.path("severity").asText(),
            f.path("rule").asText(), f.path("message").asText()));
      }
      long left = all - d.path("findings").size();
      if (left > 0) {
        out.println("         … " + left + " more in the findings table");
      }
    }
  }
}
