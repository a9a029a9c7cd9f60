package org.gongkai.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gongkai.ingest.SourceSpec.Format;
import org.gongkai.model.Qualifier;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
  private static final SourceSpec AUTO = Sources.spec(Format.CSV, "auto", null, null, Map.of());

  @Test
  void readsTheGb18030SampleExport() throws Exception {
    SourceSpec spec = Sources.spec(Format.CSV, "auto", null, "裕安区", Map.of("备注", "ignore"));
    Collector sink = new Collector();
    ReadCounts c = Sources.csv(spec, Files.readAllBytes(Path.of("sample-data/yuan-district-2017-2018.csv")), sink);
    assertEquals("GB18030", c.charset());
    assertEquals(43, c.read());
    assertEquals(38, c.accepted());
    assertEquals(5, c.rejected());
    assertEquals(c.rejected(), sink.rejects.size());
    assertEquals(c.observations(), sink.observations.size());
    assertTrue(c.unmappedColumns().isEmpty(), c.unmappedColumns().toString());
    var other = sink.only("341503111", 2018, "published_other");
    assertEquals(1000, other.value());
    assertEquals(Qualifier.LOWER_BOUND, other.qualifier());
    assertEquals("1000余条", other.evidence());
    assertEquals(0, sink.only("341503111", 2018, "applications_received").value(), "无 is an explicit zero");
    assertEquals(421, sink.only("341503108", 2017, "published_website").value(), "full-width digits");
    assertEquals(29, sink.only("341503110", 2018, "key_area_items").value(), "Chinese numerals");
    assertTrue(sink.observations.stream().noneMatch(o -> o.townshipCode().equals("341503001") && o.year() == 2017
        && (o.metric().equals("key_area_items") || o.metric().equals("policy_interpretations"))), "— and blank are missing, not zero");
    assertEquals("line 33", sink.only("341503111", 2018, "hotline_cases").locator());
  }

  @Test
  void utf8WithBomAndCodes() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "区划代码,年份,市长热线\n341503100000,2018,112\n".getBytes(UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(body, 0, all, 3, body.length);
    Collector sink = new Collector();
    ReadCounts c = Sources.csv(AUTO, all, sink);
    assertEquals("UTF-8", c.charset());
    assertEquals(112, sink.only("341503100", 2018, "hotline_cases").value());
  }

  @Test
  void aRecordWithOneBadCellIsRejectedWholeAndSaysWhy() {
    String csv = "乡镇,年度,政策解读,咨询投诉,人大代表建议\n江家店镇,2018,若干,-4,3\n";
    Collector sink = new Collector();
    ReadCounts c = Sources.csv(Sources.spec(Format.CSV, "auto", null, "裕安区", Map.of()), csv.getBytes(UTF_8), sink);
    assertEquals(1, c.rejected());
    assertTrue(sink.observations.isEmpty(), "nothing of a rejected record is used");
    var r = sink.rejects.get(0);
    assertEquals("VAGUE_COUNT", r.reasonCode());
    assertTrue(r.reason().contains("字段 政策解读：'若干'"), r.reason());
    assertTrue(r.reason().contains("字段 咨询投诉：'-4' 是负数"), r.reason());
    assertEquals("line 2", r.locator());
  }

  @Test
  void defaultsOverridesAndDistrictColumn() {
    String csv = "单位,县区,咨询件数,说明\n城关镇,舒城县,5,x\n城关镇,霍邱县,7,y\n";
    SourceSpec spec = Sources.spec(Format.CSV, "utf-8", 2019, null, Map.of("咨询件数", "hotline_cases", "说明", "ignore"));
    Collector sink = new Collector();
    ReadCounts c = Sources.csv(spec, csv.getBytes(UTF_8), sink);
    assertEquals(2, c.accepted());
    assertEquals(5, sink.only("341523100", 2019, "hotline_cases").value());
    assertEquals(7, sink.only("341522100", 2019, "hotline_cases").value());
  }

  @Test
  void unmappedColumnsAreListed() {
    String csv = "乡镇,年度,咨询投诉,神秘列\n江家店镇,2018,5,9\n";
    Collector sink = new Collector();
    ReadCounts c = Sources.csv(Sources.spec(Format.CSV, "auto", null, "裕安区", Map.of()), csv.getBytes(UTF_8), sink);
    assertEquals(java.util.List.of("神秘列"), c.unmappedColumns());
    assertEquals(1, sink.observations.size());
  }

  @Test
  void twoColumnsForOneMetricRejectEveryRecord() {
    String csv = "乡镇,年度,咨询投诉,市长热线\n江家店镇,2018,5,9\n苏埠镇,2018,1,1\n";
    Collector sink = new Collector();
    ReadCounts c = Sources.csv(Sources.spec(Format.CSV, "auto", null, "裕安区", Map.of()), csv.getBytes(UTF_8), sink);
    assertEquals(2, c.rejected());
    assertEquals("DUPLICATE_COLUMN", sink.rejects.get(0).reasonCode());
    assertTrue(sink.rejects.get(0).reason().contains("都表示 hotline_cases"));
  }

  @Test
  void quotedNewlinesCrlfAndUnclosedQuotes() {
    String csv = "乡镇,年度,咨询投诉,备注\r\n江家店镇,2018,5,\"两行\r\n备注\"\r\n苏埠镇,2018,\"7\r\n";
    Collector sink = new Collector();
    ReadCounts c = Sources.csv(Sources.spec(Format.CSV, "auto", null, "裕安区", Map.of("备注", "ignore")), csv.getBytes(UTF_8), sink);
    assertEquals(2, c.read());
    assertEquals(1, c.accepted());
    assertEquals("MALFORMED_CSV", sink.rejects.get(0).reasonCode());
    assertEquals("line 4", sink.rejects.get(0).locator());
  }

  @Test
  void wrongDeclaredEncodingRejectsWithAHint() {
    String csv = "乡镇,年度,咨询投诉\n江家店镇,2018,5\n";
    Collector sink = new Collector();
    ReadCounts c = Sources.csv(Sources.spec(Format.CSV, "utf-8", null, "裕安区", Map.of()), csv.getBytes(EncodingDetector.GB18030), sink);
    assertEquals(1, c.read());
    assertEquals(1, c.rejected());
    assertEquals("BAD_ENCODING", sink.rejects.get(0).reasonCode());
  }

  @Test
  void anEmptyFileIsOneReject() {
    Collector sink = new Collector();
    ReadCounts c = Sources.csv(AUTO, new byte[0], sink);
    assertEquals(1, c.read());
    assertEquals(1, c.rejected());
    assertFalse(c.read() != c.accepted() + c.rejected());
    assertEquals("EMPTY_FILE", sink.rejects.get(0).reasonCode());
    ReadCounts headerOnly = Sources.csv(AUTO, "乡镇,年度,咨询投诉\n".getBytes(UTF_8), new Collector());
    assertEquals(1, headerOnly.rejected(), "a header without records is an empty file too");
  }

  @Test
  void aTruncatedUtf8FileStaysUtf8AndItsCutLineIsRejected() {
    byte[] whole = "乡镇,年度,咨询投诉\n江家店镇,2018,5\n苏埠镇,2018,7\n石板冲乡".getBytes(UTF_8);
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 2); // inside 乡
    Collector sink = new Collector();
    ReadCounts c = Sources.csv(Sources.spec(Format.CSV, "auto", null, "裕安区", Map.of()), cut, sink);
    assertEquals("UTF-8", c.charset());
    assertEquals(2, c.accepted());
    assertEquals("BAD_ENCODING", sink.rejects.get(0).reasonCode(), "the cut character comes first");
    assertTrue(sink.rejects.get(0).reason().contains("只有 1 个单元格，表头有 3 列"), sink.rejects.get(0).reason());
    assertEquals("line 4", sink.rejects.get(0).locator());

    byte[] cleanCut = "乡镇,年度,咨询投诉\n江家店镇,2018,5\n苏埠镇,2018,7\n石板冲乡,20".getBytes(UTF_8);
    Collector sink2 = new Collector();
    Sources.csv(Sources.spec(Format.CSV, "auto", null, "裕安区", Map.of()), cleanCut, sink2);
    assertEquals("MALFORMED_RECORD", sink2.rejects.get(0).reasonCode(), "a line cut between characters is short");
    assertTrue(sink2.rejects.get(0).reason().contains("2 个单元格，表头有 3 列"), sink2.rejects.get(0).reason());
  }

  @Test
  void aWorkbookRenamedCsvIsOneBinaryReject() {
    byte[] zip = {0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, (byte) 0x9c, 0x0a, 0x0a, 0x22, 0x2c};
    Collector sink = new Collector();
    ReadCounts c = Sources.csv(AUTO, zip, sink);
    assertEquals(1, c.read());
    assertEquals("BINARY_DATA", sink.rejects.get(0).reasonCode());
    assertTrue(sink.rejects.get(0).reason().contains("ZIP"), sink.rejects.get(0).reason());
  }

  @Test
  void aRepeatedHeaderBehindABomIsARejectThatSaysSo() {
    String csv = "乡镇,年度,咨询投诉\r\n江家店镇,2018,5\r\n\uFEFF乡镇,年度,咨询投诉\r\n苏埠镇,2018,7\r\n";
    Collector sink = new Collector();
    ReadCounts c = Sources.csv(Sources.spec(Format.CSV, "auto", null, "裕安区", Map.of()), csv.getBytes(UTF_8), sink);
    assertEquals(2, c.accepted());
    assertEquals("MALFORMED_RECORD", sink.rejects.get(0).reasonCode());
    assertTrue(sink.rejects.get(0).reason().contains("重复了表头"));
  }
}
