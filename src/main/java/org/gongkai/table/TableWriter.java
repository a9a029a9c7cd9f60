package org.gongkai.table;

import org.gongkai.staging.Parts;
import org.gongkai.table.parquet.RowFileWriter;
import org.gongkai.table.parquet.RunAwareValuesWriters;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Writes one table into a directory through Beam's {@link FileSystems} (local disk, gs://,
 * hdfs://): Parquet files, partitioned by year where the table is, and one CSV file. Rows are
 * written in the order given.
 */
public final class TableWriter {
  private static final int ROW_GROUP_BYTES = 32 << 20;
  private static final int COMPRESSED_PAGE_BUFFER = 64 << 10;
  /** The dialect of every CSV file written: RFC 4180 with {@code \n} line ends. */
  public static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

  private TableWriter() {}

  /** Parquet files: {@code dir/table/year=YYYY/part-00000.parquet}, or {@code dir/table/part-00000.parquet}. */
  public static List<OutputFile> writeParquet(TableSchema table, String dir, Iterable<Object[]> rows) throws IOException {
    List<OutputFile> files;
    try (TablePartWriter w = new TablePartWriter(table, dir, "00000", true, false)) {
      for (Object[] row : rows) {
        w.write(row);
      }
      w.close();
      files = w.files();
    }
    return files.isEmpty() && !table.partitionedByYear() ? List.of(writeEmptyParquet(table, dir)) : files;
  }

  /** A table without rows: {@code dir/table/part-00000.parquet} with the schema only, so that readers find it. */
  public static OutputFile writeEmptyParquet(TableSchema table, String dir) throws IOException {
    String rel = table.name() + "/part-00000.parquet";
    Partition p = new Partition(rel, Files.create(dir, rel), table);
    p.close();
    return new OutputFile(rel, 0, p.channel.bytes);
  }

  /** A CSV file with the given header (none if null: a part to be joined); {@code bom} for files meant for Excel. */
  public static OutputFile writeCsv(String dir, String rel, List<String> header, Iterable<Object[]> rows, boolean bom)
      throws IOException {
    try (CsvFile csv = new CsvFile(dir, rel, header, bom)) {
      for (Object[] row : rows) {
        csv.write(row);
      }
      return csv.finish();
    }
  }

  /** A CSV file written row by row; {@link #finish} closes it and tells what was written. */
  public static final class CsvFile implements java.io.Closeable {
    private final String rel;
    private final Files.CountingChannel channel;
    private final CSVPrinter printer;
    private final List<String> cells = new ArrayList<>();
    private long rows;

    public CsvFile(String dir, String rel, List<String> header, boolean bom) throws IOException {
      this.rel = rel;
      this.channel = Files.create(dir, rel);
      // The printer hands the writer a cell or a comma at a time.
      Writer w = new Utf8Writer(Channels.newOutputStream(channel));
      this.printer = new CSVPrinter(w, CSV);
      if (bom) {
        w.write('\uFEFF');
      }
      if (header != null) {
        header.forEach(h -> cells.add(CsvCells.neutralise(h)));
        printer.printRecord(cells);
      }
    }

    public void write(Object[] row) throws IOException {
      cells.clear();
      for (Object v : row) {
        cells.add(CsvCells.cell(v));
      }
      printer.printRecord(cells);
      rows++;
    }

    public OutputFile finish() throws IOException {
      close();
      return new OutputFile(rel, rows, channel.bytes);
    }

    @Override
    public void close() throws IOException {
      printer.close();
    }
  }

  /**
   * One Parquet file being written. The writer shares one Hadoop configuration without default
   * resources: a fresh {@code Configuration} (what ParquetIO's sink makes per file) parses
   * Hadoop's XML defaults each time, which cost more than writing a small part.
   */
  public static final class Partition {
    public static final Configuration CONF = new Configuration(false);
    final String relativePath;
    final Files.CountingChannel channel;
    final RowFileWriter sink;
    long rows;

    Partition(String relativePath, Files.CountingChannel channel, TableSchema table) throws IOException {
      this.relativePath = relativePath;
      this.channel = channel;
      // The page buffer of the codec factory starts at this size and grows to the largest page;
      // by default it starts at the page size, 1 MB allocated for every file of a run.
      this.sink = new RowFileWriter(new ChannelOutputFile(channel), table, properties(table),
          new CodecFactory(CONF, COMPRESSED_PAGE_BUFFER), CompressionCodecName.SNAPPY, ROW_GROUP_BYTES);
    }

