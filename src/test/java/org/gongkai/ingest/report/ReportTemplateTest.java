package org.gongkai.ingest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The template tables, 2019 and 2021 layouts, as HTML tables and flattened in several ways. */
class ReportTemplateTest {

  static final String T2_2021 =
      """
      二、主动公开政府信息情况
      第二十条第（一）项
      信息内容|本年制发件数|本年废止件数|现行有效件数
      规章|0|0|0
      行政规范性文件|3|1|12
      第二十条第（五）项
      信息内容|本年处理决定数量
      行政许可|58
      第二十条第（六）项
      信息内容|本年处理决定数量
      行政处罚|7
      行政强制|0
      第二十条第（八）项
      信息内容|本年收费金额（单位：万元）
      行政事业性收费|0.5
      """;

  static final String T2_2019_LINES =
      """
      二、主动公开政府信息情况

      第二十条第（一）项

      信息内容

      本年新
      制作数量

      本年新
      公开数量

      对外公开
      总数量

      规章

      0

      0

      0

      规范性文件

      2

      2

      9

      第二十条第（五）项

      信息内容

      上一年项目数量

      本年增/减

      处理决定数量

      行政许可

      12

      0

      36

      其他对外管理服务事项

      5

      0

      0
      """;

  /** Table 三 rows: label cells, then the applicant values (total last). */
  static String t3(String sep, boolean layout2021, int[] received, int[] granted, int[] unavailable) {
    List<String> rows = new ArrayList<>();
    rows.add("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" + sep + "申请人情况");
    rows.add("自然人" + sep + "法人或其他组织" + sep + "总计");
    rows.add(String.join(sep, "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"));
    rows.add("一、本年新收政府信息公开申请数量" + sep + cells(sep, received));
    rows.add("二、上年结转政府信息公开申请数量" + sep + cells(sep, new int[7]));
    rows.add("三、本年度办理结果" + sep + "（一）予以公开" + sep + cells(sep, granted));
    rows.add("（二）部分公开（区分处理的，只计这一情形，不计其他情形）" + sep + cells(sep, new int[7]));
    String[] denied = {"1．属于国家秘密", "2．其他法律行政法规禁止公开", "3．危及“三安全一稳定”", "4．保护第三方合法权益",
        "5．属于三类内部事务信息", "6．属于四类过程性信息", "7．属于行政执法案卷", "8．属于行政查询事项"};
    for (int i = 0; i < denied.length; i++) {
      rows.add((i == 0 ? "（三）不予公开" + sep : "") + denied[i] + sep + cells(sep, new int[7]));
    }
    String[] unavail = {"1．本机关不掌握相关政府信息", "2．没有现成信息需要另行制作", "3．补正后申请内容仍不明确"};
    for (int i = 0; i < unavail.length; i++) {
      rows.add((i == 0 ? "（四）无法提供" + sep : "") + unavail[i] + sep + cells(sep, i == 0 ? unavailable : new int[7]));
    }
    String[] notProc = {"1．信访举报投诉类申请", "2．重复申请", "3．要求提供公开出版物", "4．无正当理由大量反复申请", "5．要求行政机关确认或重新出具已获取信息"};
    for (int i = 0; i < notProc.length; i++) {
      rows.add((i == 0 ? "（五）不予处理" + sep : "") + notProc[i] + sep + cells(sep, new int[7]));
    }
    if (layout2021) {
      rows.add("（六）其他处理" + sep + "1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请" + sep + cells(sep, new int[7]));
      rows.add("2．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请" + sep + cells(sep, new int[7]));
      rows.add("3．其他" + sep + cells(sep, new int[7]));
    } else {
      rows.add("（六）其他处理" + sep + cells(sep, new int[7]));
    }
    int[] total = new int[7];
    for (int i = 0; i < 7; i++) {
      total[i] = granted[i] + unavailable[i];
    }
    rows.add("（七）总计" + sep + cells(sep, total));
    rows.add("四、结转下年度继续办理" + sep + cells(sep, new int[7]));
    return "三、收到和处理政府信息公开申请情况\n" + String.join("\n", rows) + "\n";
  }

  static String cells(String sep, int[] v) {
    List<String> s = new ArrayList<>();
    for (int x : v) {
      s.add(String.valueOf(x));
    }
    return String.join(sep, s);
  }

  static final int[] RECEIVED = {6, 1, 0, 0, 1, 0, 8};
  static final int[] GRANTED = {3, 1, 0, 0, 0, 0, 4};
  static final int[] UNAVAILABLE = {3, 0, 0, 0, 1, 0, 4};

  static final String T4 =
      """
      四、政府信息公开行政复议、行政诉讼情况
      行政复议|行政诉讼
      结果维持|结果纠正|其他结果|尚未审结|总计|未经复议直接起诉|复议后起诉
      结果维持|结果纠正|其他结果|尚未审结|总计|结果维持|结果纠正|其他结果|尚未审结|总计
      1|0|0|1|2|0|0|0|1|1|1|0|0|0|1
      五、存在的主要问题及改进情况
      无。
      """;

