package org.gongkai.table;

import org.gongkai.staging.Parts;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One worker's part of one table, written as rows arrive (nothing is held back): Parquet
 * {@code table/year=YYYY/part-<part>.parquet} (one file per year met) and a headerless CSV part
 * {@code _parts/csv/table/<part>.csv} that the last step joins into {@code csv/table.csv}.
 */
public final class TablePartWriter implements Closeable {
  private final TableSchema table;
  private final String dir;
  private final String part;
  private final boolean parquet;
  private final int yearIndex;
  private final Map<Object, TableWriter.Partition> partitions = new HashMap<>(); // by year (null: not partitioned)
  private TableWriter.CsvFile csv;
  private long rows;
  private List<OutputFile> files;

  public TablePartWriter(TableSchema table, String dir, String part, boolean parquet, boolean csv) throws IOException {
    this.table = table;
    this.dir = dir;
    this.part = part;
    this.parquet = parquet;
    this.yearIndex = table.partitionedByYear() ? table.indexOf("year") : -1;
    if (csv) {
      this.csv = new TableWriter.CsvFile(dir, Parts.DIR + "/csv/" + table.name() + "/" + part + ".csv", null, false);
    }
  }

  public void write(Object[] row) throws IOException {
    if (parquet) {
      Object year = yearIndex >= 0 ? row[yearIndex] : null;
      TableWriter.Partition p = partitions.get(year);
      if (p == null) {
        String rel = table.name() + "/" + (yearIndex >= 0 ? "year=" + year + "/" : "") + "part-" + part + ".parquet";
        p = new TableWriter.Partition(rel, TableWriter.Files.create(dir, rel), table);
        partitions.put(year, p);
      }
      p.sink.write(row);
      p.rows++;
    }
    if (csv != null) {
      csv.write(row);
    }
    rows++;
  }

  public TableSchema table() {
    return table;
  }

  public long rows() {
    return rows;
  }

  /** The files written: Parquet files in path order, then the CSV part. */
  public List<OutputFile> files() {
    if (files == null) {
      throw new IllegalStateException("close first");
    }
    return files;
  }

  @Override
  public void close() throws IOException {
    if (files != null) {
      return;
    }
    List<OutputFile> out = new ArrayList<>();
    IOException failure = null;
    List<TableWriter.Partition> byPath = new ArrayList<>(partitions.values());
    byPath.sort(Comparator.comparing(p -> p.relativePath));
    for (TableWriter.Partition p : byPath) {
      try {
        p.close();
        out.add(new OutputFile(p.relativePath, p.rows, p.channel.bytes()));
      } catch (IOException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (csv != null) {
      out.add(csv.finish());
    }
    files = out;
    if (failure != null) {
      throw failure;
    }
  }
}
