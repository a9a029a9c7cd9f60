package org.gongkai.ingest;

import java.util.Map;
import org.gongkai.SampleData;
import org.gongkai.model.MetricCatalog;
import org.gongkai.normalize.RegionResolver;

/** Readers over the sample gazetteer, for tests. */
final class Sources {
  private Sources() {}

  static SourceSpec spec(SourceSpec.Format format, String encoding, Integer year, String region, Map<String, String> columns) {
    return new SourceSpec("test", 0, format, "test", encoding, year, region, columns, 0, null);
  }

  static ReadCounts csv(SourceSpec spec, byte[] bytes, Collector sink) {
    RegionResolver resolver = new RegionResolver(SampleData.gazetteer());
    return new CsvReader(spec, new RecordNormalizer(spec, resolver, 1 << 20), MetricCatalog.standard()).read("t.csv", bytes, sink);
  }

  static ReadCounts jsonl(SourceSpec spec, byte[] bytes, Collector sink) {
    RegionResolver resolver = new RegionResolver(SampleData.gazetteer());
    return new JsonLinesReader(spec, new RecordNormalizer(spec, resolver, 1 << 20), MetricCatalog.standard()).read("t.jsonl", bytes, sink);
  }
}
