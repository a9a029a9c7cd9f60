package org.gongkai.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.gongkai.SampleData;
import org.gongkai.analysis.DistrictAnalysis;
import org.gongkai.ingest.EncodingDetector;
import org.gongkai.ingest.ReadSink;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.ingest.report.ReportExtractor;
import org.gongkai.ingest.report.ReportReader;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.Reject;
import org.gongkai.model.ReportFacts;
import org.gongkai.model.ReportFingerprint;
import org.gongkai.normalize.RegionResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * LATE_PUBLICATION, REPORT_SECTION_MISSING and TEXT_TABLE_MISMATCH: on planted reports (each
 * fires where planted and nowhere else), on the sample reports and the 43 real reports (never),
 * and the deadlines by regime, level and job file.
 */
class ReportRulesTest {
  private static final MetricCatalog CATALOG = MetricCatalog.standard();
  private static final Path PLANTED = Path.of("src/test/resources/corpus/reportfacts");
  private static final Set<String> REPORT_RULES = Set.of("LATE_PUBLICATION", "REPORT_SECTION_MISSING", "TEXT_TABLE_MISMATCH");

  @ParameterizedTest(name = "{0} {1} → {2}")
  @CsvSource(textBlock = """
      township,   2018, 2019-03-31
      county,     2018, 2019-03-31
      department, 2008, 2009-03-31
      township,   2019, 2020-01-31
      county,     2019, 2020-03-31
      department, 2023, 2024-01-31
      """)
  void deadlinesByRegimeAndLevel(String level, int year, String due) {
    Deadlines.Due d = Deadlines.defaults().due(level, year);
    assertEquals(LocalDate.parse(due), d.date());
    assertTrue(d.rule().contains(year < 2019 ? "第三十一条" : "第四十九条"), d.rule());
  }

  @Test
  void theJobSetsTheDeadlinesFromTheNewRegimeOn() {
    Deadlines d = new Deadlines(MonthDay.of(3, 31), MonthDay.of(3, 31), MonthDay.of(2, 15));
    assertEquals(LocalDate.of(2022, 3, 31), d.due("township", 2021).date());
    assertEquals(LocalDate.of(2022, 2, 15), d.due("department", 2021).date());
    assertTrue(d.due("township", 2021).rule().contains("audit.deadlines.township"));
    assertEquals(LocalDate.of(2018, 3, 31), d.due("department", 2017).date(), "the 2008 条例 knows no other date");
  }

  /** Reads one planted report alone and returns the findings of the rules on reports. */
  private static List<Finding> findingsOf(Path file, AuditConfig config) throws Exception {
    SourceSpec source = new SourceSpec("planted", 0, SourceSpec.Format.REPORT, file.toString(), "auto", null, null, Map.of(), 0,
        null);
    List<Observation> obs = new ArrayList<>();
    List<ReportFingerprint> fps = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    new ReportReader(source, new RegionResolver(SampleData.gazetteer()), CATALOG, 20L << 20).read(file.toString(),
        Files.readAllBytes(file), new ReadSink() {
          @Override
          public void observation(Observation o) {
            obs.add(o);
          }

          @Override
          public void reject(Reject r) {
            rejects.add(r);
          }

          @Override
          public void fingerprint(ReportFingerprint f) {
            fps.add(f);
          }

          @Override
          public void stated(org.gongkai.model.StatedFigure s) {
            throw new AssertionError("a township's report states no district figure: " + s);
          }
        });
    assertEquals(List.of(), rejects);
    assertEquals(1, fps.size());
    String district = fps.get(0).townshipCode().substring(0, 6);
    return DistrictAnalysis.analyse(district, obs, fps, List.of(), SampleData.gazetteer(), CATALOG, config).findings().stream()
        .filter(f -> REPORT_RULES.contains(f.rule())).toList();
  }

