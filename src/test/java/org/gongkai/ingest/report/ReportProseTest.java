package org.gongkai.ingest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Prose rules: wording, numbers in every form, exclusions of other years, plans and running totals. */
class ReportProseTest {

  /** metric → "value qualifier[ derived]" for a report of the given year. */
  static Map<String, String> figures(String text, int year) {
    Map<String, String> out = new TreeMap<>();
    for (Figure f : ReportFixtures.extract(text, year).figures()) {
      out.put(f.metric(), f.value() + " " + f.qualifier().code() + (f.derived() ? " derived" : ""));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '#',
      value = {
        "全年共主动公开政府信息1245条。# published_total # 1245 exact",
        "通过政务公开网站主动公开各类信息786条。# published_website # 786 exact",
        "其他类型公开1000余条。# published_other # 1000 lower_bound",
        "通过微信公众号发布信息120条。# published_other # 120 exact",
        "全年发布政策解读二十九篇。# policy_interpretations # 29 exact",
        "发布29条政策解读。# policy_interpretations # 29 exact",
        "政策解读方面，全年共发布12篇。# policy_interpretations # 12 exact",
        "公开重点领域信息30多条。# key_area_items # 30 lower_bound",
        "共受理政府信息公开申请５件。# applications_received # 5 exact",
        "依申请公开方面，我镇全年共受理3件。# applications_received # 3 exact",
        "我镇未发生有受理政府信息公开申请情况。# applications_received # 0 exact",
        "本年度未收到公民、法人或其他组织提出的政府信息公开申请。# applications_received # 0 exact",
        "上年结转申请2件。# applications_carried_over_in # 2 exact",
        "受理申请5件，其中予以公开3件。# applications_granted # 3 exact",
        "受理申请5件，部分公开1件。# applications_partially_granted # 1 exact",
        "受理申请5件，因信息不存在无法提供一件。# applications_unavailable # 1 exact",
        "受理申请5件，本年度办结5件。# applications_completed # 5 exact",
        "受理申请5件，结转下年度办理1件。# applications_carried_over_out # 1 exact",
        "收到咨询投诉（市长热线）共79条。# hotline_cases # 79 exact",
        "全年受理12345热线工单约150件。# hotline_cases # 150 approximate",
        "受理12345热线工单45件，已办结43件。# hotline_cases_responded # 43 exact",
        "收到并回复咨询投诉79条。# hotline_cases # 79 exact",
        "收到人大代表建议4件。# npc_suggestions # 4 exact",
        "收到政协委员提案4件。# cppcc_proposals # 4 exact",
        "发生行政诉讼案件1起。# lawsuits # 1 exact",
        "因政府信息公开申请引起的行政复议1件。# admin_reconsiderations # 1 exact",
        "全年承办人大代表建议十余件。# npc_suggestions # 10 lower_bound",
        "全年通过门户网站公开信息1.2万条。# published_website # 12000 exact",
        "全年通过门户网站公开信息逾200条。# published_website # 200 lower_bound",
        "全年通过门户网站公开信息近1100条。# published_website # 1100 approximate",
        "全年通过门户网站公开信息280条左右。# published_website # 280 approximate",
        "全年主动公开政府信息共计1,056条。# published_total # 1056 exact",
        "全年主动公开政府信息 56 条。# published_total # 56 exact",
        "全年主动公开政府信息１ ３１８条。# published_total # 1318 exact",
      })
  void wording(String sentence, String metric, String expected) {
    assertEquals(expected.strip(), figures(sentence.strip(), 2018).get(metric.strip()), sentence);
  }

  @Test
  void allAnsweredGivesTheDerivedResponseCount() {
    Map<String, String> f = figures("我镇2018年度收到咨询投诉（市长热线）共79条，均已及时回复。", 2018);
    assertEquals("79 exact", f.get("hotline_cases"));
    assertEquals("79 exact derived", f.get("hotline_cases_responded"));
    Map<String, String> g = figures("全年共受理群众咨询、投诉等诉求93件，办结率100%。", 2018);
    assertEquals("93 exact derived", g.get("hotline_cases_responded"));
    // 均已办结 after proposals is not about the hotline
    assertFalse(figures("收到人大代表建议4件，均已办结。", 2018).containsKey("hotline_cases_responded"));
  }

  @Test
  void proposalsTogetherSeparatelyAndSplit() {
    Map<String, String> each = figures("本年度承办人大代表建议和政协委员提案各3件。", 2018);
    assertEquals("3 exact", each.get("npc_suggestions"));
    assertEquals("3 exact", each.get("cppcc_proposals"));
    Map<String, String> split = figures("承办人大代表建议和政协委员提案分别为5件、3件。", 2018);
    assertEquals("5 exact", split.get("npc_suggestions"));
    assertEquals("3 exact", split.get("cppcc_proposals"));
    ExtractedReport combined = ReportFixtures.extract("本年度共承办人大代表建议和政协委员提案九件。", 2018);
    assertTrue(combined.figures().isEmpty(), "a combined figure without its split is no figure");
    assertTrue(combined.warnings().stream().anyMatch(w -> w.contains("combined")));
    Map<String, String> withSplit = figures("共承办人大代表建议和政协委员提案九件，其中人大代表建议六件、政协委员提案三件。", 2018);
    assertEquals("6 exact", withSplit.get("npc_suggestions"));
    assertEquals("3 exact", withSplit.get("cppcc_proposals"));
  }

  @Test
  void zerosAreStatedNotAssumed() {
    Map<String, String> f = figures("2018年，我镇未发生因政府信息公开引起的行政复议、行政诉讼案件。", 2018);
    assertEquals("0 exact", f.get("admin_reconsiderations"));
    assertEquals("0 exact", f.get("lawsuits"));
    assertFalse(f.containsKey("applications_received"), "被申请行政复议 is not an application");
    Map<String, String> none = figures("五、行政复议、行政诉讼情况\n\n无。\n", 2018);
    assertEquals("0 exact", none.get("admin_reconsiderations"));
    assertEquals("0 exact", none.get("lawsuits"));
    assertTrue(figures("全年工作有序推进，成效明显。", 2018).isEmpty(), "nothing stated, nothing read");
  }

  @Test
  void otherYearsPlansAndRunningTotalsAreNotThisYearsFigures() {
    Map<String, String> f =
        figures(
            """
            2016年，我镇主动公开政府信息约900条。
            去年同期发布政策解读25篇。
            全年主动公开政府信息1380条，较2017年增加260条，同比增长23%。
            截至2018年底，我镇累计公开信息5000余条。
            自2014年开通专栏以来，累计公开信息4200余条。
            2019年，我镇将继续加大公开力度，力争公开信息1500条以上。
            下一步，计划发布政策解读不少于20条。
            上年结转申请1件。
            """,
            2018);
    assertEquals(Map.of("published_total", "1380 exact", "applications_carried_over_in", "1 exact"), f);
    // 累计 with this year named is this year's count
    assertEquals("386 exact", figures("2017年，单王乡累计主动公开政府信息386条。", 2017).get("published_total"));
  }

  @Test
  void planSectionsAreSkipped() {
    Map<String, String> f =
        figures(
            """
            二、政策解读情况

            我镇2018年度共发布政策解读29条。

            八、政务公开存在的问题及改进措施

            二、下步打算。2018年，我镇将严格按照区电子政务办要求，发布政策解读40条。
            """,
            2018);
    assertEquals(Map.of("policy_interpretations", "29 exact"), f);
  }

  @Test
  void partsAfterQizhongAreNotTheWhole() {
    Map<String, String> f = figures("我镇2018年度共发布重点领域信息30余条。其中政府年度重点工作落实公开18条。重大建设项目1项，相关信息公开8条。", 2018);
    assertEquals(Map.of("key_area_items", "30 lower_bound"), f);
  }

  @Test
  void overlappingChannelsAreKeptAsStated() {
    Map<String, String> f = figures("2018年共主动公开政府信息400条。其中，通过门户网站发布300条，通过微信公众号推送120条。", 2018);
    assertEquals("400 exact", f.get("published_total"));
    assertEquals("300 exact", f.get("published_website"));
    assertEquals("120 exact", f.get("published_other"));
    assertTrue(ReportFixtures.extract("共主动公开政府信息400条。其中，通过门户网站发布300条，通过微信公众号推送120条。", 2018)
        .warnings().stream().noneMatch(w -> w.startsWith("inconsistent")));
  }

  @Test
  void totalFromWebsiteAndOtherChannelsIsDerived() {
    Map<String, String> f = figures("政务公开网站主动公开各类信息786条。其他类型公开1000余条。", 2018);
    assertEquals("1786 lower_bound derived", f.get("published_total"));
    Map<String, String> g = figures("通过门户网站公开634条，通过政务微信公众号发布信息215条，通过政务公开栏公开信息380余条。", 2018);
    assertEquals("595 lower_bound derived", g.get("published_other"));
  }

  @Test
  void traditionalCharactersAndPdfLineBreaks() {
    Map<String, String> f =
        figures(
            """
            2017年，我鎮在門戶網站主動公開政府資訊862條，全年發佈政策解讀19篇。
            行政復議和行政訴訟：2017年，我鎮未發生因政府資訊公開引起的行政復議和行政訴訟。
            全年共收到群眾諮詢投訴47條，均已及時答覆。
            """,
            2017);
    assertEquals("862 exact", f.get("published_website"));
    assertEquals("19 exact", f.get("policy_interpretations"));
    assertEquals("0 exact", f.get("lawsuits"));
    assertEquals("47 exact derived", f.get("hotline_cases_responded"));
    Map<String, String> g =
        figures("    2018年，我镇共承办区人大代表建议７件、市政\n协委员提案４件，发生行政诉讼案件１\n起，均已审结。\n", 2018);
    assertEquals("4 exact", g.get("cppcc_proposals"));
    assertEquals("1 exact", g.get("lawsuits"));
  }

  @Test
  void evidenceAndOffsetPointAtTheSentence() {
    String text = "前言。\n\n2018年政务公开网站主动公开各类信息786条。";
    Figure f = ReportFixtures.extract(text, 2018).figure("published_website").orElseThrow();
    assertEquals(text.indexOf("786"), f.offset());
    assertEquals("2018年政务公开网站主动公开各类信息786条", f.evidence());
  }

  @Test
  void contradictionsAreWarningsNotFixes() {
    ExtractedReport r = ReportFixtures.extract("共主动公开政府信息300条，其中门户网站公开500条。", 2018);
    assertEquals(500, r.figure("published_website").orElseThrow().value());
    assertEquals(300, r.figure("published_total").orElseThrow().value());
    assertTrue(r.warnings().stream().anyMatch(w -> w.contains("inconsistent") && w.contains("published_website")));
  }
}
