package org.gongkai.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gongkai.model.Division;
import org.gongkai.model.Gazetteer;
import org.junit.jupiter.api.Test;

/** A gazetteer read from a folder of the national division tables, and townships without their district. */
class GazetteerFolderTest {
  private static final Path SMALL = Path.of("src/test/resources/org/gongkai/ingest/national-tables");
  private static final Path NATIONAL = Path.of("../shared/data/gazetteer");

  private static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String name : GazetteerReader.FOLDER_FILES) {
      if (Files.exists(dir.resolve(name))) {
        files.put(name, Files.readAllBytes(dir.resolve(name)));
      }
    }
    return files;
  }

  @Test
  void theFourTablesMakeOneGazetteer() throws IOException {
    Gazetteer g = GazetteerReader.readFolder(SMALL.toString(), files(SMALL));
    assertEquals("安徽省六安市裕安区江家店镇", g.pathOf(g.get("341503102")), "quoted names, the extra columns left");
    assertEquals(Division.Level.DISTRICT, g.get("341503").level());
    assertEquals(2, g.townshipsOf("341503").size());
    assertEquals(3, g.townshipCount("34"));
  }

  @Test
  void aMissingTableIsNamed() throws IOException {
    Map<String, byte[]> files = files(SMALL);
    files.remove("areas.csv");
    var e = assertThrows(GazetteerReader.GazetteerException.class, () -> GazetteerReader.readFolder("gaz", files));
    assertEquals("gaz: a gazetteer folder must hold provinces.csv, cities.csv, areas.csv, streets.csv; areas.csv is missing",
        e.getMessage());
  }

  @Test
  void townshipsWithoutTheirDistrictAreAnError() {
    String townshipsOnly = "code,name\n341503102,江家店镇\n341503103,余关镇\n341502001,中市街道\n341502002,东市街道\n";
    var e = assertThrows(GazetteerReader.GazetteerException.class,
        () -> GazetteerReader.read("towns.csv", townshipsOnly.getBytes(UTF_8)));
    assertEquals("towns.csv: 4 townships lack their district (341502001 中市街道, 341502002 东市街道, 341503102 江家店镇, …);"
        + " the gazetteer must list the districts, cities and provinces above its townships (code and name, e.g. 341503,裕安区)",
        e.getMessage());
    String oneDistrict = "code,name\n341503,裕安区\n341503102,江家店镇\n";
    assertEquals(1, GazetteerReader.read("ok.csv", oneDistrict.getBytes(UTF_8)).townshipsOf("341503").size());
  }

  @Test
  void theNationalTablesWhenPresent() throws IOException {
    assumeTrue(Files.isRegularFile(NATIONAL.resolve("streets.csv")), "no national tables at " + NATIONAL);
    Gazetteer g = GazetteerReader.readFolder(NATIONAL.toString(), files(NATIONAL));
    long[] perLevel = new long[4];
    for (Division d : g.divisions()) {
      perLevel[d.level().ordinal()]++;
    }
    // the tables' line counts, less their headers
    assertEquals(Files.readAllLines(NATIONAL.resolve("provinces.csv")).size() - 1, perLevel[0]);
    assertEquals(Files.readAllLines(NATIONAL.resolve("cities.csv")).size() - 1, perLevel[1]);
    assertEquals(Files.readAllLines(NATIONAL.resolve("areas.csv")).size() - 1, perLevel[2]);
    assertEquals(Files.readAllLines(NATIONAL.resolve("streets.csv")).size() - 1, perLevel[3]);
    assertEquals("北京市市辖区东城区东华门街道", g.pathOf(g.get("110101001")));
    assertEquals("东华门街道", g.get("110101001").name());
  }
}
