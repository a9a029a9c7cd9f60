package org.gongkai.output;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroSchemaConverter;
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
 */
final class RowWriteSupport extends WriteSupport<Object[]> {
  /** The Avro schema key of parquet-avro, which its readers look for. */
  private static final String AVRO_SCHEMA_KEY = "parquet.avro.schema";
  private static final Map<TableSchema, Layout> LAYOUTS = new ConcurrentHashMap<>();

  private final Layout layout;
  private final String[] lastText;
  private final Binary[] lastBinary;
  private RecordConsumer out;

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

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.out = recordConsumer;
  }

  /**
   * One row; a null cell is left out (Parquet's null). Numbers are converted through {@link
   * Number} and other text through {@code toString()}, as parquet-avro does.
   */
  @Override
  public void write(Object[] row) {
    Layout l = layout;
    out.startMessage();
    for (int i = 0; i < l.names.length; i++) {
      Object v = row[l.sourceIndex[i]];
      if (v == null) {
        // Parquet would write a required column's null without complaint, and a corrupt file.
        if (!l.nullable[i]) {
          throw new IllegalArgumentException("null in the required column " + l.table + "." + l.names[i]);
        }
        continue;
      }
      out.startField(l.names[i], i);
      switch (l.types[i]) {
        case STRING -> out.addBinary(text(i, v.toString()));
        case INT -> out.addInteger(((Number) v).intValue());
        case LONG -> out.addLong(((Number) v).longValue());
        case DOUBLE -> out.addDouble(((Number) v).doubleValue());
        case BOOLEAN -> out.addBoolean((Boolean) v);
      }
      out.endField(l.names[i], i);
    }
    out.endMessage();
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
