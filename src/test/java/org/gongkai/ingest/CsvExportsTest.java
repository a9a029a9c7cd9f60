package org.gongkai.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.gongkai.ingest.SourceSpec.Format;
import org.gongkai.model.Notice;
import org.junit.jupiter.api.Test;

/** The CSV exports Excel and WPS make: tab-separated, UTF-16 with a BOM, a title above the header. */
class CsvExportsTest {
  private static final SourceSpec YUAN = Sources.spec(Format.CSV, "auto", null, "裕安区", Map.of());

  static byte[] withBom(String text, Charset cs) {
    byte[] bom = cs.equals(StandardCharsets.UTF_16BE) ? new byte[] {(byte) 0xFE, (byte) 0xFF}
        : new byte[] {(byte) 0xFF, (byte) 0xFE};
    ByteBuffer b = ByteBuffer.allocate(2 + text.length() * 4);
    b.put(bom).put(text.getBytes(cs));
    byte[] out = new byte[b.position()];
    b.flip().get(out);
    return out;
  }

  @Test
  void unicodeTextWithATitleAndAUnitLineIsReadWholeAndTheLinesAboveTheHeaderAreSaid() {
    String tsv = "裕安区2018年政务公开统计表\n填报单位：裕安区政务公开办\t\t\n乡镇\t年度\t市长热线\t人大代表建议\n"
        + "江家店镇\t2018\t12\t3\n苏埠镇\t2018\t\"1,000余\"\t0\n";
    for (Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      Collector sink = new Collector();
      ReadCounts c = Sources.csv(YUAN, withBom(tsv, cs), sink);
      assertEquals(cs.name(), c.charset());
      assertEquals(2, c.read(), sink.rejects.toString());
      assertEquals(2, c.accepted(), sink.rejects.toString());
      assertEquals(12, sink.only("341503111", 2018, "hotline_cases").value());
      assertEquals(1000, sink.only("341503100", 2018, "hotline_cases").value());
      assertEquals("line 5", sink.only("341503100", 2018, "hotline_cases").locator());
      assertEquals(1, sink.notices.size(), sink.notices.toString());
      Notice n = sink.notices.get(0);
      assertEquals(Notice.LINES_SKIPPED, n.code());
      assertEquals("lines 1–2", n.locator());
      assertTrue(n.message().contains("表头在第 3 行"), n.message());
      assertTrue(n.evidence().startsWith("裕安区2018年政务公开统计表 / 填报单位：裕安区政务公开办"), n.evidence());
    }
  }

  @Test
  void recordsKeepTheirLinesBelowATitle() {
    Collector sink = new Collector();
    Sources.csv(YUAN, "标题\n乡镇,年度,市长热线\n江家店镇,2018,12\n".getBytes(UTF_8), sink);
    assertEquals("line 3", sink.only("341503111", 2018, "hotline_cases").locator());
  }

  @Test
  void semicolonsAreADelimiterToo() {
    Collector sink = new Collector();
    ReadCounts c = Sources.csv(YUAN, "乡镇;年度;市长热线\n江家店镇;2018;12\n".getBytes(UTF_8), sink);
    assertEquals(1, c.accepted(), sink.rejects.toString());
    assertTrue(sink.notices.isEmpty(), sink.notices.toString());
  }

  @Test
  void headerRowNamesTheHeaderLine() {
    // line 1 would pass for a header (it names a region and a metric); the job file says line 2
    SourceSpec spec = new SourceSpec("test", 0, Format.CSV, "test", "auto", null, "裕安区", Map.of(), 0, null, 2);
    Collector sink = new Collector();
    ReadCounts c = Sources.csv(spec, "乡镇,市长热线\n乡镇,年度,人大代表建议\n江家店镇,2018,3\n".getBytes(UTF_8), sink);
    assertEquals(1, c.accepted(), sink.rejects.toString());
    assertEquals(3, sink.only("341503111", 2018, "npc_suggestions").value());
    assertEquals("line 1", sink.notices.get(0).locator());
  }

  @Test
  void aColumnThatMapsToNothingIsSaidWithItsFirstValuesAndIgnoreSilencesIt() {
    String csv = "乡镇,年度,市长热线,信息员人数\n江家店镇,2018,12,40\n苏埠镇,2018,3,\n顺河镇,2018,5,7\n";
    Collector sink = new Collector();
    ReadCounts c = Sources.csv(YUAN, csv.getBytes(UTF_8), sink);
    assertEquals(3, c.accepted());
    assertEquals(List.of("信息员人数"), c.unmappedColumns());
    assertEquals(1, sink.notices.size());
    Notice n = sink.notices.get(0);
    assertEquals(Notice.UNMAPPED_COLUMN, n.code());
    assertEquals("line 1 列「信息员人数」", n.locator());
    assertEquals("信息员人数：40，7", n.evidence());
    assertTrue(n.message().contains("信息员人数: ignore"), n.message());

    Collector quiet = new Collector();
    Sources.csv(Sources.spec(Format.CSV, "auto", null, "裕安区", Map.of("信息员人数", "ignore")), csv.getBytes(UTF_8), quiet);
    assertTrue(quiet.notices.isEmpty(), quiet.notices.toString());
  }

  @Test
  void aJsonKeyThatMapsToNothingIsSaidOnce() {
    String jsonl = "{\"乡镇\":\"江家店镇\",\"年度\":2018,\"市长热线\":12,\"网站\":\"a\"}\n"
        + "{\"乡镇\":\"苏埠镇\",\"年度\":2018,\"市长热线\":3,\"网站\":\"b\"}\n";
    Collector sink = new Collector();
    ReadCounts c = Sources.jsonl(Sources.spec(Format.JSONL, "auto", null, "裕安区", Map.of()), jsonl.getBytes(UTF_8), sink);
    assertEquals(2, c.accepted(), sink.rejects.toString());
    assertEquals(1, sink.notices.size(), sink.notices.toString());
    assertEquals("line 1 列「网站」", sink.notices.get(0).locator());
    assertEquals("网站：a，b", sink.notices.get(0).evidence());
    Collector quiet = new Collector();
    Sources.jsonl(Sources.spec(Format.JSONL, "auto", null, "裕安区", Map.of("网站", "ignore")), jsonl.getBytes(UTF_8), quiet);
    assertTrue(quiet.notices.isEmpty(), quiet.notices.toString());
  }
}
