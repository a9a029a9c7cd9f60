package org.gongkai.pipeline;

import java.io.Serializable;
import java.util.List;
import org.gongkai.audit.AuditConfig;
import org.gongkai.ingest.SourceSpec;

/**
 * A job file (YAML in {@code pipelines/}), with every path already resolved against the job
 * file's folder. Read it with {@link JobFileReader}.
 */
public record JobSpec(
    String name,
    String jobFile,
    String gazetteer,
    List<SourceSpec> sources,
    Outputs outputs,
    List<String> rollupLevels,
    AuditConfig audit,
    Limits limits)
    implements Serializable {

  /** Where outputs go and in which formats ({@code parquet}, {@code csv}). */
  public record Outputs(String directory, List<String> formats) implements Serializable {
    public boolean parquet() {
      return formats.contains("parquet");
    }

    public boolean csv() {
      return formats.contains("csv");
    }
  }

  /**
   * Input limits: one bad file cannot exhaust memory; rows per element on a cluster; the number
   * of district groups (the unit of analysis and of output parts); the number of groups the input
   * files are read in (the unit of reading: each is read in one go, in parallel with the others).
   */
  public record Limits(long maxRecordBytes, long maxReportBytes, int maxBatchRows, int districtGroups,
      int readGroups, int maxReportPages, long maxWorkbookRows, long maxWorkbookBytes) implements Serializable {
    /** Pages of one PDF report read at most, by default. */
    public static final int DEFAULT_MAX_REPORT_PAGES = 500;
    /** Rows of one workbook (all sheets), and bytes of an .xls or of one .xlsx part once unzipped. */
    public static final long DEFAULT_WORKBOOK_ROWS = 1_000_000;
    public static final long DEFAULT_WORKBOOK_BYTES = 1L << 30;

    public Limits(long maxRecordBytes, long maxReportBytes, int maxBatchRows, int districtGroups, int readGroups) {
      this(maxRecordBytes, maxReportBytes, maxBatchRows, districtGroups, readGroups, DEFAULT_MAX_REPORT_PAGES,
          DEFAULT_WORKBOOK_ROWS, DEFAULT_WORKBOOK_BYTES);
    }

    public static Limits defaults() {
      return new Limits(1L << 20, 20L << 20, 50_000, 64, 16, DEFAULT_MAX_REPORT_PAGES, DEFAULT_WORKBOOK_ROWS,
          DEFAULT_WORKBOOK_BYTES);
    }
  }
}
