package org.gongkai.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.audit.Finding;
import org.gongkai.audit.Severity;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.rollup.Obs;
import org.junit.jupiter.api.Test;

class HtmlTopFindingsTest {
  private static final MetricCatalog CATALOG = MetricCatalog.standard();

  @Test
  void eachDistrictsFirstFindingsAndTheCountsOfTheRest() {
    List<String> districts = HtmlReportFixture.districtCodes(3);
    Gazetteer gaz = HtmlReportFixture.gazetteer(districts, 2);
    HtmlTopFindings top = new HtmlTopFindings(3);
    for (int i = 0; i < districts.size(); i++) {
      String d = districts.get(i);
      List<Observation> winners = List.of(Obs.of(2018, d + "100", "hotline_cases", 5));
      List<Finding> findings = new ArrayList<>();
      if (i == 0) { // two errors, two warnings, one note: three shown, two left
        findings.add(finding(d, "APPLICATION_BALANCE", Severity.ERROR, "收支不平甲"));
        findings.add(finding(d, "OUTCOMES_SUM", Severity.ERROR, "结果不符乙"));
        findings.add(finding(d, "OUTLIER", Severity.WARNING, "远高于丙"));
        findings.add(finding(d, "YOY_JUMP", Severity.WARNING, "猛增丁"));
        findings.add(finding(d, "ESTIMATED_VALUE", Severity.INFO, "估计值戊"));
      } else if (i == 1) {
        findings.add(finding(d, "OUTLIER", Severity.WARNING, "唯一一条"));
      }
      top.add(HtmlReport.section(d, null, gaz, CATALOG, List.of(), winners, findings));
    }
    StringBuilder b = new StringBuilder();
    top.appendTo(b);
    String html = b.toString();
    assertTrue(html.startsWith("<section id=\"top-findings\">"), html);
    assertTrue(html.contains("收支不平甲") && html.contains("结果不符乙") && html.contains("远高于丙"), html);
    assertFalse(html.contains("猛增丁") || html.contains("估计值戊"), "beyond the first 3");
    assertTrue(html.contains("其余 2 条（错误 0，警告 1，提示 1）见 findings 表。"), html);
    assertTrue(html.contains("唯一一条"), html);
    assertEquals(2, html.split("<details", -1).length - 1, "a district without findings is not listed");
    assertEquals(1, html.split("其余 ", -1).length - 1, "nothing left over in the district with one finding");
  }

  private static Finding finding(String district, String rule, Severity s, String message) {
    return new Finding(rule, s, "township", district + "100", district, 2018, null, message, "", null, null);
  }
}
