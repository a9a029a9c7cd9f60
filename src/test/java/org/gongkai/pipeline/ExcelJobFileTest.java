package org.gongkai.pipeline;

import org.gongkai.job.JobFileException;
import org.gongkai.job.JobFileReader;
import org.gongkai.job.JobSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.SampleData;
import org.gongkai.ingest.ReadCounts;
import org.gongkai.ingest.ReadSink;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.ingest.excel.CountyWorkbook;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.Reject;
import org.gongkai.normalize.RegionResolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A workbook source's job fields (sheet, header_row, header_rows) and limits reach the reader. */
class ExcelJobFileTest {
  private static final Path BASE = Path.of("/jobs/pipelines");

  private static JobSpec job(String source, String limits) {
    return JobFileReader.parse("excel.yaml", "gazetteer: g.csv\nsources:\n  - {name: w, format: excel, path: w.xlsx, region: 裕安区"
        + source + "}\noutputs: {directory: o}\n" + limits, BASE);
  }

  @Test
  void sheetsAndHeaderRows() {
    SourceSpec spec = job(", sheet: [2022年汇总, 3], header_row: 4, header_rows: 2", "").sources().get(0);
    SourceSpec.Workbook wb = spec.workbook();
    assertEquals(List.of("2022年汇总", "3"), wb.sheets());
    assertEquals(4, spec.headerRow());
    assertEquals(2, wb.headerRows());
    assertEquals(List.of("2"), job(", sheet: 2", "").sources().get(0).workbook().sheets());
    assertEquals(SourceSpec.Workbook.DETECT, job("", "").sources().get(0).workbook());
    JobSpec.Limits l = job("", "").limits();
    assertEquals(1_000_000, l.maxWorkbookRows());
    assertEquals(1L << 30, l.maxWorkbookBytes());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      , header_rows: 3     | sources[0].header_rows: must be 1 or 2
      , header_row: 0      | header_row: must be a positive number
      , sheet: [a, 0]      | sources[0].sheet: must be a sheet name, a 1-based sheet number
      , sheet: {a: 1}      | sources[0].sheet: must be a sheet name
      """)
  void badWorkbookFields(String source, String expected) {
    var e = assertThrows(JobFileException.class, () -> job(source, ""));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void workbookFieldsAreForWorkbooksOnly() {
    var e = assertThrows(JobFileException.class, () -> JobFileReader.parse("x.yaml",
        "gazetteer: g\nsources: [{name: a, format: csv, path: p, sheet: 1}]\noutputs: {directory: o}\n", BASE));
    assertTrue(e.getMessage().contains("sources[0].sheet: a csv source does not use it"), e.getMessage());
  }

  @Test
  void theWorkbookLimitsOfTheJobFileReachTheReader() {
    JobSpec job = job("", "limits: {max_workbook_rows: 7, max_workbook_bytes: 100000}\n");
    var reader = FormatReaders.create(job.sources().get(0), new RegionResolver(SampleData.gazetteer()), MetricCatalog.standard(),
        job.limits());
    List<Reject> rejects = new ArrayList<>();
    ReadCounts c = reader.read("w.xlsx", CountyWorkbook.xlsx(), new ReadSink() {
      @Override
      public void stated(org.gongkai.model.StatedFigure s) {} // a district's own figures: not what this reads

      @Override
      public void observation(Observation o) {}

      @Override
      public void reject(Reject r) {
        rejects.add(r);
      }
    });
    assertEquals("WORKBOOK_TOO_LARGE", rejects.get(rejects.size() - 1).reasonCode());
    assertTrue(rejects.get(rejects.size() - 1).reason().contains("超过 7 行（limits.max_workbook_rows）"), rejects.toString());
    assertEquals(c.read(), c.accepted() + c.rejected());
    assertEquals(3, c.accepted(), "rows 6–8: the seven rows that hold cells are 1, 2 and 4–8");

    JobSpec small = job("", "limits: {max_workbook_bytes: 1000}\n");
    var tiny = FormatReaders.create(small.sources().get(0), new RegionResolver(SampleData.gazetteer()), MetricCatalog.standard(),
        small.limits());
    List<Reject> big = new ArrayList<>();
    tiny.read("w.xlsx", CountyWorkbook.xlsx(), new ReadSink() {
      @Override
      public void stated(org.gongkai.model.StatedFigure s) {} // a district's own figures: not what this reads

      @Override
      public void observation(Observation o) {}

      @Override
      public void reject(Reject r) {
        big.add(r);
      }
    });
    assertTrue(big.get(0).reason().contains("超过上限 1000 字节（limits.max_workbook_bytes）"), big.toString());
  }
}
