package org.gongkai.job;

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
    Limits limits,
    Cache cache)
    implements Serializable {

  /** A job without the parse cache (a job file's has one unless it says {@code cache: off}). */
  public JobSpec(String name, String jobFile, String gazetteer, List<SourceSpec> sources, Outputs outputs,
      List<String> rollupLevels, AuditConfig audit, Limits limits) {
    this(name, jobFile, gazetteer, sources, outputs, rollupLevels, audit, limits, Cache.off());
  }

  /**
   * The parse cache ({@code cache:}, {@code cache_max_mb:}): each file's reading kept by its
   * content and settings, so that a rerun parses only the files that changed.
   *
   * @param folder where the entries go (a local folder, gs://…), or null: no cache
   */
  public record Cache(String folder, long maxMegabytes) implements Serializable {
    public static final long DEFAULT_MAX_MB = 2048;

    /** {@code $XDG_CACHE_HOME/gongkai}, else {@code ~/.cache/gongkai}. */
    public static String defaultFolder() {
      String xdg = System.getenv("XDG_CACHE_HOME");
      String base = xdg != null && !xdg.isBlank() ? xdg : System.getProperty("user.home") + "/.cache";
      return java.nio.file.Path.of(base, "gongkai").toString();
    }

    public static Cache defaults() {
      return new Cache(defaultFolder(), DEFAULT_MAX_MB);
    }

    public static Cache off() {
      return new Cache(null, DEFAULT_MAX_MB);
    }
  }

  /**
   * Where outputs go, in which formats ({@code parquet}, {@code csv}), and which of the files
   * made from every district the job writes.
   *
   * @param districtWorkbooks a 汇总表 workbook per district and year: true, false, or null for
   *     auto (when the job has at most {@link #AUTO_DISTRICT_FILES} districts)
   * @param districtCsv a 汇总表 CSV per district and year: true, false, or null for auto (the same rule)
   * @param wide whether the job writes the 汇总表 ({@code wide/}) at all
   * @param report whether the job writes {@code report.html}
   */
  public record Outputs(String directory, List<String> formats, Boolean districtWorkbooks, Boolean districtCsv,
      boolean wide, boolean report) implements Serializable {
    /**
     * Beyond this many districts a job writes the whole-job 汇总表 only (all.csv, all.xlsx with a
     * sheet per city), unless it asks: a national job would write 3,000 files a year.
     */
    public static final int AUTO_DISTRICT_FILES = 200;

    public Outputs(String directory, List<String> formats) {
      this(directory, formats, null, null, true, true);
    }

    /**
     * What shapes the files a group of districts stages, beyond the tables' formats: a group
     * stages 汇总表 pieces and report sections only for the files the job writes.
     */
    public String staged() {
      return formats + "|wide=" + wide + "|report=" + report;
    }

    /** Whether a job of {@code districts} districts writes a workbook per district. */
    public boolean districtWorkbooks(int districts) {
      return districtWorkbooks == null ? districts <= AUTO_DISTRICT_FILES : districtWorkbooks;
    }

    /** Whether a job of {@code districts} districts writes a 汇总表 CSV per district. */
    public boolean districtCsv(int districts) {
      return districtCsv == null ? districts <= AUTO_DISTRICT_FILES : districtCsv;
    }

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
