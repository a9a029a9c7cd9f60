package org.gongkai.output;

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
    file(source, sourceOrder, format, path, bytes, sha256, read, accepted, rejected, observations, charset, unmapped, 0);
  }

  /**
   * As above, with the figures of the file's reports left uncertain (not emitted, see {@code
   * gongkai extract}); a report source counts them as {@code uncertain_figures}.
   */
  public void file(String source, int sourceOrder, String format, String path, long bytes, String sha256,
      long read, long accepted, long rejected, long observations, String charset, List<String> unmapped, long uncertain) {
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
    f.put("charset", charset);
    f.put("read", read);
    f.put("accepted", accepted);
    f.put("rejected", rejected);
    f.put("observations", observations);
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
