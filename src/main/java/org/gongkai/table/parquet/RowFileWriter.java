package org.gongkai.table.parquet;

import org.gongkai.table.Rows;
import org.gongkai.table.TableSchema;
import org.gongkai.table.TableWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.gongkai.table.TableSchema.Column;

/**
 * Writes table rows ({@code Object[]} in the column order of {@link TableSchema}) to one Parquet
 * file through parquet-java's public file API: a {@link ParquetFileWriter}, a {@link
 * ColumnChunkPageWriteStore} per row group and the column writers of {@link
 * ParquetProperties#newColumnWriteStore}. It does what {@code ParquetWriter} does with a {@code
 * WriteSupport} (the same row groups, pages and footer: {@code RowFileWriterTest} compares the
 * bytes), but hands each value straight to its column writer: the record consumer's
 * bookkeeping of fields and nesting, for every cell, was a tenth of a national run's CPU.
 *
 * <p>The Parquet schema is parquet-avro's conversion of {@link TableSchema#avroSchema()}, and
 * the Avro schema is in the footer (it carries the column docs; Avro readers get the records
 * parquet-avro wrote). Values are converted as parquet-avro converts them.
 */
public final class RowFileWriter implements Closeable {
  /** The Avro schema key of parquet-avro, which its readers look for. */
  static final String AVRO_SCHEMA_KEY = "parquet.avro.schema";
  private static final Map<TableSchema, Layout> LAYOUTS = new ConcurrentHashMap<>();
  private static final int TEXT_SLOTS = 256; // per text column, recent Strings by identity hash

  private final Layout layout;
  private final ParquetProperties props;
  private final CompressionCodecFactory codecs;
  private final BytesInputCompressor compressor;
  private final ParquetFileWriter file;
  private final long rowGroupBytes;
  private final String[][] seenText;
  private final Binary[][] seenBinary;
  private final String[] lastText;
  private final Binary[] lastBinary;
  private final ColumnWriter[] writers;
  private ColumnChunkPageWriteStore pages;
  private ColumnWriteStore columns;
  private long nextRowGroupBytes;
  private long rowsInGroup;
  private long nextSizeCheck;
  private int rowGroupOrdinal;
  private boolean closed;
  private boolean failed;

  /**
   * A file with the given encoding settings ({@code props}, whose values-writer factory must be
   * this file's own: it keeps the settings it is initialised with), codecs and row group size.
   */
  public RowFileWriter(OutputFile out, TableSchema table, ParquetProperties props, CompressionCodecFactory codecs,
      CompressionCodecName codec, long rowGroupBytes) throws IOException {
    this.layout = LAYOUTS.computeIfAbsent(table, Layout::of);
    this.props = props;
    this.codecs = codecs;
    this.rowGroupBytes = rowGroupBytes;
    this.nextRowGroupBytes = rowGroupBytes;
    this.nextSizeCheck = props.getMinRowCountForPageSizeCheck();
    this.lastText = new String[layout.names.length];
    this.lastBinary = new Binary[layout.names.length];
    this.seenText = new String[layout.names.length][];
    this.seenBinary = new Binary[layout.names.length][];
    for (int i = 0; i < layout.names.length; i++) {
      if (layout.types[i] == TableSchema.Type.STRING) {
        seenText[i] = new String[TEXT_SLOTS];
        seenBinary[i] = new Binary[TEXT_SLOTS];
      }
    }
    this.writers = new ColumnWriter[layout.names.length];
    this.file = new ParquetFileWriter(out, layout.schema, ParquetFileWriter.Mode.CREATE, rowGroupBytes,
        ParquetWriter.MAX_PADDING_SIZE_DEFAULT, null, props);
    file.start();
    this.compressor = codecs.getCompressor(codec);
    startRowGroup();
  }

  /** What every file of a table shares, made once per table (a run writes thousands of files). */
  private record Layout(String table, MessageType schema, Map<String, String> metadata, String[] names,
      TableSchema.Type[] types, boolean[] nullable, int[] sourceIndex, int[] definitionLevels) {

    static Layout of(TableSchema table) {
      List<Column> columns = table.parquetColumns();
      int n = columns.size();
      String[] names = new String[n];
      TableSchema.Type[] types = new TableSchema.Type[n];
      boolean[] nullable = new boolean[n];
      int[] sourceIndex = new int[n];
      for (int i = 0; i < n; i++) {
        Column c = columns.get(i);
        names[i] = c.name();
        types[i] = c.type();
        nullable[i] = c.nullable();
        sourceIndex[i] = table.indexOf(c.name());
      }
      var avro = table.avroSchema();
      MessageType schema = new AvroSchemaConverter(TableWriter.Partition.CONF).convert(avro);
      int[] levels = schema.getColumns().stream().mapToInt(ColumnDescriptor::getMaxDefinitionLevel).toArray();
      return new Layout(table.name(), schema, Map.of(AVRO_SCHEMA_KEY, avro.toString()), names, types, nullable,
          sourceIndex, levels);
    }
  }

