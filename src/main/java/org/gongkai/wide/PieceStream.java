package org.gongkai.wide;

import org.gongkai.staging.Parts;
import org.gongkai.staging.WidePieceCodec;
import java.io.Closeable;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The 汇总表 pieces of one year, from every group's stream in {@code _parts/wide/YYYY/}, one at a
 * time in district order: each group wrote its pieces in district order, so merging the groups'
 * heads keeps that order.
 */
final class PieceStream implements Closeable {
  private final List<Parts.RecordSource<WideTable.Piece>> sources;
  private final PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing((Head h) -> h.piece.districtCode()));

  private record Head(WideTable.Piece piece, Parts.RecordSource<WideTable.Piece> source) {}

  PieceStream(String staging, int year) throws IOException {
    sources = Parts.records(staging, WholeJobFiles.WIDE + "/" + year, WidePieceCodec.INSTANCE);
    for (Parts.RecordSource<WideTable.Piece> s : sources) {
      advance(s);
    }
  }

  /** The next piece in district order, or null at the end. */
  WideTable.Piece next() throws IOException {
    Head h = heads.poll();
    if (h == null) {
      return null;
    }
    advance(h.source);
    return h.piece;
  }

  /** The piece of this district or null; the pieces of districts before it are passed over. */
  WideTable.Piece seek(String district) throws IOException {
    while (!heads.isEmpty() && heads.peek().piece.districtCode().compareTo(district) < 0) {
      next();
    }
    return !heads.isEmpty() && heads.peek().piece.districtCode().equals(district) ? next() : null;
  }

  private void advance(Parts.RecordSource<WideTable.Piece> source) throws IOException {
    WideTable.Piece p = source.next();
    if (p != null) {
      heads.add(new Head(p, source));
    }
  }

  @Override
  public void close() throws IOException {
    Parts.closeAll(sources);
  }
}