  static Map<String, String> figures(ExtractedReport r) {
    Map<String, String> out = new TreeMap<>();
    for (Figure f : r.figures()) {
      out.put(f.metric(), f.value() + (f.derived() ? " derived" : ""));
    }
    return out;
  }

  static ExtractedReport extract(String text, int year) {
    return ReportFixtures.extract("六安市金安区东河口镇" + year + "年政府信息公开工作年度报告\n\n" + text, year);
  }

  @Test
  void layout2021WithRowsJoinedByPipes() {
    ExtractedReport r = extract(T2_2021 + t3("|", true, RECEIVED, GRANTED, UNAVAILABLE) + T4, 2021);
    assertEquals("template", r.format());
    assertEquals("2021", r.layout());
    Map<String, String> f = figures(r);
    assertEquals("0", f.get("rules_issued"));
    assertEquals("3", f.get("regulatory_docs_issued"));
    assertEquals("1", f.get("regulatory_docs_repealed"));
    assertEquals("12", f.get("regulatory_docs_in_force"));
    assertEquals("58", f.get("licensing_decisions"));
    assertEquals("7", f.get("penalty_decisions"));
    assertEquals("0", f.get("coercion_decisions"));
    assertEquals("8", f.get("applications_received"));
    assertEquals("0", f.get("applications_carried_over_in"));
    assertEquals("4", f.get("applications_granted"));
    assertEquals("0", f.get("applications_partially_granted"));
    assertEquals("0 derived", f.get("applications_denied"));
    assertEquals("4 derived", f.get("applications_unavailable"));
    assertEquals("0 derived", f.get("applications_other_outcome"), "2021: the sum of its three reasons");
    assertEquals("8", f.get("applications_completed"));
    assertEquals("0", f.get("applications_carried_over_out"));
    assertEquals("2", f.get("admin_reconsiderations"));
    assertEquals("2 derived", f.get("lawsuits"));
    assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    Figure received = r.figure("applications_received").orElseThrow();
    assertTrue(received.evidence().startsWith("一、本年新收政府信息公开申请数量 | 6 | 1"), received.evidence());
  }

  @Test
  void layout2019AsOneCellPerLineWithBlankLines() {
    String t3 = t3("\n\n", false, RECEIVED, GRANTED, UNAVAILABLE);
    ExtractedReport r = extract(T2_2019_LINES + "\n" + t3 + "\n" + T4.replace("|", "\n\n"), 2020);
    assertEquals("2019", r.layout());
    Map<String, String> f = figures(r);
    assertEquals("0", f.get("rules_issued"));
    assertEquals("2", f.get("regulatory_docs_issued"), "2019: 规范性文件 本年新制作数量");
    assertFalse(f.containsKey("regulatory_docs_in_force"), "对外公开总数量 is not the number in force");
    assertEquals("36", f.get("licensing_decisions"));
    assertEquals("8", f.get("applications_received"));
    assertEquals("0", f.get("applications_other_outcome"), "2019: a row of its own");
    assertEquals("8", f.get("applications_completed"));
    assertEquals("2 derived", f.get("lawsuits"));
  }

  @Test
  void htmlTablesAreReadCellByCell() {
    String html =
        """
        <html><head><meta charset="utf-8"><title>裕安区独山镇2019年政府信息公开工作年度报告</title></head><body>
        <p>二、主动公开政府信息情况</p>
        <table border="1">
        <tr><td colspan="4">第二十条第（一）项</td></tr>
        <tr><td>信息内容</td><td><p>本年新</p><p>制作数量</p></td><td>本年新<br>公开数量</td><td>对外公开总数量</td></tr>
        <tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
        <tr><td>规范性文件</td><td>2</td><td>2</td><td>9</td></tr>
        <tr><td colspan="4">第二十条第（五）项</td></tr>
        <tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td></tr>
        <tr><td>行政许可</td><td>12</td><td></td><td>36</td></tr>
        </table>
        <p>四、政府信息公开行政复议、行政诉讼情况</p>
        <table border="1">
        <tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
        <tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td>
        <td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
        <tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>
        <td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
        <tr><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td>
        <td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
        </table></body></html>
        """;
    ExtractedReport r = ReportFixtures.extract(ReportExtractor.text("r.html", html));
    assertEquals(2019, r.year());
    assertEquals("裕安区独山镇", r.regionText());
    Map<String, String> f = figures(r);
    assertEquals("2", f.get("regulatory_docs_issued"));
    assertEquals("36", f.get("licensing_decisions"), "an empty cell keeps the columns aligned");
    assertEquals("0", f.get("admin_reconsiderations"));
    assertEquals("0 derived", f.get("lawsuits"));
  }

