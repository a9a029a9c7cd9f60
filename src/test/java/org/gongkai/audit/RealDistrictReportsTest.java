package org.gongkai.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongkai.analysis.DistrictAnalysis;
import org.gongkai.ingest.Collector;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.ingest.report.ReportReader;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.StatedFigure;
import org.gongkai.normalize.RegionResolver;
import org.gongkai.job.Inputs;
import org.junit.jupiter.api.Test;

/**
 * The 43 real reports (src/test/resources/corpus/real) against the national gazetteer: the
 * district governments' reports are the districts' own figures, no department's or township's
 * report is, and none of them makes a HIERARCHY_MISMATCH. Skipped without the national gazetteer.
 */
class RealDistrictReportsTest {
  private static final Path CORPUS = Path.of("src/test/resources/corpus/real");
  private static final MetricCatalog CATALOG = MetricCatalog.standard();

  private static Path national() {
    for (String p : List.of("../shared/data/gazetteer", "../../shared/data/gazetteer")) {
      if (Files.isRegularFile(Path.of(p, "streets.csv"))) {
        return Path.of(p);
      }
    }
    return null;
  }

  @Test
  void districtReportsAreTheDistrictsOwnAndNoneIsAMismatch() throws Exception {
    Path folder = national();
    assumeTrue(folder != null, "the national gazetteer is not beside the project");
    Gazetteer gazetteer = Inputs.gazetteer(folder.toString());
    SourceSpec source = new SourceSpec("real", 0, SourceSpec.Format.REPORT, CORPUS.toString(), "auto", null, null,
        Map.of(), 0, null);
    ReportReader reader = new ReportReader(source, new RegionResolver(gazetteer), CATALOG, 1 << 22);
    Map<String, List<Observation>> townships = new TreeMap<>();
    Map<String, List<StatedFigure>> stated = new TreeMap<>();
    List<String> districtReports = new ArrayList<>();
    List<String> departments = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(CORPUS.resolve("truth.jsonl"))) {
      JsonNode truth = json.readTree(line);
      Path file = CORPUS.resolve(truth.get("file").asText());
      Collector sink = new Collector();
      reader.read(file.toString(), Files.readAllBytes(file), sink);
      String level = truth.get("level").asText();
      if (level.equals("district")) {
        if (!sink.stated.isEmpty()) {
          districtReports.add(file.getFileName() + " " + sink.stated.get(0).regionCode());
        }
      } else {
        assertTrue(sink.stated.isEmpty(), file + " is a " + level + "'s report, not a district's: " + sink.stated);
      }
      if (level.equals("department")) {
        departments.add(file.getFileName() + " " + (sink.rejects.isEmpty() ? "accepted " + sink.observations.size()
            : sink.rejects.get(0).reasonCode()));
      }
      sink.observations.forEach(o -> townships.computeIfAbsent(o.townshipCode().substring(0, 6), k -> new ArrayList<>()).add(o));
      sink.stated.forEach(s -> stated.computeIfAbsent(s.regionCode(), k -> new ArrayList<>()).add(s));
    }
    // The other three district reports are excerpts without their title (two of them hard negatives): rejected as before.
    assertEquals(List.of("50_xingxian-xian_2015.txt 141123"), districtReports);
    // A department's report is never a district's or a township's; where its title survives it says why.
    assertEquals(List.of("19_heping-fagaiwei_2019.txt DEPARTMENT_REPORT", "23_tongzhou-ju_2019.txt MISSING_YEAR",
        "41_dizhenju-trad_2010.txt MISSING_YEAR", "43_yongjia-nongyeju_2010.txt DEPARTMENT_REPORT",
        "52_yongjia-tongjiju_2015.txt DEPARTMENT_REPORT", "68_taian-shangwuju_2020.txt MISSING_YEAR"), departments);
    List<String> mismatches = new ArrayList<>();
    for (String district : stated.keySet()) {
      DistrictAnalysis.Result r = DistrictAnalysis.analyse(district, townships.getOrDefault(district, List.of()),
          List.of(), List.of(), stated.get(district), gazetteer, CATALOG, AuditConfig.defaults());
      assertEquals(r.stated().size(), r.stated().stream().map(s -> s.figure().observation().metric() + s.figure()
          .observation().year()).distinct().count());
      r.findings().stream().filter(f -> f.rule().equals("HIERARCHY_MISMATCH")).forEach(f -> mismatches.add(f.message()));
    }
    assertEquals(List.of(), mismatches);
  }
}