  /** A row group's page store and column writers, as parquet-java's record writer makes them. */
  private void startRowGroup() {
    pages = new ColumnChunkPageWriteStore(compressor, layout.schema, props.getAllocator(),
        props.getColumnIndexTruncateLength(), props.getPageWriteChecksumEnabled(), null, rowGroupOrdinal);
    columns = props.newColumnWriteStore(layout.schema, pages, pages);
    List<ColumnDescriptor> descriptors = layout.schema.getColumns();
    for (int i = 0; i < writers.length; i++) {
      writers[i] = columns.getColumnWriter(descriptors.get(i));
    }
    rowsInGroup = 0;
  }

  /**
   * One row; a null cell is Parquet's null (repetition and definition level 0). Numbers are
   * converted through {@link Number} and other text through {@code toString()}, as parquet-avro does.
   */
  public void write(Object[] row) throws IOException {
    try {
      writeRow(row);
    } catch (RuntimeException | IOException e) {
      failed = true; // no footer then: a file without one is no Parquet file, not a wrong one
      throw e;
    }
  }

  private void writeRow(Object[] row) throws IOException {
    Layout l = layout;
    for (int i = 0; i < writers.length; i++) {
      Object v = row[l.sourceIndex[i]];
      ColumnWriter w = writers[i];
      if (v == null) {
        // Parquet would write a required column's null without complaint, and a corrupt file.
        if (!l.nullable[i]) {
          throw new IllegalArgumentException("null in the required column " + l.table + "." + l.names[i]);
        }
        w.writeNull(0, 0);
        continue;
      }
      int d = l.definitionLevels[i];
      switch (l.types[i]) {
        case STRING -> w.write(text(i, v.toString()), 0, d);
        case INT -> w.write(((Number) v).intValue(), 0, d);
        case LONG -> w.write(((Number) v).longValue(), 0, d);
        case DOUBLE -> w.write(((Number) v).doubleValue(), 0, d);
        case BOOLEAN -> w.write((Boolean) v, 0, d);
      }
    }
    columns.endRecord();
    rowsInGroup++;
    checkRowGroupSize();
  }

  /**
   * The text as UTF-8. Rows come grouped by district, so most text cells repeat the row
   * before's (region codes and names, township or metric, qualifier, source), and the others
   * recur as the same String (the gazetteer's names, the catalog's labels): each is encoded
   * once and handed as the same Binary, which the dictionary recognises by reference. The bytes
   * are never changed after, so Parquet's dictionary and statistics may keep the Binary given;
   * one backed by an array hashes and compares several times faster than {@code
   * Binary.fromString}'s, backed by a ByteBuffer (a fifth of the writer's time in a profile).
   */
  private Binary text(int column, String s) {
    if (s == lastText[column]) {
      return lastBinary[column];
    }
    String[] texts = seenText[column];
    int slot = System.identityHashCode(s) & (TEXT_SLOTS - 1);
    Binary b;
    if (texts[slot] == s) {
      b = seenBinary[column][slot];
    } else {
      b = s.equals(lastText[column]) ? lastBinary[column] : Binary.fromConstantByteArray(s.getBytes(StandardCharsets.UTF_8));
      texts[slot] = s;
      seenBinary[column][slot] = b;
    }
    lastText[column] = s;
    lastBinary[column] = b;
    return b;
  }

  /**
   * Parquet's own rule for ending a row group (as its record writer does): the buffered size is
   * checked now and then, at a row count estimated from the row size so far, and the group ends
   * when it is within two rows of the target.
   */
  private void checkRowGroupSize() throws IOException {
    if (rowsInGroup < nextSizeCheck) {
      return;
    }
    long buffered = columns.getBufferedSize();
    long rowBytes = buffered / rowsInGroup;
    long min = props.getMinRowCountForPageSizeCheck();
    long max = props.getMaxRowCountForPageSizeCheck();
    if (buffered > nextRowGroupBytes - 2 * rowBytes) {
      flushRowGroup();
      startRowGroup();
      nextSizeCheck = Math.min(min, max); // the next group is checked as early as the first
    } else {
      nextSizeCheck = Math.min(Math.max(min, (rowsInGroup + (long) (nextRowGroupBytes / (float) rowBytes)) / 2),
          rowsInGroup + max);
    }
  }

  private void flushRowGroup() throws IOException {
    try {
      if (rowsInGroup > 0) {
        rowGroupOrdinal++;
        file.startBlock(rowsInGroup);
        columns.flush();
        pages.flushToFileWriter(file);
        file.endBlock();
        nextRowGroupBytes = Math.min(file.getNextRowGroupSize(), rowGroupBytes);
      }
    } finally {
      columns.close();
      pages.close();
    }
  }

  /** Ends the last row group and writes the footer (none after a failed write). */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (failed) {
        columns.close();
        pages.close();
      } else {
        flushRowGroup();
        file.end(layout.metadata);
      }
    } finally {
      try {
        file.close();
      } finally {
        codecs.release();
      }
    }
  }
}
