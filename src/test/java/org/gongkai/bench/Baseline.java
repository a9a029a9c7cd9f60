package org.gongkai.bench;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.gongkai.analysis.DistrictAnalysis;
import org.gongkai.ingest.CsvReader;
import org.gongkai.ingest.FormatReader;
import org.gongkai.ingest.GazetteerReader;
import org.gongkai.ingest.JsonLinesReader;
import org.gongkai.ingest.ReadCounts;
import org.gongkai.ingest.ReadSink;
import org.gongkai.ingest.RecordNormalizer;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.Reject;
import org.gongkai.normalize.RegionResolver;
import org.gongkai.table.Rows;
import org.gongkai.table.TableWriter;
import org.gongkai.table.Tables;
import org.gongkai.job.JobFileReader;
import org.gongkai.job.JobSpec;
import org.gongkai.rollup.Deduplicator;
import org.gongkai.rollup.RollupRow;
import org.gongkai.rollup.Rollups;

/**
 * The single-thread baseline: the job's structured sources through the project's functional
 * core with no Beam pipeline — {@link CsvReader} / {@link JsonLinesReader} with {@link
 * RecordNormalizer} and {@link RegionResolver}, observations grouped by district, then per
 * district {@link Deduplicator} and {@link Rollups} (or, with {@code --full}, {@link
 * DistrictAnalysis#analyse}) — and writes {@code township_metrics} and {@code rollup} (district
 * level) as Parquet with {@link TableWriter}, {@link Rows} and {@link Tables}.
 *
 * <pre>Baseline JOB.yaml OUT_DIR [--full]</pre>
 */
public final class Baseline {
  private Baseline() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: Baseline JOB.yaml OUT_DIR [--full]");
      System.exit(2);
    }
    long t0 = System.nanoTime();
    JobSpec job = JobFileReader.read(Path.of(args[0]));
    Path out = Path.of(args[1]).toAbsolutePath();
    boolean full = args.length > 2 && args[2].equals("--full");
    MetricCatalog catalog = MetricCatalog.standard();
    Gazetteer gazetteer = GazetteerReader.read(job.gazetteer(), Files.readAllBytes(Path.of(job.gazetteer())));
    RegionResolver resolver = new RegionResolver(gazetteer);

    Map<String, List<Observation>> byDistrict = new TreeMap<>();
    List<Reject> rejects = new ArrayList<>();
    ReadSink sink = new ReadSink() {
      @Override
      public void stated(org.gongkai.model.StatedFigure s) {} // a district's own figures: not what this reads

      @Override
      public void observation(Observation o) {
        byDistrict.computeIfAbsent(o.townshipCode().substring(0, 6), k -> new ArrayList<>()).add(o);
      }

      @Override
      public void reject(Reject r) {
        rejects.add(r);
      }
    };
    long read = 0;
    long accepted = 0;
    for (SourceSpec source : job.sources()) {
      RecordNormalizer normalizer = new RecordNormalizer(source, resolver, job.limits().maxRecordBytes());
      FormatReader reader = switch (source.format()) {
        case CSV -> new CsvReader(source, normalizer, catalog);
        case JSONL -> new JsonLinesReader(source, normalizer, catalog);
        case REPORT, EXCEL -> null;
      };
      if (reader == null) {
        System.err.println("baseline: skipping " + source.format().code() + " source " + source.name() + " (CSV and JSON Lines only)");
        continue;
      }
      for (Path file : glob(source.path())) {
        ReadCounts c = reader.read(file.toString(), Files.readAllBytes(file), sink);
        read += c.read();
        accepted += c.accepted();
      }
    }
    if (read != accepted + rejects.size()) {
      throw new IllegalStateException("conservation broken: read " + read + " != accepted " + accepted + " + rejected " + rejects.size());
    }

    Rows rows = new Rows(gazetteer, catalog);
    List<RollupRow> rollup = new ArrayList<>();
    List<Object[]> comparison = new ArrayList<>();
    List<Object[]> findings = new ArrayList<>();
    long[] kept = new long[1];
    // township_metrics is written while the districts are analysed, one district at a time.
    Iterator<String> districts = new ArrayList<>(byDistrict.keySet()).iterator();
    Iterable<Object[]> metricRows = () -> new Iterator<>() {
      Iterator<Observation> current = List.<Observation>of().iterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && districts.hasNext()) {
          String d = districts.next();
          List<Observation> obs = byDistrict.remove(d);
          List<Observation> winners;
          if (full) {
            DistrictAnalysis.Result r = DistrictAnalysis.analyse(d, obs, List.of(), gazetteer, catalog, job.audit());
            winners = r.winners();
            rollup.addAll(r.rollup());
            r.comparisons().forEach(c -> comparison.add(rows.comparison(c)));
            r.findings().forEach(f -> findings.add(rows.finding(f)));
          } else {
            winners = Deduplicator.deduplicate(obs, catalog).winners();
            rollup.addAll(Rollups.rollUp("district", d, Rollups.shares(winners, catalog), gazetteer, catalog));
          }
          kept[0] += winners.size();
          current = winners.iterator();
        }
        return current.hasNext();
      }

      @Override
      public Object[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return rows.townshipMetric(current.next());
      }
    };
    deleteTree(out);
    Files.createDirectories(out);
    String dir = out.toString();
    TableWriter.writeParquet(Tables.TOWNSHIP_METRICS, dir, metricRows);
    List<Object[]> rollupRows = new ArrayList<>(rollup.size());
    rollup.forEach(r -> rollupRows.add(rows.rollup(r)));
    TableWriter.writeParquet(Tables.ROLLUP, dir, rollupRows);
    if (full) {
      TableWriter.writeParquet(Tables.COMPARISON, dir, comparison);
      TableWriter.writeParquet(Tables.FINDINGS, dir, findings);
      List<Object[]> rejectRows = new ArrayList<>();
      rejects.forEach(r -> rejectRows.add(Rows.reject(r)));
      TableWriter.writeParquet(Tables.REJECTS, dir, rejectRows);
    }
    System.err.printf(Locale.ROOT, "baseline: %d records read, %d accepted, %d rejected; %d observations kept; %d rollup rows; %.1f s%n",
        read, accepted, rejects.size(), kept[0], rollup.size(), (System.nanoTime() - t0) / 1e9);
  }

  /** The files a source's path names (a file, or a glob in its last segments), in path order. */
  static List<Path> glob(String pattern) throws IOException {
    Path p = Path.of(pattern);
    if (!pattern.contains("*") && !pattern.contains("?") && !pattern.contains("[") && !pattern.contains("{")) {
      return List.of(p);
    }
    Path base = p.getRoot();
    for (Path part : p) {
      String s = part.toString();
      if (s.contains("*") || s.contains("?") || s.contains("[") || s.contains("{")) {
        break;
      }
      base = base == null ? part : base.resolve(part);
    }
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    try (var s = Files.walk(base)) {
      return s.filter(Files::isRegularFile).filter(m::matches).sorted().toList();
    }
  }

  static void deleteTree(Path dir) throws IOException {
    GenData.deleteTree(dir);
  }
}
