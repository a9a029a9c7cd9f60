package org.gongkai.staging;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;

/** A compact, deterministic coder for {@link RowBatch}: each value with a one-byte type tag. */
public final class RowBatchCoder extends AtomicCoder<RowBatch> {
  private static final RowBatchCoder INSTANCE = new RowBatchCoder();
  private static final byte NULL = 0;
  private static final byte STRING = 1;
  private static final byte INT = 2;
  private static final byte LONG = 3;
  private static final byte DOUBLE = 4;
  private static final byte TRUE = 5;
  private static final byte FALSE = 6;

  public static RowBatchCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(RowBatch batch, OutputStream out) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    d.writeUTF(batch.table());
    Strings.write(d, batch.key());
    d.writeInt(batch.rows().size());
    for (Object[] row : batch.rows()) {
      d.writeShort(row.length);
      for (Object v : row) {
        if (v == null) {
          d.writeByte(NULL);
        } else if (v instanceof String s) {
          d.writeByte(STRING);
          Strings.write(d, s);
        } else if (v instanceof Integer i) {
          d.writeByte(INT);
          d.writeInt(i);
        } else if (v instanceof Long l) {
          d.writeByte(LONG);
          d.writeLong(l);
        } else if (v instanceof Double x) {
          d.writeByte(DOUBLE);
          d.writeDouble(x);
        } else if (v instanceof Boolean b) {
          d.writeByte(b ? TRUE : FALSE);
        } else {
          throw new CoderException("cannot encode a " + v.getClass().getName() + " in a row");
        }
      }
    }
    d.flush();
  }

  @Override
  public RowBatch decode(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    String table = d.readUTF();
    String key = Strings.read(d);
    int n = d.readInt();
    List<Object[]> rows = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      Object[] row = new Object[d.readShort()];
      for (int i = 0; i < row.length; i++) {
        byte tag = d.readByte();
        row[i] = switch (tag) {
          case NULL -> null;
          case STRING -> Strings.read(d);
          case INT -> d.readInt();
          case LONG -> d.readLong();
          case DOUBLE -> d.readDouble();
          case TRUE -> Boolean.TRUE;
          case FALSE -> Boolean.FALSE;
          default -> throw new CoderException("bad value tag " + tag);
        };
      }
      rows.add(row);
    }
    return new RowBatch(table, key, rows);
  }

  @Override
  public void verifyDeterministic() {}
}
