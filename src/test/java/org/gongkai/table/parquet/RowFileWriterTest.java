package org.gongkai.table.parquet;

import org.gongkai.table.OutputFile;
import org.gongkai.table.Rows;
import org.gongkai.table.TablePartWriter;
import org.gongkai.table.TableSchema;
import org.gongkai.table.TableWriter;
import org.gongkai.table.Tables;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.gongkai.table.TableSchema.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table writer against two references: byte for byte, parquet-java's {@code ParquetWriter}
 * fed through the record consumer of a plain {@code WriteSupport} with the same settings (its own
 * encoders, its own row-group rule); and, read back by DuckDB, the parquet-avro writer it
 * replaced: the same schema, column chunks, footer and values.
 */
class RowFileWriterTest {
  @TempDir Path tmp;

  static List<TableSchema> tables() {
    return Tables.ALL;
  }

  @ParameterizedTest
  @MethodSource("tables")
  void writesWhatParquetAvroWrote(TableSchema table) throws Exception {
    List<Object[]> rows = sampleRows(table, 500);
    Path direct = tmp.resolve("direct");
    Path avro = tmp.resolve("avro");
    List<OutputFile> files = TableWriter.writeParquet(table, direct.toString(), rows);
    Map<String, Long> reference = ParquetAvro.write(table, avro, rows);
    assertEquals(reference.keySet(), files.stream().map(OutputFile::path).collect(java.util.stream.Collectors.toSet()));
    files.forEach(f -> assertEquals(reference.get(f.path()), f.rows(), f.path()));

    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      for (OutputFile f : files) {
        String a = lit(direct.resolve(f.path()));
        String b = lit(avro.resolve(f.path()));
        assertEquals(rows(st, "DESCRIBE SELECT * FROM read_parquet(" + b + ")"),
            rows(st, "DESCRIBE SELECT * FROM read_parquet(" + a + ")"), f.path());
        assertEquals(rows(st, "SELECT * EXCLUDE (file_name) FROM parquet_schema(" + b + ")"),
            rows(st, "SELECT * EXCLUDE (file_name) FROM parquet_schema(" + a + ")"), f.path());
        // Column chunks: codec, encodings, statistics, sizes and offsets (the pages are the same bytes).
        assertEquals(rows(st, "SELECT * EXCLUDE (file_name) FROM parquet_metadata(" + b + ")"),
            rows(st, "SELECT * EXCLUDE (file_name) FROM parquet_metadata(" + a + ")"), f.path());
        assertEquals(footer(st, b), footer(st, a), "the footer's metadata, the Avro schema included");
        assertEquals(rows(st, "SELECT * FROM read_parquet(" + b + ")"), rows(st, "SELECT * FROM read_parquet(" + a + ")"));
      }
      assertEquals(expected(table, rows), readBack(st, table, direct), "the rows written, nulls included");
    }
  }

  /** Every table's files are the bytes parquet-java's own writer makes of the same rows. */
  @ParameterizedTest
  @MethodSource("tables")
  void writesTheBytesOfParquetJavasOwnWriter(TableSchema table) throws Exception {
    List<Object[]> rows = sampleRows(table, 500);
    Path direct = tmp.resolve("direct");
    List<OutputFile> files = TableWriter.writeParquet(table, direct.toString(), rows);
    Map<String, List<Object[]>> byFile = new TreeMap<>();
    int year = table.partitionedByYear() ? table.indexOf("year") : -1;
    for (Object[] row : rows) {
      String rel = table.name() + "/" + (year >= 0 ? "year=" + row[year] + "/" : "") + "part-00000.parquet";
      byFile.computeIfAbsent(rel, k -> new ArrayList<>()).add(row);
    }
    assertEquals(byFile.keySet(), files.stream().map(OutputFile::path).collect(java.util.stream.Collectors.toSet()));
    for (var e : byFile.entrySet()) {
      Path reference = tmp.resolve("reference").resolve(e.getKey());
      Files.createDirectories(reference.getParent());
      Reference.write(table, reference, e.getValue(), 32 << 20);
      assertArrayEquals(Files.readAllBytes(reference), Files.readAllBytes(direct.resolve(e.getKey())), e.getKey());
    }
  }

  /**
   * Past one page and one row group: each row group gets a new column store and page store, and
   * ends where parquet-java ends it (pages close at 20,000 rows, row groups here at 256 kB
   * instead of 32 MB); the bytes are those of parquet-java's writer, the chunks those of
   * parquet-avro's.
   */
  @Test
  void pagesAndRowGroupsAreParquetJavasOwn() throws Exception {
    TableSchema table = Tables.COMPARISON;
    List<Object[]> rows = sampleRows(table, 60_000);
    Path direct = tmp.resolve("direct.parquet");
    Path reference = tmp.resolve("reference.parquet");
    Path avro = tmp.resolve("avro.parquet");
    long rowGroup = 256 << 10;
    try (RowFileWriter w = new RowFileWriter(new LocalOutputFile(direct), table, TableWriter.Partition.properties(table),
        new CodecFactory(TableWriter.Partition.CONF, 1 << 10), CompressionCodecName.SNAPPY, rowGroup)) {
      for (Object[] row : rows) {
        w.write(row);
      }
    }
    Reference.write(table, reference, rows, rowGroup);
    assertArrayEquals(Files.readAllBytes(reference), Files.readAllBytes(direct));
    Schema schema = table.avroSchema();
    try (ParquetWriter<GenericRecord> w = ParquetAvro.builder(table, avro).withRowGroupSize(rowGroup).build()) {
      for (Object[] row : rows) {
        w.write(ParquetAvro.record(schema, table, row));
      }
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      String a = lit(direct);
      String b = lit(avro);
      List<List<Object>> groups = rows(st, "SELECT DISTINCT row_group_id FROM parquet_metadata(" + a + ")");
      assertTrue(groups.size() > 3, "several row groups: " + groups.size());
      assertEquals(rows(st, "SELECT * EXCLUDE (file_name) FROM parquet_metadata(" + b + ")"),
          rows(st, "SELECT * EXCLUDE (file_name) FROM parquet_metadata(" + a + ")"));
      assertEquals(rows(st, "SELECT * FROM read_parquet(" + b + ")"), rows(st, "SELECT * FROM read_parquet(" + a + ")"));
    }
  }

  /** After a failed write the file gets no footer: no reader takes it for a table. */
  @Test
  void aFailedWriteLeavesNoFooter() throws Exception {
    Path f = tmp.resolve("failed.parquet");
    Object[] good = sampleRows(Tables.REJECTS, 2).get(1);
    Object[] bad = good.clone();
    bad[Tables.REJECTS.indexOf("reason_code")] = null;
    RowFileWriter w = new RowFileWriter(new LocalOutputFile(f), Tables.REJECTS, TableWriter.Partition.properties(Tables.REJECTS),
        new CodecFactory(TableWriter.Partition.CONF, 1 << 10), CompressionCodecName.SNAPPY, 1 << 20);
    w.write(good);
    assertThrows(IllegalArgumentException.class, () -> w.write(bad));
    w.close();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      assertThrows(SQLException.class, () -> rows(st, "SELECT count(*) FROM read_parquet(" + lit(f) + ")"));
    }
  }

  @Test
  void emptyTableHasTheSameSchema() throws Exception {
    OutputFile f = TableWriter.writeEmptyParquet(Tables.REJECTS, tmp.resolve("direct").toString());
    Path avroFile = tmp.resolve("avro/rejects/part-00000.parquet");
    ParquetAvro.open(Tables.REJECTS, avroFile).close();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      String a = lit(tmp.resolve("direct").resolve(f.path()));
      String b = lit(avroFile);
      assertEquals(rows(st, "SELECT * EXCLUDE (file_name) FROM parquet_schema(" + b + ")"),
          rows(st, "SELECT * EXCLUDE (file_name) FROM parquet_schema(" + a + ")"));
      assertEquals(List.of(List.of(0L)), rows(st, "SELECT count(*) FROM read_parquet(" + a + ")"));
    }
  }

  @Test
  void statisticsForColumnsReadersFilterOnNoneForDescriptiveText() throws Exception {
    List<OutputFile> files = TableWriter.writeParquet(Tables.TOWNSHIP_METRICS, tmp.toString(), sampleRows(Tables.TOWNSHIP_METRICS, 50));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      String f = lit(tmp.resolve(files.get(0).path()));
      Map<String, List<Object>> stats = new TreeMap<>();
      for (List<Object> r : rows(st, "SELECT path_in_schema, stats_min_value IS NOT NULL, stats_max_value IS NOT NULL FROM parquet_metadata(" + f + ")")) {
        stats.put((String) r.get(0), r.subList(1, 3));
      }
      for (String col : List.of("district_code", "township_code", "metric", "qualifier", "value")) {
        assertEquals(List.of(true, true), stats.get(col), col + " has min and max");
      }
      for (String col : List.of("district_name", "township_name", "metric_label", "locator", "evidence")) {
        assertEquals(List.of(false, false), stats.get(col), col + " has no statistics");
      }
    }
  }

  @Test
  void aNullInARequiredColumnIsAnError() {
    Object[] row = sampleRows(Tables.REJECTS, 1).get(0);
    row[Tables.REJECTS.indexOf("reason_code")] = null;
    var e = assertThrows(IllegalArgumentException.class,
        () -> TableWriter.writeParquet(Tables.REJECTS, tmp.toString(), List.<Object[]>of(row)));
    assertTrue(e.getMessage().contains("rejects.reason_code"), e.getMessage());
  }

  /**
   * Rows of the Java types {@link Rows} makes (String, Integer, Long, Double, Boolean), with
   * nulls in every optional column, several years, non-ASCII text, repeated text and edge values.
   */
  static List<Object[]> sampleRows(TableSchema table, int n) {
    String[] texts = {"", "六安市", "a \"quoted\", text\nwith a line", "=1+1", "𠀀 supplementary", "0"};
    long[] longs = {0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE, 1_000_000_007L};
    double[] doubles = {0.0, -0.0, 0.5, -1.25e-300, 1e300, Double.NaN, Double.POSITIVE_INFINITY};
    List<Object[]> out = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      Object[] row = new Object[table.columns().size()];
      for (int i = 0; i < row.length; i++) {
        Column c = table.columns().get(i);
        int k = r + i;
        row[i] = c.nullable() && k % 3 == 0 ? null : switch (c.type()) {
          // Runs of equal text, as rows grouped by township have; equal but not the same String.
          case STRING -> texts[(r / 4 + i) % texts.length] + (r % 7 == 0 ? "" : " " + r / 4);
          case INT -> c.name().equals("year") ? 2016 + r % 3 : (k % 5 == 0 ? Integer.MIN_VALUE : k * 37 - 400);
          case LONG -> longs[k % longs.length] + (k % 4 == 0 ? 0 : r);
          case DOUBLE -> doubles[k % doubles.length];
          case BOOLEAN -> k % 2 == 0;
        };
      }
      out.add(row);
    }
    return out;
  }

  /** The rows as DuckDB should read them back: the Parquet columns, ordered by file and row. */
  private static List<List<Object>> expected(TableSchema table, List<Object[]> rows) {
    Map<Object, List<List<Object>>> byYear = new TreeMap<>();
    int year = table.partitionedByYear() ? table.indexOf("year") : -1;
    for (Object[] row : rows) {
      List<Object> cells = new ArrayList<>();
      for (Column c : table.parquetColumns()) {
        cells.add(row[table.indexOf(c.name())]);
      }
      byYear.computeIfAbsent(year >= 0 ? row[year] : 0, k -> new ArrayList<>()).add(cells);
    }
    List<List<Object>> out = new ArrayList<>();
    byYear.values().forEach(out::addAll);
    return out;
  }

  private static List<List<Object>> readBack(Statement st, TableSchema table, Path dir) throws SQLException {
    String glob = lit(dir.resolve(table.name()) + (table.partitionedByYear() ? "/*/*.parquet" : "/*.parquet"));
    String columns = String.join(", ", table.parquetColumns().stream().map(c -> "\"" + c.name() + "\"").toList());
    return rows(st, "SELECT " + columns + " FROM read_parquet(" + glob + ", filename = true, file_row_number = true,"
        + " hive_partitioning = false) ORDER BY filename, file_row_number");
  }

  /** The footer's key-value metadata but {@code writer.model.name} (parquet-avro's {@code avro}, now none). */
  private static List<List<Object>> footer(Statement st, String file) throws SQLException {
    List<List<Object>> r = rows(st, "SELECT decode(key), decode(value) FROM parquet_kv_metadata(" + file + ")"
        + " WHERE decode(key) <> 'writer.model.name' ORDER BY 1");
    assertTrue(r.stream().anyMatch(kv -> kv.get(0).equals("parquet.avro.schema")), file + " has the Avro schema");
    return r;
  }

  private static List<List<Object>> rows(Statement st, String sql) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          row.add(v instanceof byte[] b ? Arrays.toString(b) : v);
        }
        out.add(row);
      }
    }
    return out;
  }

  private static String lit(Object path) {
    return "'" + path.toString().replace("'", "''") + "'";
  }

  /** The parquet-avro writer as TablePartWriter used it: one GenericRecord per row, same settings. */
  static final class ParquetAvro {
    static Map<String, Long> write(TableSchema table, Path dir, List<Object[]> rows) throws IOException {
      Schema schema = table.avroSchema();
      int year = table.partitionedByYear() ? table.indexOf("year") : -1;
      Map<String, ParquetWriter<GenericRecord>> writers = new LinkedHashMap<>();
      Map<String, Long> counts = new TreeMap<>();
      for (Object[] row : rows) {
        String rel = table.name() + "/" + (year >= 0 ? "year=" + row[year] + "/" : "") + "part-00000.parquet";
        ParquetWriter<GenericRecord> w = writers.get(rel);
        if (w == null) {
          w = open(table, dir.resolve(rel));
          writers.put(rel, w);
        }
        w.write(record(schema, table, row));
        counts.merge(rel, 1L, Long::sum);
      }
      for (ParquetWriter<GenericRecord> w : writers.values()) {
        w.close();
      }
      return counts;
    }

    static GenericRecord record(Schema schema, TableSchema table, Object[] row) {
      GenericRecord rec = new GenericData.Record(schema);
      List<Column> columns = table.parquetColumns();
      for (int i = 0; i < columns.size(); i++) {
        rec.put(i, row[table.indexOf(columns.get(i).name())]);
      }
      return rec;
    }

    static ParquetWriter<GenericRecord> open(TableSchema table, Path file) throws IOException {
      Files.createDirectories(file.getParent());
      return builder(table, file).build();
    }

    static AvroParquetWriter.Builder<GenericRecord> builder(TableSchema table, Path file) {
      return Reference.settings(AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
          .withSchema(table.avroSchema())
          .withDataModel(GenericData.get()), table);
    }
  }

  /**
   * parquet-java's own writer: {@code ParquetWriter} with a {@code WriteSupport} that sends each
   * row through the record consumer, field by field, and the table's settings through the
   * builder's knobs (parquet-java's default encoders).
   */
  static final class Reference extends WriteSupport<Object[]> {
    private final TableSchema table;
    private final MessageType schema;
    private RecordConsumer out;

    Reference(TableSchema table) {
      this.table = table;
      this.schema = new AvroSchemaConverter(new Configuration(false)).convert(table.avroSchema());
    }

    static void write(TableSchema table, Path file, List<Object[]> rows, long rowGroup) throws IOException {
      try (ParquetWriter<Object[]> w = settings(new Builder(new LocalOutputFile(file), table), table)
          .withRowGroupSize(rowGroup).build()) {
        for (Object[] row : rows) {
          w.write(row);
        }
      }
    }

    /** The settings the table writer documents: Snappy, dictionaries but for doubles, no size or descriptive statistics. */
    static <B extends ParquetWriter.Builder<?, B>> B settings(B builder, TableSchema table) {
      builder.withConf(new Configuration(false)).withCompressionCodec(CompressionCodecName.SNAPPY)
          .withRowGroupSize(32L << 20).withDictionaryEncoding(true).withSizeStatisticsEnabled(false);
      for (Column c : table.parquetColumns()) {
        if (TableWriter.Partition.DESCRIPTIVE.contains(c.name())) {
          builder.withStatisticsEnabled(c.name(), false);
        }
        if (c.type() == TableSchema.Type.DOUBLE) {
          builder.withDictionaryEncoding(c.name(), false);
        }
      }
      return builder;
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(schema, Map.of("parquet.avro.schema", table.avroSchema().toString()));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.out = recordConsumer;
    }

    @Override
    public void write(Object[] row) {
      out.startMessage();
      List<Column> columns = table.parquetColumns();
      for (int i = 0; i < columns.size(); i++) {
        Column c = columns.get(i);
        Object v = row[table.indexOf(c.name())];
        if (v == null) {
          continue;
        }
        out.startField(c.name(), i);
        switch (c.type()) {
          case STRING -> out.addBinary(Binary.fromString(v.toString()));
          case INT -> out.addInteger(((Number) v).intValue());
          case LONG -> out.addLong(((Number) v).longValue());
          case DOUBLE -> out.addDouble(((Number) v).doubleValue());
          case BOOLEAN -> out.addBoolean((Boolean) v);
        }
        out.endField(c.name(), i);
      }
      out.endMessage();
    }

    static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
      private final TableSchema table;

      Builder(org.apache.parquet.io.OutputFile file, TableSchema table) {
        super(file);
        this.table = table;
      }

      @Override
      protected Builder self() {
        return this;
      }

      @Override
      protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
        return new Reference(table);
      }
    }
  }
}
