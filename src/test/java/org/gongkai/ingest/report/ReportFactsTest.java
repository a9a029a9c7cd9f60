package org.gongkai.ingest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gongkai.SampleData;
import org.gongkai.ingest.EncodingDetector;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.ReportFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a report says about itself: its publication date (from the page or the signature), the
 * template sections it has and lacks, and the figures its text states differently from its table.
 * The planted reports are in src/test/resources/corpus/reportfacts (each a sample report with one
 * change, see its name).
 */
class ReportFactsTest {
  static final Path PLANTED = Path.of("src/test/resources/corpus/reportfacts");
  private static final ReportExtractor EXTRACTOR = new ReportExtractor(MetricCatalog.standard());
  private static final List<String> ALL_SIX = List.of("overview", "published", "applications", "legal", "problems", "other");

  static ReportFacts facts(Path file) throws IOException, DocumentProblem {
    byte[] bytes = Files.readAllBytes(file);
    DocumentKind kind = DocumentKind.of(bytes);
    String name = file.getFileName().toString();
    Integer year = Integer.valueOf(name.replaceAll("^\\d{9}-(\\d{4}).*", "$1"));
    if (kind != DocumentKind.TEXT) {
      DocumentText doc = DocumentReader.read(kind, bytes, 500);
      return EXTRACTOR.extract(doc.text(), year, null, doc::locate).facts();
    }
    String text = ReportExtractor.text(name, EncodingDetector.decode(bytes, "auto").text());
    return EXTRACTOR.extract(text, year, null).facts();
  }

