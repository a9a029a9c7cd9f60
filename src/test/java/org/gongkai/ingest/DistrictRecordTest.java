package org.gongkai.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gongkai.model.StatedFigure;
import org.junit.jupiter.api.Test;

/** A record that names a district (by name or code) is the district's own figures; a city is not read. */
class DistrictRecordTest {
  private static Collector read(String csv) {
    Collector sink = new Collector();
    ReadCounts c = Sources.csv(Sources.spec(SourceSpec.Format.CSV, "auto", 2023, null, Map.of()), csv.getBytes(UTF_8), sink);
    assertEquals(c.read(), c.accepted() + c.rejected());
    assertEquals(sink.observations.size() + sink.stated.size(), c.observations());
    return sink;
  }

  @Test
  void aDistrictsRecordIsItsOwnStatedFigures() {
    Collector sink = read("乡镇,主动公开信息数,咨询投诉\n苏埠镇,120,8\n裕安区,300,\n341502,,40\n");
    assertEquals(2, sink.observations.size(), "苏埠镇's two figures");
    List<String> stated = sink.stated.stream().map(StatedFigure::observation)
        .map(o -> o.townshipCode() + " " + o.metric() + " " + o.value() + " " + o.locator()).toList();
    assertEquals(List.of("341503 published_total 300 line 3", "341502 hotline_cases 40 line 4"), stated);
    sink.stated.forEach(s -> assertNull(s.coverage(), "a record does not say it covers the townships"));
    assertTrue(sink.rejects.isEmpty(), sink.rejects.toString());
  }

  @Test
  void aCityIsNotReadAndSaysSo() {
    Collector sink = read("乡镇,主动公开信息数\n六安市,3000\n");
    assertEquals(1, sink.rejects.size());
    assertEquals("NOT_A_TOWNSHIP", sink.rejects.get(0).reasonCode());
    assertTrue(sink.rejects.get(0).reason().contains("是地市，不是乡镇（只读取乡镇和区县本级的数字，地市本级的不读取）"),
        sink.rejects.get(0).reason());
  }

  @Test
  void aDistrictCodeWithATownshipsNameIsAMismatch() {
    Collector sink = read("区划代码,乡镇,主动公开信息数\n341503,苏埠镇,300\n");
    assertEquals("REGION_MISMATCH", sink.rejects.get(0).reasonCode());
    assertEquals("代码 341503 是裕安区，但名称写的是 '苏埠镇'", sink.rejects.get(0).reason());
  }
}
