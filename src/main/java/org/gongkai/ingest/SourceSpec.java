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
 * @param headerRow for CSV: the 1-based line of the header; null: detected (see {@code CsvLayout})
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
    Integer headerRow)
    implements Serializable {

  public SourceSpec {
    columns = Map.copyOf(columns);
  }

  /** A source whose CSV header is detected. */
  public SourceSpec(String name, int order, Format format, String path, String encoding, Integer year, String region,
      Map<String, String> columns, int priority, String fileNamePattern) {
    this(name, order, format, path, encoding, year, region, columns, priority, fileNamePattern, null);
  }

  /** Formats a source can have. */
  public enum Format {
    CSV,
    JSONL,
    REPORT;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
