package org.gongkai.wide;

import org.gongkai.table.TableWriter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;
import org.gongkai.rollup.Obs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class WideTableTest {
  static final MetricCatalog CATALOG = MetricCatalog.standard();
  static final Gazetteer GAZ = Gazetteer.of(List.of(
      Gazetteer.division("34", "安徽省", null),
      Gazetteer.division("3415", "六安市", null),
      Gazetteer.division("341502", "金安区", null),
      Gazetteer.division("341502100", "木厂镇", null),
      Gazetteer.division("341502001", "中市街道", null),
      Gazetteer.division("341503", "裕安区", null),
      Gazetteer.division("341503111", "江家店镇", null),
      Gazetteer.division("341503100", "苏埠镇", null),
      Gazetteer.division("341503200", "单王乡", null),
      Gazetteer.division("341503110", "=HYPERLINK(\"http://x\")", null),
      Gazetteer.division("341504", "叶集区", null),
      Gazetteer.division("341504001", "史河街道", null)));

  static Observation obs(int year, String t, String metric, long v, Qualifier q) {
    return Obs.of(year, t, metric, v, q, "s", 0, 0, 1);
  }

  static List<Observation> yuan() {
    return List.of(
        // shuffled on purpose: the table follows the gazetteer, not the input
        obs(2018, "341503111", "published_other", 1000, Qualifier.LOWER_BOUND),
        obs(2018, "341503111", "hotline_cases", 79, Qualifier.EXACT),
        obs(2018, "341503100", "hotline_cases", 112, Qualifier.EXACT),
        obs(2018, "341503100", "published_other", 253, Qualifier.EXACT),
        obs(2018, "341503110", "published_other", 200, Qualifier.APPROXIMATE),
        obs(2017, "341503200", "hotline_cases", 38, Qualifier.EXACT));
  }

  @Test
  void districtTable() {
    WideTable.Piece p = WideTable.district("341503", null, GAZ, CATALOG, yuan());
    assertEquals(List.of(2017, 2018), List.copyOf(p.years()));
    assertEquals("wide/2018/341503-裕安区.csv", p.path(2018));
    WideTable.Table t = p.table(2018, CATALOG);
    assertEquals(List.of("乡镇代码", "乡镇名称", "所属县区", "状态", "其他渠道公开信息数", "咨询投诉数", "备注"), t.header());
    assertEquals(List.of(
        List.of("341503100", "苏埠镇", "裕安区", "已报送", "253", "112", ""),
        List.of("341503110", "=HYPERLINK(\"http://x\")", "裕安区", "已报送", "~200", "", ""),
        List.of("341503111", "江家店镇", "裕安区", "已报送", "1000+", "79", ""),
        List.of("341503200", "单王乡", "裕安区", "未报送", "", "", ""),
        List.of("341503", "合计", "裕安区", "已报送 3/4", "~1453", "191", "")), t.rows());
    // 2017: only 单王乡 and only the hotline column
    WideTable.Table t17 = p.table(2017, CATALOG);
    assertEquals(List.of("乡镇代码", "乡镇名称", "所属县区", "状态", "咨询投诉数", "备注"), t17.header());
    assertEquals(List.of("341503", "合计", "裕安区", "已报送 1/4", "38", ""), t17.rows().get(4));
    assertEquals("未报送", t17.rows().get(0).get(3));
    assertNull(p.table(2016, CATALOG));
  }

  @Test
  void sumMarks() {
    assertEquals("5", new WideTable.Cell(5, Qualifier.EXACT).text());
    assertEquals("1000+", new WideTable.Cell(1000, Qualifier.LOWER_BOUND).text());
    assertEquals("~200", new WideTable.Cell(200, Qualifier.APPROXIMATE).text());
    WideTable.Piece p = WideTable.district("341503", List.of(2018), GAZ, CATALOG, List.of(
        obs(2018, "341503100", "npc_suggestions", 3, Qualifier.EXACT),
        obs(2018, "341503111", "npc_suggestions", 4, Qualifier.LOWER_BOUND)));
    assertEquals("7+", p.table(2018, CATALOG).rows().get(4).get(4));
    // a derived figure shows as a plain value
    Observation derived = new Observation(2018, "341503100", "published_total", 300, Qualifier.EXACT, true, "s", 0, 0,
        "s.csv", "line 1", 1, "");
    p = WideTable.district("341503", List.of(2018), GAZ, CATALOG, List.of(derived));
    assertEquals("300", p.table(2018, CATALOG).rows().get(0).get(4));
  }

  @Test
  void requestedYearWithoutData() {
    WideTable.Piece p = WideTable.district("341504", List.of(2018), GAZ, CATALOG, List.of());
    WideTable.Table t = p.table(2018, CATALOG);
    assertEquals(List.of("乡镇代码", "乡镇名称", "所属县区", "状态", "备注"), t.header());
    assertEquals(List.of(List.of("341504001", "史河街道", "叶集区", "未报送", ""), List.of("341504", "合计", "叶集区", "已报送 0/1", "")),
        t.rows());
  }

  @Test
  void wholeJobFromPieces() throws Exception {
    WideTable.Piece yuan = roundTrip(WideTable.district("341503", null, GAZ, CATALOG, yuan()));
    WideTable.Piece jinan = roundTrip(WideTable.district("341502", null, GAZ, CATALOG, List.of(
        obs(2018, "341502100", "published_total", 854, Qualifier.EXACT),
        obs(2018, "341502100", "hotline_cases", 60, Qualifier.LOWER_BOUND))));
    SortedMap<Integer, WideTable.Table> all = WideTable.combine(List.of(yuan, jinan), GAZ, CATALOG);
    assertEquals(List.of(2017, 2018), List.copyOf(all.keySet()));
    WideTable.Table t = all.get(2018);
    assertEquals(List.of("乡镇代码", "乡镇名称", "所属县区", "状态", "主动公开信息总数", "其他渠道公开信息数", "咨询投诉数", "备注"), t.header());
    List<String> names = t.rows().stream().map(r -> r.get(0) + " " + r.get(1)).toList();
    assertEquals(List.of(
        "341502001 中市街道", "341502100 木厂镇", "341502 合计",
        "341503100 苏埠镇", "341503110 =HYPERLINK(\"http://x\")", "341503111 江家店镇", "341503200 单王乡", "341503 合计",
        " 总计"), names, "the job's districts only: 叶集区 of the gazetteer has no piece");
    assertEquals(List.of("341502", "合计", "金安区", "已报送 1/2", "854", "", "60+", ""), t.rows().get(2));
    assertEquals(List.of("341503", "合计", "裕安区", "已报送 3/4", "", "~1453", "191", ""), t.rows().get(7));
    assertEquals(List.of("", "总计", "", "已报送 4/6", "854", "~1453", "251+", ""), t.rows().get(8));
    // 2017: 金安区 has no 2017 block, so its townships are 未报送
    WideTable.Table t17 = all.get(2017);
    assertEquals("未报送", t17.rows().get(0).get(3));
    assertEquals(List.of("", "总计", "", "已报送 1/6", "38", ""), t17.rows().get(t17.rows().size() - 1));
    assertEquals("wide/2018/all.csv", WideTable.allPath(2018));
    assertThrows(IllegalArgumentException.class, () -> WideTable.combine(2018, List.of(yuan, yuan), GAZ, CATALOG));
  }

  @Test
  void writtenAsExcelCsv(@TempDir Path dir) throws IOException {
    WideTable.Piece p = WideTable.district("341503", null, GAZ, CATALOG, yuan());
    WideTable.Table t = p.table(2018, CATALOG);
    TableWriter.writeCsv(dir.toString(), p.path(2018), t.header(), t.records(), true);
    byte[] bytes = Files.readAllBytes(dir.resolve("wide/2018/341503-裕安区.csv"));
    assertEquals((byte) 0xEF, bytes[0]);
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertTrue(text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), text);
    assertTrue(text.contains("341503,合计,裕安区,已报送 3/4,~1453,191,"), text);
  }

  @Test
  void safeFileNames() {
    assertEquals("a_b_c", WideTable.safeFileName("a/b\\c"));
    assertEquals("_..", WideTable.safeFileName(".."));
    assertEquals("裕安区", WideTable.safeFileName("裕安区"));
  }

  @SuppressWarnings("unchecked")
  public static <T> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
