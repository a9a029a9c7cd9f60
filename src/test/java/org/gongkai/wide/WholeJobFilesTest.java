package org.gongkai.wide;

import org.gongkai.html.HtmlReport;
import org.gongkai.html.HtmlReportFixture;
import org.gongkai.html.HtmlTopFindings;
import org.gongkai.table.OutputFile;
import org.gongkai.table.TableWriter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongkai.audit.Finding;
import org.gongkai.audit.Severity;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.rollup.Obs;
import org.gongkai.rollup.RollupRow;
import org.gongkai.rollup.Rollups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole-job files assembled from streamed parts are the files that the pure functions make
 * from everything held at once: {@code wide/YYYY/all.csv} as {@link WideTable#combine} and
 * {@code report.html} as {@link HtmlReport#render}, with more findings and district-years than
 * the page shows, districts spread over groups out of order, and districts without data.
 */
class WholeJobFilesTest {
  private static final MetricCatalog CATALOG = MetricCatalog.standard();

  @Test
  void streamedPartsGiveTheSameFilesAsEverythingAtOnce(@TempDir Path staging) throws Exception {
    List<String> districts = HtmlReportFixture.districtCodes(120);
    Gazetteer gaz = HtmlReportFixture.gazetteer(districts, 4);
    List<WideTable.Piece> pieces = new ArrayList<>();
    List<HtmlReport.Section> sections = new ArrayList<>();
    for (int i = 0; i < districts.size(); i++) {
      if (i % 7 == 3) {
        continue; // no data at all: only the gazetteer knows the district
      }
      String d = districts.get(i);
      List<Observation> winners = new ArrayList<>();
      List<Finding> findings = new ArrayList<>();
      for (int year : List.of(2017, 2018, 2019)) {
        if (year == 2019 && i % 2 == 0) {
          continue; // a year some districts lack
        }
        for (int t = 0; t < 4; t++) {
          winners.add(Obs.of(year, d + "10" + t, "hotline_cases", 10 + t + i));
          if (year != 2017 || i % 3 == 0) { // a column stated by few districts in 2017
            winners.add(Obs.of(year, d + "10" + t, "npc_suggestions", t * i % 9));
          }
        }
      }
      if (i == 50) {
        winners.add(Obs.of(2018, "999999101", "hotline_cases", 3)); // not in the gazetteer's list
      }
      for (int k = 0; k < (i % 3) * 4; k++) { // errors in many districts, more than the page lists
        findings.add(new Finding("OUTCOMES_SUM", Severity.ERROR, "township", d + "10" + (k % 4), d, 2018,
            "applications_completed", "m" + (k * 7 % 5), "f line " + k, (long) k, 4L));
      }
      findings.add(new Finding("ESTIMATED_VALUE", Severity.INFO, "township", d + "100", d, 2017, "hotline_cases", "m",
          "e", 10L, null));
      List<RollupRow> rollup = Rollups.rollUp("district", d, Rollups.shares(winners, CATALOG), gaz, CATALOG);
      pieces.add(WideTable.district(d, null, gaz, CATALOG, winners));
      sections.add(HtmlReport.section(d, null, gaz, CATALOG, rollup, winners, findings));
    }
    // Three groups, each given every third district in code order (the last step must merge them).
    String dir = staging.toString();
    for (int g = 0; g < 3; g++) {
      try (WholeJobFiles.GroupParts parts = new WholeJobFiles.GroupParts(dir, "g0000" + g)) {
        for (int i = g; i < pieces.size(); i += 3) {
          parts.add(pieces.get(i));
          parts.add(sections.get(i));
        }
      }
    }

    List<HtmlReport.Fact> facts = List.of(new HtmlReport.Fact("版本", "test"));
    List<OutputFile> written = WholeJobFiles.writeAll(dir, gaz, CATALOG, "national", "2026-03-01", facts);
    List<OutputFile> wide = written.stream().filter(f -> f.path().endsWith("/all.csv")).toList();
    OutputFile report = written.get(written.size() - 1);
    Map<Integer, WideTable.Table> expected = WideTable.combine(pieces, gaz, CATALOG);
    assertEquals(List.of(2017, 2018, 2019), new ArrayList<>(expected.keySet()));
    assertEquals(3, wide.size());
    Path expectedDir = staging.resolveSibling(staging.getFileName() + "-expected");
    for (var e : expected.entrySet()) {
      OutputFile f = TableWriter.writeCsv(expectedDir.toString(), WideTable.allPath(e.getKey()), e.getValue().header(),
          e.getValue().records(), true);
      String want = Files.readString(expectedDir.resolve(f.path()), StandardCharsets.UTF_8);
      assertEquals(want, Files.readString(staging.resolve(f.path()), StandardCharsets.UTF_8), f.path());
      assertTrue(wide.contains(f), "listed with its rows and bytes: " + f);
    }
    assertTrue(Files.readString(staging.resolve(WideTable.allPath(2018))).contains("999999101"));
    assertFalse(Files.readString(staging.resolve(WideTable.allPath(2018))).contains(districts.get(3) + ","),
        "a district of the gazetteer without data is not the job's");
    for (WideTable.Piece p : pieces) { // every district's file of a year has the year's columns
      for (int year : p.years()) {
        String header = Files.readAllLines(staging.resolve(p.path(year))).get(0);
        assertEquals(expected.get(year).header(), List.of(header.substring(1).split(",")), p.path(year));
        assertTrue(written.stream().anyMatch(f -> f.path().equals(p.workbookPath(year))), p.workbookPath(year));
      }
    }

    assertEquals(WholeJobFiles.REPORT, report.path());
    String html = Files.readString(staging.resolve(WholeJobFiles.REPORT), StandardCharsets.UTF_8);
    HtmlTopFindings top = new HtmlTopFindings(org.gongkai.audit.AuditConfig.defaults().topFindings());
    sections.forEach(top::add); // each district's first findings, taken before the page's cut
    assertEquals(HtmlReport.render("national", "2026-03-01", sections, facts, List.of(), top), html);
    assertTrue(html.contains("<section id=\"top-findings\">"));
    assertEquals(sections.size(), report.rows());
    assertTrue(html.contains("此处按严重程度列出前 " + HtmlReport.FINDINGS_SHOWN + " 条"), "more findings than shown");
    assertTrue(html.contains("<svg"), "charts of the detailed district-years are back");
    assertFalse(html.contains("<article class=\"district\" id=\"d-110101-2017\"></article>"));
  }
}
