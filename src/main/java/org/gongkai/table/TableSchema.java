package org.gongkai.table;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * The columns of one output table, shared by its Parquet and CSV forms. Rows are {@code
 * Object[]} in column order. A table partitioned by year is written as {@code
 * table/year=YYYY/part-00000.parquet} without the year column in the file (Hive style: the
 * path carries it), and as one CSV with the year column.
 */
public record TableSchema(String name, List<Column> columns, boolean partitionedByYear) implements Serializable {

  /** Column types and their Parquet (Avro) form. */
  public enum Type {
    STRING,
    INT,
    LONG,
    DOUBLE,
    BOOLEAN
  }

  public record Column(String name, Type type, boolean nullable, String doc) implements Serializable {}

  public TableSchema {
    columns = List.copyOf(columns);
  }

  public int indexOf(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException(name + " has no column " + column);
  }

  /** The columns written to Parquet: all but {@code year} when the table is partitioned. */
  public List<Column> parquetColumns() {
    if (!partitionedByYear) {
      return columns;
    }
    List<Column> out = new ArrayList<>(columns);
    out.removeIf(c -> c.name().equals("year"));
    return out;
  }

  /** The Avro schema of the Parquet files: strings as Avro strings (Parquet STRING), nulls as unions. */
  public Schema avroSchema() {
    SchemaBuilder.FieldAssembler<Schema> fields =
        SchemaBuilder.record(name).namespace("org.gongkai.output").fields();
    for (Column c : parquetColumns()) {
      Schema type = switch (c.type()) {
        case STRING -> {
          Schema s = Schema.create(Schema.Type.STRING);
          s.addProp("avro.java.string", "String");
          yield s;
        }
        case INT -> Schema.create(Schema.Type.INT);
        case LONG -> Schema.create(Schema.Type.LONG);
        case DOUBLE -> Schema.create(Schema.Type.DOUBLE);
        case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
      };
      Schema field = c.nullable() ? Schema.createUnion(Schema.create(Schema.Type.NULL), type) : type;
      var builder = fields.name(c.name()).doc(c.doc()).type(field);
      fields = c.nullable() ? builder.withDefault(null) : builder.noDefault();
    }
    return fields.endRecord();
  }
}
