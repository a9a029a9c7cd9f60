package org.gongkai.staging;

import org.gongkai.html.HtmlReportFixture;
import org.gongkai.wide.WideTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;
import org.gongkai.rollup.Obs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 汇总表 pieces come back from {@code _parts/wide/} as they were written, cell order included. */
class WidePieceCodecTest {
  private static final MetricCatalog CATALOG = MetricCatalog.standard();

  @Test
  void piecesRoundTripWithEstimatesSilentTownshipsAndStrangers(@TempDir Path staging) throws IOException {
    List<String> districts = HtmlReportFixture.districtCodes(3);
    Gazetteer gaz = HtmlReportFixture.gazetteer(districts, 4);
    List<WideTable.Piece> pieces = new ArrayList<>();
    for (String d : districts) {
      List<Observation> winners = new ArrayList<>();
      winners.add(Obs.of(2018, d + "100", "hotline_cases", 1200, Qualifier.LOWER_BOUND, "s", 0, 0, 2));
      winners.add(Obs.of(2018, d + "100", "npc_suggestions", 7));
      winners.add(Obs.of(2018, d + "101", "hotline_cases", 200, Qualifier.APPROXIMATE, "s", 0, 0, 3));
      winners.add(Obs.of(2019, d + "102", "npc_suggestions", 0));
      winners.add(Obs.of(2019, "999999101", "hotline_cases", Long.MAX_VALUE / 4)); // not in the gazetteer's list
      pieces.add(WideTable.district(d, List.of(2017, 2018, 2019), gaz, CATALOG, winners)); // 2017: nobody reported
    }
    String dir = staging.toString();
    try (Parts.RecordSink<WideTable.Piece> sink = new Parts.RecordSink<>(dir, "wide/all", "g00000", WidePieceCodec.INSTANCE)) {
      for (WideTable.Piece p : pieces) {
        sink.write(p);
      }
    }
    List<Parts.RecordSource<WideTable.Piece>> sources = Parts.records(dir, "wide/all", WidePieceCodec.INSTANCE);
    try {
      assertEquals(1, sources.size());
      for (WideTable.Piece p : pieces) {
        WideTable.Piece back = sources.get(0).next();
        assertEquals(p, back);
        assertEquals(p.toString(), back.toString(), "cells in the same order");
        assertEquals(p.table(2018, CATALOG), back.table(2018, CATALOG));
      }
      assertNull(sources.get(0).next(), "the end");
    } finally {
      Parts.closeAll(sources);
    }
  }

  @Test
  void aCutFileIsAnErrorNamingIt(@TempDir Path staging) throws IOException {
    List<String> districts = HtmlReportFixture.districtCodes(1);
    Gazetteer gaz = HtmlReportFixture.gazetteer(districts, 2);
    String dir = staging.toString();
    try (Parts.RecordSink<WideTable.Piece> sink = new Parts.RecordSink<>(dir, "wide/2018", "g00000", WidePieceCodec.INSTANCE)) {
      sink.write(WideTable.district(districts.get(0), List.of(2018), gaz, CATALOG, List.of()));
    }
    Path file = staging.resolve(Parts.DIR).resolve("wide/2018/g00000.bin");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));
    List<Parts.RecordSource<WideTable.Piece>> sources = Parts.records(dir, "wide/2018", WidePieceCodec.INSTANCE);
    try {
      IOException e = assertThrows(IOException.class, () -> sources.get(0).next());
      assertTrue(e.getMessage().contains("g00000.bin"), e.getMessage());
    } finally {
      Parts.closeAll(sources);
    }
  }
}
