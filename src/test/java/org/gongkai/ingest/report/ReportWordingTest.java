package org.gongkai.ingest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The kinds of wording of real reports (issue 18), each rule with sentences written here (not
 * copied from any report): what the whole figure set of a short text must be, so that a rule
 * that reads too much fails as surely as one that reads too little.
 */
class ReportWordingTest {

  /** All figures of a text as "metric=value qualifier", sorted, for a report of 2020. */
  static String figures(String text) {
    Map<String, String> out = new TreeMap<>();
    for (Figure f : ReportFixtures.extract(text, 2020).figures()) {
      out.put(f.metric(), f.value() + (f.qualifier().code().equals("exact") ? "" : " " + f.qualifier().code()));
    }
    return out.toString();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '#',
      value = {
        // a number and its unit apart, or a number wrapped onto the next line
        "全年主动公开政府信息 42 条。# {published_total=42}",
        "全年主动公开政府信息\\n42\\n条。# {published_total=42}",
        // the total first, then the website and the other channels
        "通过镇政府网站主动公开政府信息640条，其中政府网站公开500条，其他渠道公开140条。# {published_other=140, published_total=640, published_website=500}",
        // the ways applications arrived are not publication channels
        "全年受理政府信息公开申请6件，其中当面申请2件，网上申请3件，信函申请1件。# {applications_received=6}",
        // counts of the report's own parts and of work rules
        "本报告由总体情况、主动公开情况等五个部分组成。# {}",
        "建立健全信息发布审核等四项制度。# {}",
        // items sent to higher levels are not items published
        "全年向区政府报送政务信息58条，被采纳21条。# {}",
        "上报被采纳信息19条。# {}",
        // one item of an enumeration of categories is not the count's metric
        "其中在门户网站发布机构职能、重点领域、工作动态等信息共计77条。# {published_website=77}",
        // 无一例: not a single one
        "本年度无一例因政府信息公开引起的行政复议。# {admin_reconsiderations=0}",
        // combined zeros and combined counts
        "全年承办建议提案0件。# {cppcc_proposals=0, npc_suggestions=0}",
        "全年承办建议提案9件。# {}",
        "未发生政府信息公开行政复议案件、行政诉讼案件。# {admin_reconsiderations=0, lawsuits=0}",
        "没有发生针对本单位的行政复议或提起行政诉讼的情况。# {admin_reconsiderations=0, lawsuits=0}",
        // since the first day of the report year is this year; since another year is a running total
        "自2020年1月1日以来，我镇主动公开政府信息96条。# {published_total=96}",
        "自2016年以来，我镇累计主动公开政府信息960条。# {}",
        // 政府信息公开共N条
        "本年度政府信息公开共215条。# {published_total=215}",
        // one channel's items on one topic are not that channel's total
        "在镇官方微博发布防汛信息35条。# {}",
        "通过政府网站发布疫情防控信息47条。# {}",
        // a district's or city's figure quoted in a township's report
        "2020年，全区共主动公开政府信息3200条，我镇主动公开政府信息150条。# {published_total=150}",
        // running totals up to now
        "截至目前，我镇共主动公开政府信息900条。# {}",
        // zero statements that name several things at once
        "本年度政府信息公开申请、行政复议、行政诉讼均为零。# {admin_reconsiderations=0, applications_received=0, lawsuits=0}",
        "全年未发生复议、诉讼和申诉。# {admin_reconsiderations=0, lawsuits=0}",
        "五、人大代表建议和政协委员提案办理情况\\n无。# {cppcc_proposals=0, npc_suggestions=0}",
        "五、建议提案办理情况\\n无。# {cppcc_proposals=0, npc_suggestions=0}",
        // numbers that are not counts: list numbers glued to a year, a hotline's name, rates
        "2.2020年度，全镇主动公开政府信息30条。# {published_total=30}",
        "通过“12345”政务服务热线受理群众诉求230件，办结率98%。# {hotline_cases=230}",
        "依据《条例》第9条，全年主动公开政府信息71条。# {published_total=71}",
        // text damaged on the way: traditional script, half-width punctuation
        "我鎮全年主動公開政府資訊120條。# {published_total=120}",
        "全年主动公开政府信息 64 条,其中政府网站公开 50 条.# {published_total=64, published_website=50}",
        // a part named inside a larger figure
        "共受理群众来电来信120件，其中12345转办85件。# {hotline_cases=120}",
      })
  void wording(String text, String expected) {
    assertEquals(expected, figures(text.replace("\\n", "\n")));
  }

  @Test
  void theStatisticalPeriodGivesTheYearWhenTheTitleHasNoneOrTheOpeningQuotesAnother() {
    assertEquals(2020, ReportFixtures.extract("根据《条例》，现发布《青峰镇2019年政府信息公开工作年度报告》。"
        + "本报告统计期限自2020年1月1日起至2020年12月31日止。全年主动公开政府信息50条。").year());
    assertEquals(2019, ReportFixtures.extract("青峰镇政府信息公开工作年度报告\n本报告所列数据的统计期限为2019年1月1日至12月31日。").year());
    assertEquals(2018, ReportFixtures.extract("青峰镇2018年政府信息公开工作年度报告\n本报告统计期限自2018年1月1日起。").year());
  }

  @Test
  void countsOfSeveralChannelsNamedTogetherAreUncertain() {
    ExtractedReport r = ReportFixtures.extract("通过镇微博、微信公众号分别发布信息41条、63条。", 2020);
    assertEquals(List.of(), r.figures());
    assertEquals(1, r.uncertain().size());
    Uncertain u = r.uncertain().get(0);
    assertEquals(41, u.value());
    assertEquals(List.of("published_other"), u.candidates());
    assertTrue(u.evidence().contains("分别发布信息41条"), u.evidence());
  }
}
