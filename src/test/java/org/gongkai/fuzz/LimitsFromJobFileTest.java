package org.gongkai.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.gongkai.ingest.CsvReader;
import org.gongkai.ingest.JsonLinesReader;
import org.gongkai.ingest.RecordNormalizer;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.ingest.report.ReportReader;
import org.gongkai.model.Reject;
import org.gongkai.job.JobFileReader;
import org.gongkai.job.JobSpec;

/** The limits of a job file's {@code limits:} section reach the readers and give clear rejects. */
class LimitsFromJobFileTest {
  private static final Path BASE = Path.of("/jobs/pipelines");

  private static JobSpec job(String limits) {
    return JobFileReader.parse("limits.yaml", """
        gazetteer: ../sample-data/gazetteer.csv
        sources:
          - {name: t, format: csv, path: t.csv, year: 2018, region: 裕安区}
          - {name: j, format: jsonl, path: t.jsonl, year: 2018}
          - {name: r, format: report, path: r/*.txt}
        outputs: {directory: ../out/limits}
        """ + limits, BASE);
  }

  /** The readers a run makes for these sources and limits (as pipeline.FormatReaders does). */
  private static CsvReader csv(JobSpec job) {
    SourceSpec s = job.sources().get(0);
    return new CsvReader(s, new RecordNormalizer(s, Fuzz.resolver(), job.limits().maxRecordBytes()), Fuzz.CATALOG);
  }

  private static JsonLinesReader jsonl(JobSpec job) {
    SourceSpec s = job.sources().get(1);
    return new JsonLinesReader(s, new RecordNormalizer(s, Fuzz.resolver(), job.limits().maxRecordBytes()), Fuzz.CATALOG);
  }

  private static ReportReader report(JobSpec job) {
    return new ReportReader(job.sources().get(2), Fuzz.resolver(), Fuzz.CATALOG, job.limits().maxReportBytes());
  }

  @Property(tries = 50)
  void theRecordLimitOfTheJobFileRejectsLongerRecords(@ForAll @IntRange(min = 30, max = 3000) int limit) {
    JobSpec job = job("limits: {max_record_bytes: " + limit + "}\n");
    String fits = "江家店镇,2018,5,";
    fits += "x".repeat(limit - fits.length());
    String csv = "乡镇,年度,咨询投诉,备注\n" + fits + "\n" + fits + "y\n";
    Fuzz.Result r = Fuzz.read(csv(job), "t.csv", csv.getBytes(UTF_8));
    assertEquals(2, r.counts().read());
    assertEquals(1, r.counts().accepted());
    clear(r.onlyReject(), "RECORD_TOO_LARGE", limit, "limits.max_record_bytes");

    String json = "{\"township\": \"中市街道\", \"hotline\": 5, \"note\": \"";
    String line = json + "x".repeat(Math.max(0, limit - json.length() - 2)) + "\"}";
    Fuzz.Result j = Fuzz.read(jsonl(job), "t.jsonl", (line + "\n" + line.replace("\"}", "x\"}") + "\n").getBytes(UTF_8));
    assertEquals(2, j.counts().read());
    assertEquals(line.length() <= limit ? 1 : 0, j.counts().accepted(), line.length() + " chars for " + limit);
    clear(j.rejects().get(j.rejects().size() - 1), "RECORD_TOO_LARGE", limit, "limits.max_record_bytes");
  }

  @Property(tries = 50)
  void theReportLimitOfTheJobFileRejectsLargerReports(@ForAll @IntRange(min = 1, max = 100_000) int limit) {
    JobSpec job = job("limits: {max_report_bytes: " + limit + "}\n");
    byte[] report = "六安市裕安区江家店镇2018年度政府信息公开工作年度报告\n全年主动公开政府信息786条。".getBytes(UTF_8);
    byte[] bytes = new byte[Math.max(limit + 1, report.length)];
    System.arraycopy(report, 0, bytes, 0, report.length);
    java.util.Arrays.fill(bytes, report.length, bytes.length, (byte) ' ');
    Fuzz.Result over = Fuzz.read(report(job), "r.txt", bytes);
    clear(over.onlyReject(), "REPORT_TOO_LARGE", limit, "limits.max_report_bytes");
    if (report.length <= limit) {
      Fuzz.Result fits = Fuzz.read(report(job), "r.txt", java.util.Arrays.copyOf(bytes, limit));
      assertEquals(1, fits.counts().accepted(), fits.rejects().toString());
    }
  }

  @Property(tries = 5)
  void thePageLimitOfTheJobFileRejectsLongerPdfReports(@ForAll @IntRange(min = 1, max = 8) int limit) throws Exception {
    JobSpec job = job("limits: {max_report_pages: " + limit + "}\n");
    ReportReader reader = new ReportReader(job.sources().get(2), Fuzz.resolver(), Fuzz.CATALOG, job.limits().maxReportBytes(),
        job.limits().maxReportPages());
    byte[] pdf;
    try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
      for (int i = 0; i <= limit; i++) {
        doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
      }
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      doc.save(out);
      pdf = out.toByteArray();
    }
    clear(Fuzz.read(reader, "r.pdf", pdf).onlyReject(), "TOO_MANY_PAGES", limit, "limits.max_report_pages");
  }

  @Example
  void defaultsApplyWithoutALimitsSection() {
    JobSpec job = job("");
    assertEquals(JobSpec.Limits.defaults(), job.limits());
    String big = "x".repeat((int) JobSpec.Limits.defaults().maxRecordBytes());
    String csv = "乡镇,年度,咨询投诉,备注\n江家店镇,2018,5," + big + "\n";
    clear(Fuzz.read(csv(job), "t.csv", csv.getBytes(UTF_8)).onlyReject(), "RECORD_TOO_LARGE",
        JobSpec.Limits.defaults().maxRecordBytes(), "limits.max_record_bytes");
  }

  private static void clear(Reject r, String code, long limit, String setting) {
    assertEquals(code, r.reasonCode(), r.reason());
    assertTrue(r.reason().contains(String.valueOf(limit)), "names the limit: " + r.reason());
    assertTrue(r.reason().contains(setting), "names the job-file setting: " + r.reason());
  }
}
