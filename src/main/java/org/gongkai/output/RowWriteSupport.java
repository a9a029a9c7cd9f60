package org.gongkai.output;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.gongkai.output.TableSchema.Column;

/**
 * Writes table rows ({@code Object[]} in the column order of {@link TableSchema}) straight to
 * Parquet's record consumer, without an Avro record per row and parquet-avro's walk of the Avro
 * schema for every value. The files are the ones parquet-avro wrote: the same Parquet schema
 * (derived by parquet-avro's converter from {@link TableSchema#avroSchema()}), values converted
 * as parquet-avro converts them, and the Avro schema in the footer, which carries the column
 * docs and gives Avro readers the same records as before. Only the footer's {@code
 * writer.model.name = avro} is gone: the files are no longer written by that model.
 *
 * <p>The values go straight to the column writers of the record consumer's column store, as
 * the consumer itself would send them for a flat schema (repetition level 0, the column's
 * definition level, a null for a missing optional cell, then the end of the record): its
 * bookkeeping of fields and nesting, for every cell, was a tenth of a national run's CPU.
 */
final class RowWriteSupport extends WriteSupport<Object[]> {
  /** The Avro schema key of parquet-avro, which its readers look for. */
  private static final String AVRO_SCHEMA_KEY = "parquet.avro.schema";
  private static final Map<TableSchema, Layout> LAYOUTS = new ConcurrentHashMap<>();
  private static final Field COLUMN_STORE = columnStoreField();

  private final Layout layout;
  private final String[] lastText;
  private final Binary[] lastBinary;
  private ColumnWriteStore store;
  private ColumnWriter[] writers;
  private int[] definitionLevels;

  private RowWriteSupport(TableSchema table) {
    this.layout = LAYOUTS.computeIfAbsent(table, Layout::of);
    this.lastText = new String[layout.names.length];
    this.lastBinary = new Binary[layout.names.length];
  }

  /** What every file of a table shares, made once per table (a run writes thousands of files). */
  private record Layout(String table, MessageType schema, Map<String, String> metadata, String[] names,
      TableSchema.Type[] types, boolean[] nullable, int[] sourceIndex) {

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
      return new Layout(table.name(), schema, Map.of(AVRO_SCHEMA_KEY, avro.toString()), names, types, nullable,
          sourceIndex);
    }
  }

  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(layout.schema, layout.metadata);
  }

  /** Called for each row group, with a new column store. */
  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    if (!COLUMN_STORE.getDeclaringClass().isInstance(recordConsumer)) {
      throw new IllegalStateException("expected parquet-java's own record consumer, got " + recordConsumer.getClass());
    }
    try {
      store = (ColumnWriteStore) COLUMN_STORE.get(recordConsumer);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
    List<ColumnDescriptor> columns = layout.schema.getColumns();
    writers = new ColumnWriter[columns.size()];
    definitionLevels = new int[columns.size()];
    for (int i = 0; i < writers.length; i++) {
      writers[i] = store.getColumnWriter(columns.get(i));
      definitionLevels[i] = columns.get(i).getMaxDefinitionLevel();
    }
  }

  /**
   * The column store behind parquet-java's record consumer. The writer gives a write support
   * only the consumer; the field is found when this class loads, so a parquet-java without it
   * fails every Parquet test at once, not a run halfway.
   */
  private static Field columnStoreField() {
    try {
      Field f = Class.forName("org.apache.parquet.io.MessageColumnIO$MessageColumnIORecordConsumer")
          .getDeclaredField("columns");
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError("this parquet-java's record consumer has no column store: " + e);
    }
  }

  /**
   * One row; a null cell is Parquet's null. Numbers are converted through {@link Number} and
   * other text through {@code toString()}, as parquet-avro does.
   */
  @Override
  public void write(Object[] row) {
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
      int d = definitionLevels[i];
      switch (l.types[i]) {
        case STRING -> w.write(text(i, v.toString()), 0, d);
        case INT -> w.write(((Number) v).intValue(), 0, d);
        case LONG -> w.write(((Number) v).longValue(), 0, d);
        case DOUBLE -> w.write(((Number) v).doubleValue(), 0, d);
        case BOOLEAN -> w.write((Boolean) v, 0, d);
      }
    }
    store.endRecord();
  }

  /**
   * The text as UTF-8. Rows come grouped by district, so most text cells repeat the row
   * before's (region codes and names, township or metric, qualifier, source): those are encoded
   * once. The bytes are never changed after, so Parquet's dictionary and statistics may keep the
   * Binary given; one backed by an array hashes and compares several times faster than {@code
   * Binary.fromString}'s, backed by a ByteBuffer (a fifth of the writer's time in a profile).
   */
  private Binary text(int column, String s) {
    if (!s.equals(lastText[column])) {
      lastText[column] = s;
      lastBinary[column] = Binary.fromConstantByteArray(s.getBytes(StandardCharsets.UTF_8));
    }
    return lastBinary[column];
  }

  /** A writer of one table's rows to one file. */
  static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
    private final TableSchema table;

    Builder(OutputFile file, TableSchema table) {
      super(file);
      this.table = table;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
      return new RowWriteSupport(table);
    }
  }
}