    /**
     * The encoding settings of a Parquet file of the table, each file its own (the values-writer
     * factory keeps the settings it is given). Min/max statistics are kept for the columns a
     * reader filters on (codes, year, metric, figures) and left out for descriptive text
     * ({@link #DESCRIPTIVE}): keeping them cost a sixth of the writer's time, and a filter on a
     * name or a message scans the column anyway. DOUBLE columns (means, medians, shares,
     * z-scores: nearly all distinct) have no dictionary, which would only cost time before
     * falling back to plain: a fifth of the comparison table's writing.
     */
    public static ParquetProperties properties(TableSchema table) {
      ParquetProperties.Builder b = ParquetProperties.builder()
          .withValuesWriterFactory(new RunAwareValuesWriters())
          .withDictionaryEncoding(true)
          // Parquet 1.15's size statistics (unencoded text bytes, level histograms) serve query
          // planners of nested or huge text columns; collecting them cost 4 % of writing.
          .withSizeStatisticsEnabled(false);
      for (TableSchema.Column c : table.parquetColumns()) {
        if (DESCRIPTIVE.contains(c.name())) {
          b.withStatisticsEnabled(c.name(), false);
        }
        if (c.type() == TableSchema.Type.DOUBLE) {
          b.withDictionaryEncoding(c.name(), false);
        }
      }
      return b.build();
    }

    /** Text columns that describe rather than identify: no min/max statistics. */
    public static final Set<String> DESCRIPTIVE = Set.of("province_name", "city_name", "district_name",
        "township_name", "region_name", "metric_label", "source_file", "locator", "evidence",
        "message", "raw", "reason");

    void close() throws IOException {
      try {
        sink.close();
      } finally {
        channel.close();
      }
    }
  }

  /** Parquet's output file over a channel from FileSystems (Parquet needs only the position). */
  private static final class ChannelOutputFile implements org.apache.parquet.io.OutputFile {
    private final Files.CountingChannel channel;

    ChannelOutputFile(Files.CountingChannel channel) {
      this.channel = channel;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
      return new PositionOutputStream() {
        private long pos;

        @Override
        public long getPos() {
          return pos;
        }

        @Override
        public void write(int b) throws IOException {
          out.write(b);
          pos++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
          pos += len;
        }

        @Override
        public void flush() throws IOException {
          out.flush();
        }

        @Override
        public void close() throws IOException {
          out.close();
        }
      };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }

  /**
   * Channels through {@link FileSystems} that count the bytes written. Each file is written under
   * a temporary name in {@code _parts/tmp/} and renamed to its own when closed after writes that
   * all succeeded: a retried bundle writes the same name again, and a half-written attempt
   * never has the final name (the temporary ones go with {@code _parts/}).
   */
  public static final class Files {
    private Files() {}

    public static CountingChannel create(String dir, String relativePath) throws IOException {
      String root = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
      ResourceId target = FileSystems.matchNewResource(root + "/" + relativePath, false);
      ResourceId temp = FileSystems.matchNewResource(root + "/" + Parts.DIR + "/tmp/" + UUID.randomUUID(), false);
      return new CountingChannel(FileSystems.create(temp, MimeTypes.BINARY), temp, target);
    }

    /** A channel that counts what passes through it. */
    public static final class CountingChannel implements WritableByteChannel {
      private final WritableByteChannel delegate;
      private final ResourceId temp;
      private final ResourceId target;
      private boolean failed;
      long bytes;

      CountingChannel(WritableByteChannel delegate, ResourceId temp, ResourceId target) {
        this.delegate = delegate;
        this.temp = temp;
        this.target = target;
      }

      public long bytes() {
        return bytes;
      }

      /** What was written is not to be used: closing leaves it under its temporary name. */
      public void abandon() {
        failed = true;
      }

      @Override
      public int write(ByteBuffer src) throws IOException {
        try {
          int n = delegate.write(src);
          bytes += n;
          return n;
        } catch (IOException | RuntimeException e) {
          failed = true;
          throw e;
        }
      }

      @Override
      public boolean isOpen() {
        return delegate.isOpen();
      }

      @Override
      public void close() throws IOException {
        if (delegate.isOpen()) {
          try {
            delegate.close();
          } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
          }
          if (!failed) {
            FileSystems.rename(List.of(temp), List.of(target));
          }
        }
      }
    }
  }
}
