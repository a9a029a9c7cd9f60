package org.gongkai.publish;

import org.gongkai.table.OutputFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code manifest.json}: what ran, every source with its files and conservation counts, the
 * counts per stage and every output. Built from plain values so the pipeline and tests share it.
 */
public final class Manifest {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ObjectNode root = JSON.createObjectNode();
  private final Map<String, ObjectNode> sources = new TreeMap<>();
  private final Map<String, Long[]> sourceTotals = new TreeMap<>();
  private Map<String, Map<String, Long>> rejectReasons = Map.of();

  public Manifest(String jobName, String jobFile, String version, String runner, Map<String, String> options,
      String startedAt) {
    ObjectNode job = root.putObject("job");
    job.put("name", jobName);
    job.put("file", jobFile);
    root.put("gongkai_version", version);
    root.put("runner", runner);
    ObjectNode opts = root.putObject("options");
    new TreeMap<>(options).forEach(opts::put);
    root.put("started_at", startedAt);
  }

  /** One input file and its counts; sources keep job order through {@code sourceOrder}. */
  public void file(String source, int sourceOrder, String format, String path, long bytes, String sha256,
      long read, long accepted, long rejected, long observations, String charset, List<String> unmapped) {
    file(source, sourceOrder, format, path, bytes, sha256, read, accepted, rejected, observations, charset, unmapped, 0, 0);
  }

  /**
   * One input file and its counts; a workbook also says its total rows (合计, 小计), which are
   * checked and are neither records nor rejects; a report source the figures left uncertain
   * (not emitted, see {@code gongkai extract}) as {@code uncertain_figures}.
   */
  public void file(String source, int sourceOrder, String format, String path, long bytes, String sha256,
      long read, long accepted, long rejected, long observations, String charset, List<String> unmapped, long totalRows,
      long uncertain) {
    file(source, sourceOrder, format, path, bytes, sha256, read, accepted, rejected, observations, charset, unmapped,
        totalRows, uncertain, false);
  }

  /** One input file, saying whether its reading came from the parse cache ({@code from_cache}). */
  public void file(String source, int sourceOrder, String format, String path, long bytes, String sha256,
      long read, long accepted, long rejected, long observations, String charset, List<String> unmapped, long totalRows,
      long uncertain, boolean fromCache) {
    String key = String.format("%04d", sourceOrder);
    ObjectNode s = sources.computeIfAbsent(key, k -> {
      ObjectNode n = JSON.createObjectNode();
      n.put("name", source);
      n.put("format", format);
      n.putArray("files");
      return n;
    });
    ObjectNode f = ((ArrayNode) s.get("files")).addObject();
    f.put("path", path);
    f.put("bytes", bytes);
    f.put("sha256", sha256);
    f.put("from_cache", fromCache);
    f.put("charset", charset);
    f.put("read", read);
    f.put("accepted", accepted);
    f.put("rejected", rejected);
    f.put("observations", observations);
    if (format.equals("excel")) {
      f.put("total_rows", totalRows);
    }
    ArrayNode u = f.putArray("unmapped_columns");
    unmapped.forEach(u::add);
    if (format.equals("report")) {
      s.put("uncertain_figures", s.path("uncertain_figures").asLong(0) + uncertain);
    }
    Long[] t = sourceTotals.computeIfAbsent(key, k -> new Long[] {0L, 0L, 0L, 0L});
    t[0] += read;
    t[1] += accepted;
    t[2] += rejected;
    t[3] += observations;
  }

  /** What a file of a source read and did not use, counted per code into the source's {@code notices}. */
  public void notices(int sourceOrder, Map<String, Long> counts) {
    ObjectNode s = sources.get(String.format("%04d", sourceOrder));
    if (s == null) {
      return; // a source is listed by its files; notices come with a file read
    }
    ObjectNode n = s.has("notices") ? (ObjectNode) s.get("notices") : s.putObject("notices");
    counts.forEach((code, c) -> n.put(code, n.path(code).asLong() + c));
  }

