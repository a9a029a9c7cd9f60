package org.gongkai.pipeline;

import org.gongkai.job.JobSpec;
import org.gongkai.ingest.CsvReader;
import org.gongkai.ingest.FormatReader;
import org.gongkai.ingest.JsonLinesReader;
import org.gongkai.ingest.RecordNormalizer;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.ingest.excel.ExcelReader;
import org.gongkai.ingest.report.ReportReader;
import org.gongkai.model.MetricCatalog;
import org.gongkai.normalize.RegionResolver;

/** The reader for a source's format. */
final class FormatReaders {
  private FormatReaders() {}

  static FormatReader create(SourceSpec source, RegionResolver resolver, MetricCatalog catalog, JobSpec.Limits limits) {
    return switch (source.format()) {
      case CSV -> new CsvReader(source, new RecordNormalizer(source, resolver, limits.maxRecordBytes()), catalog);
      case JSONL -> new JsonLinesReader(source, new RecordNormalizer(source, resolver, limits.maxRecordBytes()), catalog);
      case EXCEL -> new ExcelReader(source, resolver, catalog,
          new ExcelReader.Limits(limits.maxRecordBytes(), limits.maxWorkbookRows(), limits.maxWorkbookBytes()));
      case REPORT -> new ReportReader(source, resolver, catalog, limits.maxReportBytes(), limits.maxReportPages());
    };
  }
}
