package org.gongkai.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.gongkai.ingest.SourceSpec.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobFileReaderTest {
  private static final Path BASE = Path.of("/jobs");

  @Test
  void readsTheSampleJob() {
    JobSpec job = JobFileReader.read(Path.of("pipelines/sample.yaml"));
    assertEquals("sample", job.name());
    assertTrue(job.gazetteer().endsWith("sample-data/gazetteer.csv"));
    assertTrue(Path.of(job.gazetteer()).isAbsolute(), "paths are resolved against the job file");
    assertEquals(Format.CSV, job.sources().get(0).format());
    assertEquals(10, job.sources().get(1).priority());
    assertEquals(java.util.List.of("district", "city", "province"), job.rollupLevels());
    assertEquals(3.5, job.audit().outlierZ());
    assertFalse(job.audit().regionReportsCoverTownships(), "a district's figures cover its townships only where its report says so");
    assertTrue(job.outputs().parquet() && job.outputs().csv());
  }

  @Test
  void auditDeadlinesPerLevel() {
    JobSpec job = JobFileReader.parse("x.yaml", """
        gazetteer: g.csv
        sources:
          - {name: a, format: csv, path: data/*.csv}
        outputs: {directory: ../out}
        audit:
          deadlines: {township: '03-31', department: 2月15日}
        """, BASE);
    assertEquals(java.time.MonthDay.of(3, 31), job.audit().deadlines().township());
    assertEquals(java.time.MonthDay.of(3, 31), job.audit().deadlines().county(), "the default of a level not given");
    assertEquals(java.time.MonthDay.of(2, 15), job.audit().deadlines().department());
    assertEquals(org.gongkai.audit.Deadlines.defaults(), JobFileReader.read(Path.of("pipelines/sample.yaml")).audit().deadlines());
  }

  /** Each district's own 汇总表 files: by default up to 200 districts; a job can ask for them or not. */
  @Test
  void districtFilesAutoUnlessAsked() {
    JobSpec auto = JobFileReader.parse("x.yaml", """
        gazetteer: g.csv
        sources: [{name: a, format: csv, path: p}]
        outputs: {directory: o, district_csv: auto}
        """, BASE);
    assertTrue(auto.outputs().districtCsv(200) && auto.outputs().districtWorkbooks(200));
    assertFalse(auto.outputs().districtCsv(201) || auto.outputs().districtWorkbooks(201));
    JobSpec asked = JobFileReader.parse("x.yaml", """
        gazetteer: g.csv
        sources: [{name: a, format: csv, path: p}]
        outputs: {directory: o, district_csv: true, district_workbooks: false}
        """, BASE);
    assertTrue(asked.outputs().districtCsv(2978));
    assertFalse(asked.outputs().districtWorkbooks(3));
  }

  /** The 汇总表 and report.html are written unless a job turns them off. */
  @Test
  void wideAndReportOnUnlessTurnedOff() {
    JobSpec plain = JobFileReader.parse("x.yaml", """
        gazetteer: g.csv
        sources: [{name: a, format: csv, path: p}]
        outputs: {directory: o}
        """, BASE);
    assertTrue(plain.outputs().wide() && plain.outputs().report());
    JobSpec off = JobFileReader.parse("x.yaml", """
        gazetteer: g.csv
        sources: [{name: a, format: csv, path: p}]
        outputs: {directory: o, wide: false, report: false}
        """, BASE);
    assertFalse(off.outputs().wide() || off.outputs().report());
    assertFalse(plain.outputs().staged().equals(off.outputs().staged()), "a group's cached files depend on them");
  }

  @Test
  void defaultsAndRelativePaths() {
    JobSpec job = JobFileReader.parse("x.yaml", """
        gazetteer: g.csv
        sources:
          - {name: a, format: csv, path: data/*.csv}
        outputs: {directory: ../out}
        """, BASE);
    assertEquals("/jobs/g.csv", job.gazetteer());
    assertEquals("/jobs/data/*.csv", job.sources().get(0).path());
    assertEquals("/out", job.outputs().directory());
    assertEquals("auto", job.sources().get(0).encoding());
    assertEquals(java.util.List.of("district"), job.rollupLevels());
    assertEquals("x", job.name());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      gazetteer: g.csv\\nsources: []\\noutputs: {directory: o}                                  | sources
      sources: [{name: a, format: csv, path: p}]\\noutputs: {directory: o}                       | gazetteer: is required
      gazetteer: g\\nsources: [{name: a, format: xls, path: p}]\\noutputs: {directory: o}        | sources[0].format: 'xls' is not one of csv, jsonl, excel, report
      gazetteer: g\\nsources: [{name: a, format: csv}]\\noutputs: {directory: o}                 | sources[0].path: is required
      gazetteer: g\\nsources: [{name: a, format: csv, path: p, encodng: x}]\\noutputs: {directory: o} | sources[0].encodng: unknown field
      gazetteer: g\\nsources: [{name: a, format: csv, path: p, year: 20l8}]\\noutputs: {directory: o} | sources[0].year
      gazetteer: g\\nsources: [{name: a, format: csv, path: p, columns: {x: nothing}}]\\noutputs: {directory: o} | sources[0].columns.x: 'nothing' is neither a metric key
      gazetteer: g\\nsources: [{name: a, format: csv, path: p}, {name: a, format: csv, path: q}]\\noutputs: {directory: o} | sources[1].name: 'a' is used by two sources
      gazetteer: g\\nsources: [{name: a, format: csv, path: p}]                                  | outputs: must be a mapping
      gazetteer: g\\nsources: [{name: a, format: csv, path: p}]\\noutputs: {directory: o}\\naudit: {outlier_z: -1} | audit.outlier_z: must be a positive number
      gazetteer: g\\nsources: [{name: a, format: csv, path: p}]\\noutputs: {directory: o, district_workbooks: maybe} | outputs.district_workbooks: must be true, false or auto
      gazetteer: g\\nsources: [{name: a, format: csv, path: p}]\\noutputs: {directory: o, district_csv: 200} | outputs.district_csv: must be true, false or auto, not '200'
      gazetteer: g\\nsources: [{name: a, format: csv, path: p}]\\noutputs: {directory: o, wide: auto} | outputs.wide: must be true or false, not 'auto'
      gazetteer: g\\nsources: [{name: a, format: csv, path: p}]\\noutputs: {directory: o, report: no thanks} | outputs.report: must be true or false, not 'no thanks'
      gazetteer: g\\nsources: [{name: a, format: csv, path: p}]\\noutputs: {directory: o}\\naudit: {region_reports_cover_townships: yes please} | audit.region_reports_cover_townships: must be true or false, not 'yes please'
      gazetteer: g\\nsources: [{name: a, format: csv, path: p}]\\noutputs: {directory: o}\\naudit: {deadlines: {township: 02-30}} | audit.deadlines.township: must be a month and day
      gazetteer: g\\nsources: [{name: a, format: csv, path: p}]\\noutputs: {directory: o}\\naudit: {deadlines: {town: 01-31}} | audit.deadlines.town: unknown field
      gazetteer: g\\nsources: [{name: a, format: csv, path: p}]\\noutputs: {directory: o}\\nrollup: {levels: [nation]} | rollup.levels: 'nation'
      'gazetteer: [unclosed'                                                                     | is not valid YAML
      '- just a list'                                                                            | must be a YAML mapping
      """)
  void badJobsNameFileFieldAndProblem(String yaml, String expected) {
    var e = assertThrows(JobFileException.class, () -> JobFileReader.parse("bad.yaml", yaml.replace("\\n", "\n"), BASE));
    assertTrue(e.getMessage().startsWith("bad.yaml: "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void missingFileAndDirectory() {
    var missing = assertThrows(JobFileException.class, () -> JobFileReader.read(Path.of("pipelines/nope.yaml")));
    assertTrue(missing.getMessage().contains("no such job file"));
    var dir = assertThrows(JobFileException.class, () -> JobFileReader.read(Path.of("pipelines")));
    assertTrue(dir.getMessage().contains("is a directory"));
  }
}
