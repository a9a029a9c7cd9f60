package org.gongkai.staging;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.model.Qualifier;
import org.gongkai.wide.WideTable.Block;
import org.gongkai.wide.WideTable.Cell;
import org.gongkai.wide.WideTable.Piece;
import org.gongkai.wide.WideTable.TownshipRow;

/**
 * 汇总表 pieces in {@code _parts/wide/}: a cell is its metric's place in the block's metric list,
 * the figure and the qualifier. Java serialization of the same pieces was half of the last
 * step's time nationally (reflection, and a record's constructor copying its maps once more).
 */
public final class WidePieceCodec implements Parts.Codec<Piece> {
  public static final WidePieceCodec INSTANCE = new WidePieceCodec();
  private static final Qualifier[] QUALIFIERS = Qualifier.values();

  private WidePieceCodec() {}

  @Override
  public void write(DataOutputStream out, Piece p) throws IOException {
    Strings.write(out, p.districtCode());
    Strings.write(out, p.districtName());
    out.writeInt(p.blocks().size());
    for (Block b : p.blocks()) {
      out.writeInt(b.year());
      out.writeInt(b.metrics().size());
      for (String m : b.metrics()) {
        Strings.write(out, m);
      }
      out.writeInt(b.rows().size());
      for (TownshipRow r : b.rows()) {
        Strings.write(out, r.code());
        Strings.write(out, r.name());
        out.writeBoolean(r.reported());
        writeCells(out, b.metrics(), r.cells());
        Strings.write(out, r.rejected());
        Strings.write(out, r.remark());
      }
      writeCells(out, b.metrics(), b.totals());
      out.writeInt(b.reporting());
      out.writeInt(b.expected());
      writeCells(out, b.metrics(), b.stated());
    }
  }

  @Override
  public Piece read(DataInputStream in) throws IOException {
    String code = Strings.read(in);
    String name = Strings.read(in);
    int blocks = in.readInt();
    List<Block> out = new ArrayList<>(blocks);
    for (int i = 0; i < blocks; i++) {
      int year = in.readInt();
      int n = in.readInt();
      List<String> metrics = new ArrayList<>(n);
      for (int m = 0; m < n; m++) {
        metrics.add(Strings.read(in));
      }
      int rows = in.readInt();
      List<TownshipRow> townships = new ArrayList<>(rows);
      for (int r = 0; r < rows; r++) {
        String township = Strings.read(in);
        String townshipName = Strings.read(in);
        boolean reported = in.readBoolean();
        townships.add(new TownshipRow(township, townshipName, reported, readCells(in, metrics), Strings.read(in),
            Strings.read(in)));
      }
      Map<String, Cell> totals = readCells(in, metrics);
      int reporting = in.readInt();
      int expected = in.readInt();
      out.add(new Block(year, metrics, townships, totals, reporting, expected, readCells(in, metrics)));
    }
    return new Piece(code, name, out);
  }

  /** Cells in their map's order; a key outside the block's metrics (never made so) is spelled out. */
  private static void writeCells(DataOutputStream out, List<String> metrics, Map<String, Cell> cells) throws IOException {
    out.writeInt(cells.size());
    for (Map.Entry<String, Cell> e : cells.entrySet()) {
      int at = metrics.indexOf(e.getKey());
      out.writeShort(at);
      if (at < 0) {
        Strings.write(out, e.getKey());
      }
      out.writeLong(e.getValue().value());
      out.writeByte(e.getValue().qualifier().ordinal());
    }
  }

  private static Map<String, Cell> readCells(DataInputStream in, List<String> metrics) throws IOException {
    int n = in.readInt();
    Map<String, Cell> cells = new LinkedHashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      int at = in.readShort();
      String key = at < 0 ? Strings.read(in) : metrics.get(at);
      cells.put(key, new Cell(in.readLong(), QUALIFIERS[in.readByte()]));
    }
    return cells;
  }
}