  private static PublicationDate.Found date(String text) {
    return PublicationDate.find(text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      标题\\n发布时间:2019-02-20 00:00 阅读次数:\\n正文                      | 2019-02-20 | page | 发布时间:2019-02-20 00:00 阅读次数:
      标题\\n发布日期: 2017-03-21\\n正文                                    | 2017-03-21 | page | 发布日期: 2017-03-21
      标题\\n时间:2016-03-05 00:00 大 中 小\\n正文                          | 2016-03-05 | page | 时间:2016-03-05 00:00 大 中 小
      标题\\n日期：2023-01-11 来源：五常市人民政府\\n正文                    | 2023-01-11 | page | 日期：2023-01-11 来源：五常市人民政府
      标题\\n2022年01月18日来源:1\\n正文                                    | 2022-01-18 | page | 2022年01月18日来源:1
      标题\\n成文日期 2024-01-16 发布机构 下各镇\\n发布日期: 2024-01-20\\n正文 | 2024-01-20 | page | 发布日期: 2024-01-20
      标题\\n公文生成日期:2017-01-03\\n时间:2017-01-16 15:13\\n正文           | 2017-01-16 | page | 时间:2017-01-16 15:13
      标题\\n发布时间：２０２１年３月５日\\n正文                              | 2021-03-05 | page | 发布时间：２０２１年３月５日
      标题\\n正文。\\n\\n某某镇人民政府\\n2023年1月18日\\n                   | 2023-01-18 | signature | 2023年1月18日
      标题\\n正文。\\n某某镇人民政府\\n（2021年2月3日）\\n\\n打印\\n关闭     | 2021-02-03 | signature | （2021年2月3日）
      标题\\n正文。\\n某某镇人民政府\\n二〇二二年二月十日                      | 2022-02-10 | signature | 二〇二二年二月十日
      标题\\n正文。\\n二〇二〇年十二月三十一日                                 | 2020-12-31 | signature | 二〇二〇年十二月三十一日
      标题\\n发布时间:2020-01-20\\n正文。\\n2020年1月10日                      | 2020-01-20 | page | 发布时间:2020-01-20
      某镇2017年度报告\\n\\n某镇人民政府\\n2018年1月20日\\n\\n一、总体情况\\n一。\\n二。\\n三。\\n四。\\n五。\\n六。 | 2018-01-20 | title | 2018年1月20日
      某镇2019年度报告\\n（2020年1月）\\n正文。\\n某镇人民政府\\n2020年1月9日   | 2020-01-09 | signature | 2020年1月9日
      """)
  void thePublicationDateAndWhereItWasRead(String text, String date, String where, String evidence) {
    PublicationDate.Found f = date(text.replace("\\n", "\n"));
    assertEquals(date, f.date().toString());
    assertEquals(where, f.where());
    assertEquals(evidence, f.evidence());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      标题\\n日期 2019-02-20\\n正文
      标题\\n统计时间：2019-01-01至2019-12-31\\n正文
      标题\\n本报告数据统计期限为2019年1月1日至2019年12月31日。
      标题\\n正文写于2023年1月18日，以下是正文。\\n又一段正文。
      标题\\n一\\n二\\n三\\n四\\n2023年1月18日\\n这之后还有正文七行\\n一\\n二\\n三\\n四\\n五\\n六
      标题\\n发布时间：2019-02-30\\n正文
      """)
  void noDateIsGuessed(String text) {
    assertNull(date(text.replace("\\n", "\n")));
  }

  @Test
  void theSeedReportWasPublishedOnItsPagesDate() throws Exception {
    Path seed = SampleData.ROOT.resolve("reports/341503111-2018-jiangjiadian.txt"); // the seed report, as it is
    String text = ReportExtractor.text(seed.toString(), EncodingDetector.decode(Files.readAllBytes(seed), "auto").text());
    ReportFacts f = EXTRACTOR.extract(text, null, null).facts();
    assertEquals("2019-02-20", f.publishedOn());
    assertEquals("page", f.publishedWhere());
    assertEquals("发布时间:2019-02-20 00:00 阅读次数:", f.publishedEvidence());
    assertEquals(List.of(), f.sectionsMissing(), "a 2018 report is not held to the template's sections");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      341502108-2020-late-page.txt          | 2021-03-05 | page      | offset 47
      341502108-2020-ontime-signature.txt   | 2021-01-18 | signature | offset 2488
      341504102-2021-ontime-page.html       | 2022-01-20 | page      | offset 51
      341504102-2021-late-signature.html    | 2022-02-10 | signature | offset 2141
      341503106-2020-no-other-signed.txt    | 2021-01-25 | signature | offset 1787
      documents/341504102-2021-late-signature.html.docx     | 2022-02-10 | signature | paragraph 13
      documents/341504102-2021-late-signature.html.word.pdf | 2022-02-10 | signature | page 5 line 9
      documents/341504102-2021-ontime-page.html.docx        | 2022-01-20 | page      | paragraph 2
      documents/341504102-2021-ontime-page.html.word.pdf    | 2022-01-20 | page      | page 1 line 2
      """)
  void plantedDates(String file, String date, String where, String locator) throws Exception {
    ReportFacts f = facts(PLANTED.resolve(file));
    assertEquals(date, f.publishedOn());
    assertEquals(where, f.publishedWhere());
    assertEquals(locator, f.publishedLocator());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      341502105-2021-no-legal.txt          | legal |
      341502108-2020-no-other.txt          | other |
      341503106-2020-no-other-signed.txt   | other |
      341502108-2020-no-table.txt          |       | published
      341502108-2020-late-page.txt         |       |
      341504102-2021-late-signature.html   |       |
      """)
  void plantedSections(String file, String missing, String tableMissing) throws Exception {
    ReportFacts f = facts(PLANTED.resolve(file));
    assertEquals(missing == null ? List.of() : List.of(missing), f.sectionsMissing());
    assertEquals(tableMissing == null ? List.of() : List.of(tableMissing), f.tablesMissing());
    assertTrue(f.complete());
    List<String> found = ALL_SIX.stream().filter(k -> !k.equals(missing)).toList();
    assertEquals(found, f.sectionsFound());
    assertEquals("template", f.format());
  }

  @Test
  void aTextThatContradictsItsTable() throws Exception {
    ReportFacts f = facts(PLANTED.resolve("341502108-2020-text-contradicts.txt"));
    assertEquals(1, f.mismatches().size());
    ReportFacts.Mismatch m = f.mismatches().get(0);
    assertEquals("applications_received", m.metric());
    assertEquals("9", m.textValue());
    assertEquals(4, m.tableValue());
    assertEquals("全年共收到政府信息公开申请9件，均已按时办结", m.textEvidence());
    assertEquals("一、本年新收政府信息公开申请数量 | 4 | 0 | 0 | 0 | 0 | 0 | 4", m.tableEvidence());
    assertEquals("offset 155", m.textLocator());
    assertEquals("offset 712", m.tableLocator());
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      全年共收到政府信息公开申请9件。        | 1
      全年共收到政府信息公开申请4件。        | 0
      全年共收到政府信息公开申请3余件。      | 0
      全年共收到政府信息公开申请5余件。      | 1
      全年共收到政府信息公开申请约9件。      | 0
      """)
  void anEstimateContradictsOnlyWhenItMust(String sentence, int mismatches) throws Exception {
    String text = Files.readString(SampleData.ROOT.resolve("reports/341502108-2020-sungang.txt"))
        .replace("    及时回应社会关切。", "    及时回应社会关切。" + sentence);
    assertEquals(mismatches, EXTRACTOR.extract(text, 2020, null).facts().mismatches().size());
  }

  @Test
  void theSampleReportsAreWhole() throws Exception {
    try (var files = Files.list(SampleData.ROOT.resolve("reports"))) {
      for (Path p : files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches("\\d{9}-\\d{4}.*"))
          .sorted().toList()) {
        ReportFacts f = facts(p);
        assertEquals(List.of(), f.sectionsMissing(), p.toString());
        assertEquals(List.of(), f.tablesMissing(), p.toString());
        assertEquals(List.of(), f.mismatches(), p.toString());
        if (Integer.parseInt(p.getFileName().toString().substring(10, 14)) >= 2019) {
          assertEquals(ALL_SIX, f.sectionsFound(), p.toString());
        }
      }
    }
  }

  @Test
  void aTextCutShortOrBegunMidReportLacksNothing() throws Exception {
    String whole = Files.readString(SampleData.ROOT.resolve("reports/341502108-2020-sungang.txt"));
    ReportFacts cut = EXTRACTOR.extract(whole.substring(0, whole.indexOf("四、政府信息公开行政复议")) + "    行政复议", 2020, null)
        .facts();
    assertEquals(List.of(), cut.sectionsMissing());
    assertEquals(List.of(), cut.tablesMissing());
    assertFalse(cut.complete());
    ReportFacts begun = EXTRACTOR.extract(whole.substring(whole.indexOf("    二、主动公开政府信息情况")), 2020, null).facts();
    assertEquals(List.of(), begun.sectionsMissing(), "no title: the text may begin mid-report");
    assertEquals(ALL_SIX.subList(1, 6), begun.sectionsFound());
  }

  /** The same reports as .docx, .doc and PDF (both layouts) have the sections of their HTML. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(textBlock = """
      341503104-2019-dushan.html.docx
      341503104-2019-dushan.html.doc
      341503104-2019-dushan.html.word.pdf
      341503104-2019-dushan.html.chromium.pdf
      341504102-2021-sanyuan.html.docx
      341504102-2021-sanyuan.html.doc
      341504102-2021-sanyuan.html.word.pdf
      """)
  void documentsHaveTheSectionsOfTheirHtml(String file) throws Exception {
    ReportFacts doc = facts(SampleData.ROOT.resolve("reports/documents/" + file));
    ReportFacts html = facts(SampleData.ROOT.resolve("reports/" + file.substring(0, file.indexOf(".html") + 5)));
    assertEquals(ALL_SIX, doc.sectionsFound());
    assertEquals(html.sectionsFound(), doc.sectionsFound());
    assertEquals(html.sectionsMissing(), doc.sectionsMissing());
    assertEquals(html.tablesMissing(), doc.tablesMissing());
    assertEquals(html.complete(), doc.complete());
  }
}