  @Test
  void whitespaceColumnsWithHeaderCellsSplitOverTwoLines() {
    String text =
        """
        二、主动公开政府信息情况
                              第二十条第（一）项
           信息内容      本年新      本年新      对外公开
                         制作数量    公开数量    总数量
           规章            0           0           0
           规范性文件      1           1           6
                              第二十条第（五）项
           信息内容      上一年      本年增/减    处理决定数量
                         项目数量
           行政许可        2           0           6
        三、收到和处理政府信息公开申请情况
                                                  申请人情况
          （本列数据的勾稽关系为：第一项加第二项之和，     法人或其他组织
          等于第三项加第四项之和）       自然人   商业  科研  社会公益  法律服务  其他   总计
                                                  企业  机构  组织      机构
          一、本年新收政府信息公开申请数量    4    0    0    0    0    0    4
          二、上年结转政府信息公开申请数量    1    0    0    0    0    0    1
        """;
    Map<String, String> f = figures(extract(text, 2020));
    assertEquals("1", f.get("regulatory_docs_issued"));
    assertEquals("6", f.get("licensing_decisions"));
    assertEquals("4", f.get("applications_received"));
    assertEquals("1", f.get("applications_carried_over_in"));
  }

  @Test
  void aRowWhoseCellsCannotBePlacedGivesNothingAndAWarning() {
    String t3 = t3("\n", false, RECEIVED, GRANTED, UNAVAILABLE).replace("一、本年新收政府信息公开申请数量\n6\n1\n", "一、本年新收政府信息公开申请数量\n6\n");
    ExtractedReport r = extract(t3, 2020);
    assertNull(figures(r).get("applications_received"));
    assertEquals("4", figures(r).get("applications_granted"));
    assertTrue(r.warnings().stream().anyMatch(w -> w.contains("6 values for 7 columns")), r.warnings().toString());
    assertEquals(1, r.partsNotRead().size(), r.partsNotRead().toString());
    assertEquals("表三 行「一、本年新收政府信息公开申请数量」", r.partsNotRead().get(0).part());
    assertEquals("6 个数值对应 7 列，无法对齐，未读取", r.partsNotRead().get(0).why());
    // a reason row that cannot be placed: its group total is not given either
    String broken = t3("|", false, RECEIVED, GRANTED, UNAVAILABLE).replace("2．没有现成信息需要另行制作|0|0|0|0|0|0|0", "2．没有现成信息需要另行制作|0|0|0");
    ExtractedReport b = extract(broken, 2020);
    assertNull(figures(b).get("applications_unavailable"));
    assertTrue(b.warnings().stream().anyMatch(w -> w.contains("unavailable")), b.warnings().toString());
  }

  @Test
  void aTableWithLabelsButNoValuesGivesNothing() {
    String empty = t3("|", true, RECEIVED, GRANTED, UNAVAILABLE).replaceAll("\\|\\d+", "|");
    ExtractedReport r = extract(empty, 2021);
    assertTrue(r.figures().isEmpty(), figures(r).toString());
    String blankLines = t3("\n\n", true, RECEIVED, GRANTED, UNAVAILABLE).replaceAll("(?m)^\\d+$", "");
    assertTrue(extract(blankLines, 2021).figures().isEmpty());
  }

  @Test
  void layoutComesFromTheColumnLabelsNotTheYearOrTheNotice() {
    String cites2021 = "根据国办公开办函〔2021〕30号要求编制本报告。\n" + T2_2019_LINES;
    assertEquals("2019", extract(cites2021, 2021).layout());
    assertEquals("2021", extract("根据国办公开办函〔2019〕60号要求。\n" + T2_2021, 2020).layout());
  }

  @Test
  void contradictionsInTheTablesAreWarnings() {
    int[] badTotal = {3, 1, 0, 0, 0, 0, 5}; // granted total 5 while the others add to 4
    String t3 = t3("|", false, RECEIVED, badTotal, UNAVAILABLE);
    ExtractedReport r = extract(t3, 2020);
    assertEquals("5", figures(r).get("applications_granted"), "the figure as stated");
    assertTrue(r.warnings().stream().anyMatch(w -> w.contains("inconsistent")), r.warnings().toString());
  }

  @Test
  void proseOfATemplateReportIsReadTooButNotTheTables() {
    String text = "一、总体情况\n2021年，共主动公开政府信息1318条，全年受理行政复议申请0件。\n" + T2_2021 + t3("|", true, RECEIVED, GRANTED, UNAVAILABLE) + T4;
    Map<String, String> f = figures(extract(text, 2021));
    assertEquals("1318", f.get("published_total"));
    assertEquals("2", f.get("admin_reconsiderations"), "the table wins over the prose");
    assertTrue(extract(text, 2021).warnings().stream().anyMatch(w -> w.contains("the table's figure is kept")));
  }

  @Test
  void aSectionHeadingWithNothingReadUnderItIsAPartNotRead() {
    String text = """
        一、总体情况
        本年度主动公开政府信息。
        三、收到和处理政府信息公开申请情况
        表格见附件2
        四、政府信息公开行政复议、行政诉讼情况
        无
        """;
    ExtractedReport r = extract(text, 2020);
    assertEquals(1, r.partsNotRead().size(), r.partsNotRead().toString());
    PartNotRead p = r.partsNotRead().get(0);
    assertEquals("标题「三、收到和处理政府信息公开申请情况」之下", p.part());
    assertTrue(r.warnings().contains("section '三、收到和处理政府信息公开申请情况': nothing was read under its heading"),
        r.warnings().toString());
  }
}
