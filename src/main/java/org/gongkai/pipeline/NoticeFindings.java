package org.gongkai.pipeline;

import org.gongkai.job.JobSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongkai.audit.Finding;
import org.gongkai.audit.Severity;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Notice;
import org.gongkai.publish.Manifest;
import org.gongkai.table.OutputFile;
import org.gongkai.table.Rows;
import org.gongkai.table.TablePartWriter;
import org.gongkai.table.Tables;

/**
 * What the files read and did not use, said at the end of a run: counts per source and per code
 * in the manifest (which the run summary prints), a warning finding per kept notice (rule = its
 * code; the region is the file's district when all its records lie in one), and the notices
 * report.html lists. A notice of a file that gave no year at all has no finding (the findings
 * table is partitioned by year) but is still counted, summarised and listed.
 */
final class NoticeFindings {
  /** Notices listed on report.html at most. */
  static final int SHOWN = 200;
  /** Notices quoted per code in the manifest (and so in the run summary). */
  static final int FIRST = 3;
  static final String PART = "notices";

  private final List<RunFact.FileNotices> files;
  private final Gazetteer gazetteer;
  private long findings;

  NoticeFindings(List<RunFact.FileNotices> files, Gazetteer gazetteer) {
    this.files = files;
    this.gazetteer = gazetteer;
  }

  void addTo(Manifest manifest) {
    Map<String, Long> totals = new TreeMap<>();
    Map<String, List<String>> first = new TreeMap<>();
    for (RunFact.FileNotices f : files) {
      manifest.notices(f.sourceOrder(), f.counts());
      f.counts().forEach((code, n) -> totals.merge(code, n, Long::sum));
      for (Notice n : f.kept()) {
        List<String> quoted = first.computeIfAbsent(n.code(), k -> new ArrayList<>());
        if (quoted.size() < FIRST) {
          quoted.add(n.sourceFile() + "：" + n.message());
        }
      }
    }
    manifest.noticeKinds(totals, first);
  }

  /** The findings of the notices, as the findings table's part {@value #PART}; none without notices. */
  List<OutputFile> write(JobSpec job, String staging) throws IOException {
    Rows rows = new Rows(gazetteer, MetricCatalog.standard());
    List<Finding> out = new ArrayList<>();
    for (RunFact.FileNotices f : files) {
      for (Notice n : f.kept()) {
        if (n.year() != null) {
          out.add(finding(n, f.districtCode()));
        }
      }
    }
    if (out.isEmpty()) {
      return List.of();
    }
    try (TablePartWriter w = new TablePartWriter(Tables.FINDINGS, staging, PART, job.outputs().parquet(),
        job.outputs().csv())) {
      for (Finding x : out) {
        w.write(rows.finding(x));
      }
      w.close();
      findings = out.size();
      return w.files();
    }
  }

  static Finding finding(Notice n, String districtCode) {
    String region = districtCode == null ? "" : districtCode;
    String evidence = n.sourceFile() + " " + n.locator() + (n.evidence() == null || n.evidence().isEmpty() ? ""
        : "：" + n.evidence());
    return new Finding(n.code(), Severity.WARNING, districtCode == null ? "file" : "district", region, region,
        n.year(), null, n.message(), evidence, null, null);
  }

  /** Findings written (after {@link #write}). */
  long findings() {
    return findings;
  }

  long total() {
    long t = 0;
    for (RunFact.FileNotices f : files) {
      for (long n : f.counts().values()) {
        t += n;
      }
    }
    return t;
  }

  /** The notices report.html lists, in source and file order. */
  List<Notice> shown() {
    List<Notice> out = new ArrayList<>();
    for (RunFact.FileNotices f : files) {
      for (Notice n : f.kept()) {
        if (out.size() == SHOWN) {
          return out;
        }
        out.add(n);
      }
    }
    return out;
  }
}