  private static String summary(List<Finding> findings) {
    return String.join(" / ", findings.stream()
        .map(f -> f.rule() + " " + f.regionCode() + " " + f.year() + " " + f.metric() + " " + f.value() + " " + f.referenceValue())
        .toList());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      341502108-2020-late-page.txt          | LATE_PUBLICATION 341502108 2020 null 33 null
      341502108-2020-ontime-signature.txt   |
      341504102-2021-ontime-page.html       |
      341504102-2021-late-signature.html    | LATE_PUBLICATION 341504102 2021 null 10 null
      341502108-2020-text-contradicts.txt   | TEXT_TABLE_MISMATCH 341502108 2020 applications_received 9 4
      341502105-2021-no-legal.txt           | REPORT_SECTION_MISSING 341502105 2021 null 1 null
      341502108-2020-no-other.txt           | REPORT_SECTION_MISSING 341502108 2020 null 1 null
      341503106-2020-no-other-signed.txt    | REPORT_SECTION_MISSING 341503106 2020 null 1 null
      341502108-2020-no-table.txt           | REPORT_SECTION_MISSING 341502108 2020 null 1 null
      documents/341504102-2021-late-signature.html.docx     | LATE_PUBLICATION 341504102 2021 null 10 null
      documents/341504102-2021-late-signature.html.word.pdf | LATE_PUBLICATION 341504102 2021 null 10 null
      documents/341504102-2021-ontime-page.html.docx        |
      documents/341504102-2021-ontime-page.html.word.pdf    |
      """)
  void plantedReportsFireWherePlantedAndNowhereElse(String file, String expected) throws Exception {
    assertEquals(expected == null ? "" : expected, summary(findingsOf(PLANTED.resolve(file), AuditConfig.defaults())));
  }

  @Test
  void messagesNameTheDateTheDeadlineTheRuleAndTheSections() throws Exception {
    Finding late = findingsOf(PLANTED.resolve("341502108-2020-late-page.txt"), AuditConfig.defaults()).get(0);
    assertEquals("孙岗镇 2020 年报告的发布日期为 2021-03-05（页面发布时间「发布时间：2021-03-05 09:30 来源：孙岗镇 浏览次数：」），"
        + "晚于截止日期 2021-01-31 33 天（2019 年《中华人民共和国政府信息公开条例》第四十九条：乡镇人民政府、街道办事处（按省级规定）"
        + "的年度报告于每年 1 月 31 日前公布（任务文件 audit.deadlines.township））", late.message());
    assertTrue(late.evidence().endsWith("341502108-2020-late-page.txt offset 47「发布时间：2021-03-05 09:30 来源：孙岗镇 浏览次数：」"),
        late.evidence());
    Finding signed = findingsOf(PLANTED.resolve("341504102-2021-late-signature.html"), AuditConfig.defaults()).get(0);
    assertTrue(signed.message().contains("2022-02-10（报告末尾落款「二〇二二年二月十日」），晚于截止日期 2022-01-31 10 天"),
        signed.message());
    Finding legal = findingsOf(PLANTED.resolve("341502105-2021-no-legal.txt"), AuditConfig.defaults()).get(0);
    assertEquals("东河口镇 2021 年报告缺少年度报告格式要求的部分：四、政府信息公开行政复议、行政诉讼情况"
        + "（国办公开办函〔2019〕60号、〔2021〕30号规定的年度报告格式）", legal.message());
    assertTrue(legal.evidence().endsWith("已找到：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；"
        + "五、存在的主要问题及改进情况；六、其他需要报告的事项"), legal.evidence());
    Finding table = findingsOf(PLANTED.resolve("341502108-2020-no-table.txt"), AuditConfig.defaults()).get(0);
    assertTrue(table.message().contains("以下部分有文字但没有格式要求的表格：二、主动公开政府信息情况"), table.message());
    Finding text = findingsOf(PLANTED.resolve("341502108-2020-text-contradicts.txt"), AuditConfig.defaults()).get(0);
    assertEquals("孙岗镇 2020 年报告正文中本年新收申请数为 9，而报告自己的表格中为 4：同一数字前后不一致（采用表格中的数字）",
        text.message().replace(CATALOG.byKey("applications_received").orElseThrow().labelZh(), "本年新收申请数"));
    assertTrue(text.evidence().contains("offset 155「全年共收到政府信息公开申请9件，均已按时办结」; "), text.evidence());
    assertTrue(text.evidence().endsWith("offset 712「一、本年新收政府信息公开申请数量 | 4 | 0 | 0 | 0 | 0 | 0 | 4」"), text.evidence());
  }

  @Test
  void aLaterTownshipDeadlineFromTheJob() throws Exception {
    AuditConfig d = AuditConfig.defaults();
    AuditConfig march = new AuditConfig(d.outlierZ(), d.outlierMinDifference(), d.outlierMinRatio(), d.yoyFactor(), d.yoyMinimum(),
        d.reuseSimilarity(), d.robustMinUnits(), d.regionReportsCoverTownships(), d.missingDistrictShare(), d.topFindings(),
        new Deadlines(MonthDay.of(3, 31), MonthDay.of(3, 31), MonthDay.of(1, 31)));
    assertEquals("", summary(findingsOf(PLANTED.resolve("341502108-2020-late-page.txt"), march)));
  }

  @Test
  void noDateNoFindingAndNoSectionRuleBefore2019() {
    ReportFacts undated = new ReportFacts("template", null, null, null, null, List.of("overview"), List.of("published"),
        List.of(), true, List.of());
    ReportFacts prose = new ReportFacts("prose", "2018-04-02", "page", "offset 3", "发布时间：2018-04-02", List.of(),
        List.of("overview"), List.of(), true, List.of());
    List<Finding> f = AuditRules.evaluate(new AuditInput("341502", List.of(), List.of(), List.of(),
        List.of(new ReportFingerprint(2020, "341502108", "a.txt", new int[0], undated),
            new ReportFingerprint(2017, "341502105", "b.txt", new int[0], prose)),
        SampleData.gazetteer(), CATALOG, AuditConfig.defaults()));
    assertEquals("REPORT_SECTION_MISSING 341502108 2020 null 1 null / LATE_PUBLICATION 341502105 2017 null 2 null",
        summary(f.stream().filter(x -> REPORT_RULES.contains(x.rule()))
            .sorted(java.util.Comparator.comparing(Finding::year).reversed()).toList()));
  }

  @Test
  void theSampleReportsGiveNoneOfTheseFindings() throws Exception {
    try (Stream<Path> files = Files.list(SampleData.ROOT.resolve("reports"))) {
      for (Path p : files.filter(x -> x.getFileName().toString().matches("\\d{9}-\\d{4}.*")).sorted().toList()) {
        assertEquals("", summary(findingsOf(p, AuditConfig.defaults())), p.toString());
      }
    }
  }

  /**
   * The 43 real reports (src/test/resources/corpus/real, each with the year of its truth.jsonl)
   * give none of these findings: each was looked at by hand — the pre-2019 dates are before 31
   * March, the later ones before 31 January, and every template report there is cut short (only
   * its first ~2000 bytes are kept), which must not read as sections missing.
   */
  @Test
  void theRealReportsGiveNoneOfTheseFindings() throws Exception {
    Path real = Path.of("src/test/resources/corpus/real");
    ReportExtractor extractor = new ReportExtractor(CATALOG);
    ObjectMapper json = new ObjectMapper();
    int reports = 0;
    int dated = 0;
    for (String line : Files.readAllLines(real.resolve("truth.jsonl"))) {
      JsonNode t = json.readTree(line);
      Path file = real.resolve(t.get("file").asText());
      String text = ReportExtractor.text(file.toString(), EncodingDetector.decode(Files.readAllBytes(file), "auto").text());
      int year = t.get("report_year").asInt();
      ReportFacts facts = extractor.extract(text, year, null).facts();
      dated += facts.publishedOn() == null ? 0 : 1;
      ReportFingerprint fp = new ReportFingerprint(year, "341502108", file.toString(), new int[] {1}, facts);
      List<Finding> f = AuditRules.evaluate(new AuditInput("341502", List.of(), List.of(), List.of(), List.of(fp),
          SampleData.gazetteer(), CATALOG, AuditConfig.defaults()));
      assertEquals("", summary(f.stream().filter(x -> REPORT_RULES.contains(x.rule())).toList()), file.toString());
      reports++;
    }
    assertEquals(43, reports);
    assertEquals(11, dated, "the real reports whose page states a date (03, 11, 14, 29, 40, 43, 44, 50, 52, 55, 64)");
  }
}