  /** Every kind of notice of the run: its count and the first few, as the run summary prints them. */
  public void noticeKinds(Map<String, Long> totals, Map<String, List<String>> first) {
    ArrayNode kinds = root.putArray("notices");
    totals.forEach((code, n) -> {
      ObjectNode k = kinds.addObject();
      k.put("code", code);
      k.put("count", n);
      ArrayNode f = k.putArray("first");
      first.getOrDefault(code, List.of()).forEach(f::add);
    });
  }

  /**
   * Checks conservation per source ({@code read = accepted + rejected}) and that the rejects
   * table holds exactly the rejected records of each source.
   *
   * @return the problems found; empty when the run may be published
   */
  public List<String> conservationProblems(Map<String, Long> rejectRowsBySource) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, ObjectNode> e : sources.entrySet()) {
      Long[] t = sourceTotals.get(e.getKey());
      String name = e.getValue().get("name").asText();
      if (t[0] != t[1] + t[2]) {
        problems.add("source " + name + ": read " + t[0] + " != accepted " + t[1] + " + rejected " + t[2]);
      }
      long rows = rejectRowsBySource.getOrDefault(name, 0L);
      if (rows != t[2]) {
        problems.add("source " + name + ": " + t[2] + " records rejected but " + rows + " rows in the rejects table");
      }
    }
    return problems;
  }

  /** The rejects of each source (by name) per reason code. */
  public void rejectReasons(Map<String, Map<String, Long>> bySource) {
    rejectReasons = bySource;
  }

  /**
   * The run summary's top findings: for each district given (best first), its counts and its
   * first findings by rank; {@code withFindings} districts had any.
   */
  public void topFindings(int perDistrict, long withFindings, List<TopDistrict> districts) {
    ObjectNode t = root.putObject("top_findings");
    t.put("per_district", perDistrict);
    t.put("districts_with_findings", withFindings);
    ArrayNode list = t.putArray("districts");
    for (TopDistrict d : districts) {
      ObjectNode n = list.addObject();
      n.put("code", d.code());
      n.put("name", d.name());
      n.put("errors", d.errors());
      n.put("warnings", d.warnings());
      n.put("info", d.infos());
      ArrayNode fs = n.putArray("findings");
      int rank = 1;
      for (org.gongkai.audit.Finding f : d.top()) {
        ObjectNode x = fs.addObject();
        x.put("rank", rank++);
        x.put("severity", f.severity().code());
        x.put("rule", f.rule());
        x.put("year", f.year());
        x.put("region_code", f.regionCode());
        x.put("message", f.message());
      }
    }
  }

  /** A district of {@link #topFindings}. */
  public record TopDistrict(String code, String name, long errors, long warnings, long infos,
      List<org.gongkai.audit.Finding> top) {}

  /**
   * The files made from every district that the job chose not to write ({@code not_written}):
   * each with the job file's switch that asks for it, so that a missing file is never a mystery.
   */
  public void notWritten(Map<String, String> switchByOutput) {
    if (switchByOutput.isEmpty()) {
      return;
    }
    ArrayNode skipped = root.putArray("not_written");
    new TreeMap<>(switchByOutput).forEach((output, key) -> skipped.addObject().put("output", output).put("switch", key));
  }

  public void stages(Map<String, Object> counts) {
    ObjectNode s = root.putObject("stages");
    counts.forEach((k, v) -> s.putPOJO(k, v));
  }

  public String toJson(List<OutputFile> outputs, String finishedAt) {
    ArrayNode src = root.putArray("sources");
    for (Map.Entry<String, ObjectNode> e : sources.entrySet()) {
      Long[] t = sourceTotals.get(e.getKey());
      ObjectNode s = e.getValue();
      s.put("read", t[0]);
      s.put("accepted", t[1]);
      s.put("rejected", t[2]);
      s.put("observations", t[3]);
      ObjectNode reasons = s.putObject("reject_reasons");
      new TreeMap<>(rejectReasons.getOrDefault(s.get("name").asText(), Map.of())).forEach(reasons::put);
      src.add(s);
    }
    ArrayNode out = root.putArray("outputs");
    outputs.stream().sorted(java.util.Comparator.comparing(OutputFile::path)).forEach(o -> {
      ObjectNode n = out.addObject();
      n.put("path", o.path());
      n.put("rows", o.rows());
      n.put("bytes", o.bytes());
    });
    root.put("finished_at", finishedAt);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
