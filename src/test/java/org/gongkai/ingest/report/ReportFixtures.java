package org.gongkai.ingest.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongkai.ingest.GazetteerReader;
import org.gongkai.ingest.ReadCounts;
import org.gongkai.ingest.ReadSink;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.Reject;
import org.gongkai.model.ReportFingerprint;
import org.gongkai.normalize.RegionResolver;

/** Shared test helpers: the sample gazetteer (六安市's 金安区, 裕安区, 叶集区), a source, a sink. */
final class ReportFixtures {
  private ReportFixtures() {}

  static final Path REPORTS = Path.of("sample-data/reports");
  static final MetricCatalog CATALOG = MetricCatalog.standard();
  private static Gazetteer gazetteer;

  static synchronized Gazetteer gazetteer() {
    if (gazetteer == null) {
      try {
        Path p = Path.of("sample-data/gazetteer.csv");
        gazetteer = GazetteerReader.read(p.toString(), Files.readAllBytes(p));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return gazetteer;
  }

  static SourceSpec source(Integer year, String region, String fileNamePattern) {
    return new SourceSpec("reports", 2, SourceSpec.Format.REPORT, "sample-data/reports/*.txt", "auto", year, region,
        Map.of(), 0, fileNamePattern);
  }

  static ReportReader reader() {
    return reader(source(null, null, null), 1 << 20);
  }

  static ReportReader reader(SourceSpec source, long maxBytes) {
    return new ReportReader(source, new RegionResolver(gazetteer()), CATALOG, maxBytes);
  }

  static ExtractedReport extract(String text) {
    return new ReportExtractor(CATALOG).extract(text);
  }

  static ExtractedReport extract(String text, int year) {
    return new ReportExtractor(CATALOG).extract(text, null, year);
  }

  /** A sink that keeps everything. */
  static class Collect implements ReadSink {
    final List<Observation> observations = new ArrayList<>();
    final List<Reject> rejects = new ArrayList<>();
    final List<ReportFingerprint> fingerprints = new ArrayList<>();
    final List<org.gongkai.model.StatedFigure> stated = new ArrayList<>();
    ReadCounts counts;

    @Override
    public void stated(org.gongkai.model.StatedFigure s) {
      stated.add(s);
    }

    @Override
    public void observation(Observation o) {
      observations.add(o);
    }

    @Override
    public void reject(Reject r) {
      rejects.add(r);
    }

    @Override
    public void fingerprint(ReportFingerprint f) {
      fingerprints.add(f);
    }

    Observation get(String metric) {
      return observations.stream().filter(o -> o.metric().equals(metric)).findFirst().orElse(null);
    }
  }

  static Collect read(ReportReader reader, String file, byte[] bytes) {
    Collect c = new Collect();
    c.counts = reader.read(file, bytes, c);
    return c;
  }
}
