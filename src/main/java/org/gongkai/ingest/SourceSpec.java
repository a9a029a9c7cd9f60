package org.gongkai.ingest;

import java.io.Serializable;
import java.util.Map;

/**
 * One source of a job file.
 *
 * @param order the index in the job file (the first listed wins ties between duplicates)
 * @param path a file or a glob, resolved against the job file's folder
 * @param encoding {@code auto}, {@code utf-8} or {@code gb18030}
 * @param year default year for records that state none
 * @param region default region or context: a district (or city) that narrows township names,
 *     or the township of a one-township source
 * @param columns per-source column mapping: header → metric key, {@code region}, {@code
 *     region_code}, {@code district}, {@code year} or {@code ignore}
 * @param priority higher wins when several sources state the same figure
 * @param fileNamePattern for reports: a regex whose named groups {@code region} and {@code
 *     year} are read from the file name
 * @param headerRow the 1-based line of a CSV's header or row of a workbook's; null: detected
 * @param workbook for workbooks: which sheets, and how many rows the header has when detection is overridden
 */
public record SourceSpec(
    String name,
    int order,
    Format format,
    String path,
    String encoding,
    Integer year,
    String region,
    Map<String, String> columns,
    int priority,
    String fileNamePattern,
    Integer headerRow,
    Workbook workbook)
    implements Serializable {

  public SourceSpec {
    columns = Map.copyOf(columns);
    workbook = workbook == null ? Workbook.DETECT : workbook;
  }

  /** A source read with every default: a CSV header or a workbook's sheets and header detected. */
  public SourceSpec(String name, int order, Format format, String path, String encoding, Integer year, String region,
      Map<String, String> columns, int priority, String fileNamePattern) {
    this(name, order, format, path, encoding, year, region, columns, priority, fileNamePattern, null, Workbook.DETECT);
  }

  /** A source whose header is on a given line or row (null: detected), its sheets detected. */
  public SourceSpec(String name, int order, Format format, String path, String encoding, Integer year, String region,
      Map<String, String> columns, int priority, String fileNamePattern, Integer headerRow) {
    this(name, order, format, path, encoding, year, region, columns, priority, fileNamePattern, headerRow, Workbook.DETECT);
  }

  /** A workbook source whose header is detected. */
  public SourceSpec(String name, int order, Format format, String path, String encoding, Integer year, String region,
      Map<String, String> columns, int priority, String fileNamePattern, Workbook workbook) {
    this(name, order, format, path, encoding, year, region, columns, priority, fileNamePattern, null, workbook);
  }

  /** The same source with another default year (a workbook sheet named 2022年汇总). */
  public SourceSpec withYear(Integer year) {
    return new SourceSpec(name, order, format, path, encoding, year, region, columns, priority, fileNamePattern, headerRow,
        workbook);
  }

  /**
   * What a job file says about a workbook source.
   *
   * @param sheets the sheets to read, by name or 1-based number; empty: every visible sheet with a header
   * @param headerRows how many rows the header has (1 or 2), or null to detect it
   */
  public record Workbook(java.util.List<String> sheets, Integer headerRows) implements Serializable {
    public static final Workbook DETECT = new Workbook(java.util.List.of(), null);

    public Workbook {
      sheets = java.util.List.copyOf(sheets);
    }
  }

  /** Formats a source can have. */
  public enum Format {
    CSV,
    JSONL,
    EXCEL,
    REPORT;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
