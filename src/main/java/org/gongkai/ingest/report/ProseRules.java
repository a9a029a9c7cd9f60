package org.gongkai.ingest.report;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The wording of prose reports, as data: which words before (or just after) a count name which
 * metric, which sentences are about another year, a plan or a running total, and how zeros and
 * "all answered" are said. Patterns match the normalised text (NFKC, simplified, no spaces).
 * Order matters: the first rule whose keyword is in the lead of a count wins, so specific rules
 * (政策解读, 重点领域) come before general ones (主动公开…信息).
 */
final class ProseRules {
  private ProseRules() {}

  /** What kind of check a rule needs beyond its keyword. */
  enum Needs {
    NONE,
    HOTLINE_CONTEXT,
    APPLICATION_CONTEXT,
    /** A publication channel's rule: not when the lead speaks of how applications arrived (网上申请3件). */
    PUBLICATION_CONTEXT;

    /** Whether the rule needs the paragraph before the count, not only its lead. */
    boolean paragraph() {
      return this == HOTLINE_CONTEXT || this == APPLICATION_CONTEXT;
    }
  }

  /** The ways applications arrive (当面, 网上, 信函, 传真申请): the channels of a lead with these are not publication's. */
  static final QuickPattern APPLICATION_WAYS = QuickPattern.compile("申请|当面|信函|传真|来函|邮寄|电子邮件");

  /**
   * @param metric the catalog key the count gives
   * @param keyword words that name the metric in the lead of the count
   * @param trail whether the keyword may also follow the count ("29条政策解读")
   * @param summable whether figures of different channels in one paragraph add up (微信 + 微博)
   */
  record Rule(String metric, QuickPattern keyword, boolean trail, Needs needs, boolean summable) {}

  static final String HOTLINE_WORDS = "咨询投诉|市长热线|市长信箱|书记信箱|12345|热线|群众来信|来信来访|网民留言|网上留言|留言|来电|诉求|咨询|投诉|工单";
  static final String WEBSITE_WORDS = "政务公开网站|门户网站|政府网站|政务网站|信息公开网站?|信息公开平台|政务公开平台|信息公开专栏|网站|网上|网络平台";
  static final String CHANNEL_WORDS =
      "其他(?:渠道|类型|方式|形式|途径|载体|平台)|微信公众号|微信|微博|政务新媒体|新媒体|公开栏|公示栏|宣传栏|公告栏|宣传橱窗|电子显示屏|显示屏|广播|头条号|抖音|客户端|报刊|明白卡";
  static final QuickPattern HOTLINE = QuickPattern.compile(HOTLINE_WORDS);
  static final QuickPattern WEBSITE = QuickPattern.compile(WEBSITE_WORDS);
  static final QuickPattern CHANNEL = QuickPattern.compile(CHANNEL_WORDS);

  static final String NPC_WORDS = "人大代表建议|人大代表议案|人大代表提出的建议|人大建议|人大议案|代表建议";
  static final String CPPCC_WORDS = "政协委员提案|政协委员提出的提案|政协提案|委员提案";

  private static Rule rule(String metric, String keyword, boolean trail, Needs needs, boolean summable) {
    return new Rule(metric, QuickPattern.compile(keyword), trail, needs, summable);
  }

  /** Rules in priority order. Pairs (建议/提案, 复议/诉讼) are handled before these. */
  static final List<Rule> RULES =
      List.of(
          rule("hotline_cases_responded", "回复|答复|办结|回应|反馈|办理完毕|处理完毕", false, Needs.HOTLINE_CONTEXT, false),
          rule("policy_interpretations", "政策解读|解读|图解", true, Needs.NONE, false),
          rule("key_area_items", "重点领域", true, Needs.NONE, false),
          rule("npc_suggestions", NPC_WORDS, true, Needs.NONE, false),
          rule("cppcc_proposals", CPPCC_WORDS, true, Needs.NONE, false),
          rule("admin_reconsiderations", "行政复议", true, Needs.NONE, false),
          rule("lawsuits", "行政诉讼|诉讼", true, Needs.NONE, false),
          rule("applications_carried_over_in", "上一?年度?结转", false, Needs.NONE, false),
          rule("applications_carried_over_out", "结转(?:至|到)?下一?年|转入下一?年", false, Needs.NONE, false),
          rule("applications_partially_granted", "部分公开", false, Needs.NONE, false),
          rule("applications_denied", "不予公开", false, Needs.NONE, false),
          rule("applications_granted", "予以公开|同意公开|全部公开", false, Needs.NONE, false),
          rule("applications_unavailable", "无法提供|信息不存在|不掌握", false, Needs.NONE, false),
          rule("applications_not_processed", "不予处理", false, Needs.NONE, false),
          rule("applications_other_outcome", "其他处理|其他方式处理", false, Needs.NONE, false),
          rule("applications_completed", "办结|答复|办理完毕|已办理", true, Needs.APPLICATION_CONTEXT, false),
          rule("applications_received", "(?:受理|收到|接到|接收|接受|共有|办理)[^,]{0,12}申请|依申请公开|申请公开|公开申请", true, Needs.NONE, false),
          rule("hotline_cases", HOTLINE_WORDS, true, Needs.NONE, true),
          rule("published_other", CHANNEL_WORDS, false, Needs.PUBLICATION_CONTEXT, true),
          rule("published_website", WEBSITE_WORDS, false, Needs.PUBLICATION_CONTEXT, false),
          rule("published_total",
              "主动公开|(?:发布|公开|上传|推送|录入|公布)了?(?:各类|各项|各种|政务|政府|政务公开|政府信息公开){0,2}类?信息|公开信息|信息总数|公开总数"
                  + "|信息公开(?:共|总数|总量|数量|合计)",
              false, Needs.NONE, false));

  /** Leads that count something other than items, cases or proposals (visits, readers). */
  static final QuickPattern NOT_A_FIGURE = QuickPattern.compile("访问|浏览|点击|阅读|下载|粉丝|关注|转发|评论|培训|会议|座谈|(?:栏目|版块|专栏|账号|平台)$");

  /**
   * What a count is of when the words just after it say so, and it is not an item, a case or a
   * proposal: the parts of the report itself (六个部分, 七个方面), categories (二十九大类), the rules
   * of the work (七项工作制度, 三项措施).
   */
  static final QuickPattern NOT_ITEMS_AFTER =
      QuickPattern.compile("^(?:工作|管理|审核|公开)?(?:部分|方面|大类|类别|板块|章节|阶段|环节|制度|机制|措施|举措|原则|要求|专题|专栏|栏目)");

  /**
   * Items sent upward or compiled, not published by the body: 报送信息, 上报被采纳信息, 编发简报.
   * Checked in the lead of a count before any rule.
   */
  static final QuickPattern SENT_UPWARD = QuickPattern.compile("报送|上报|被采纳|采用|编发|简报|专报|呈报|报区|报市|报县");

  /**
   * A keyword that is one item of an enumeration (机构信息、重点领域、人事任免信息共计100条) names a
   * category of the items counted, not the count's metric.
   */
  static final QuickPattern LISTED = QuickPattern.compile("、$|^、");

  /** A clause that only names a topic ("依申请公开方面,"): its keyword may name a count after it. */
  static final QuickPattern TOPIC = QuickPattern.compile("(?:方面|情况|工作|领域)$");

  /** Two metrics named together: 人大代表建议和政协委员提案各4件, 行政复议、行政诉讼均为0件. */
  record Pair(String a, QuickPattern aWords, String b, QuickPattern bWords) {}

  static final List<Pair> PAIRS =
      List.of(
          new Pair("npc_suggestions", QuickPattern.compile(NPC_WORDS), "cppcc_proposals", QuickPattern.compile(CPPCC_WORDS)),
          new Pair("admin_reconsiderations", QuickPattern.compile("行政复议"), "lawsuits", QuickPattern.compile("诉讼")));

  /**
   * Two metrics counted as one (办理建议提案0件, 复议诉讼0件): a combined zero is each one's zero; a
   * combined count above zero cannot be split and gives neither.
   */
  static final List<Pair> COMBINED =
      List.of(
          new Pair("npc_suggestions", QuickPattern.compile("建议(?:和|、|及|与)?提案"), "cppcc_proposals", null),
          new Pair("admin_reconsiderations", QuickPattern.compile("复议(?:和|、|及|与)?(?:行政)?诉讼"), "lawsuits", null));

  /** The words just before a count that give it to both metrics of a pair. */
  static final QuickPattern EACH = QuickPattern.compile("(?:各|均|均为|都是|都为|各为|分别为?)$");

  /** A count: optional qualifier, digits or a Chinese numeral, optional 余/多, a unit. */
  static final QuickPattern COUNT =
      QuickPattern.compile(
          "(?:(?:大约|约|近|超过|逾|多于)(?=[\\d零〇一二两三四五六七八九十]))?"
              + "(?:(?<![\\d.,第])\\d+(?:,\\d{3})*(?:\\.\\d+)?万?"
              + "|(?<![\\d.,第统唯逐之单同无])[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万]*)"
              + "(?:余|多)?(?:" + String.join("|", Units.ALL) + ")(?:以上|左右)?(?!龙)");

  /** The units of a count, 人次 before 次 so that the longest matches. */
  private static final class Units {
    static final List<String> ALL = List.of("人次", "条", "件", "项", "篇", "份", "宗", "起", "次", "个", "期", "封", "批", "例");

    /** The first character of each: a text without any holds no count. */
    static final String INITIALS = ALL.stream().map(u -> u.substring(0, 1)).distinct().reduce("", String::concat);
  }

  /** Whether {@code s} holds the first character of a unit, which every {@link #COUNT} match does. */
  static boolean hasUnit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Units.INITIALS.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Sentences about a plan: they give no observation for this year. 计划生育 is removed first. */
  static final QuickPattern PLAN =
      QuickPattern.compile(
          "下一?步|明年|来年|今后|计划|打算|拟于|拟在|拟将|力争|争取|预计|目标是"
              + "|将(?:继续|进一步|严格|加大|持续|按照|努力|不断|切实|全面|重点|着力|认真|围绕|积极|实现|完成|确保|达到|做好|加强|推进|深化)");

  /** Running totals; without an explicit "this year" they are not this year's count. */
  static final QuickPattern CUMULATIVE_STRONG = QuickPattern.compile("至今|以来|历年|迄今|累计至|截至目前|截止目前|到目前为止|目前为止");

  static final QuickPattern CUMULATIVE = QuickPattern.compile("累计");
  static final QuickPattern UNTIL = QuickPattern.compile("截至|截止|到目前|到现在|年底|年末");
  /** Since the start of a named year (2023年1月1日以来): this year's count when it is the report's year. */
  static final QuickPattern SINCE_YEAR_START = QuickPattern.compile("((?:19|20)\\d\\d)年(?:1月(?:1日)?)?(?:以来|至今)");

  static final QuickPattern THIS_YEAR = QuickPattern.compile("本年|今年|全年|年内|当年|年度内|本年度");

  /** A year named in a clause: 2017年, 二〇一七年. */
  static final QuickPattern YEAR = QuickPattern.compile("(?<!\\d)((?:19|20)\\d\\d)年|([二〇零一三四五六七八九]{4})年");

  /** Last year, the year before; 上年结转 is this year's carried-over figure, not last year's. */
  static final QuickPattern RELATIVE_YEAR = QuickPattern.compile("(?:上一?年(?:度)?+|去年|前年)(?!结转|遗留|无结转|没有结转|未结转)");

  /** Clauses that compare with another year: their counts are differences or old figures. */
  static final QuickPattern COMPARISON = QuickPattern.compile("同比|环比|比上年|较上年|与上年|比去年|较去年|与去年|比\\d{4}年|较\\d{4}年|与\\d{4}年相比|相比|增长|下降|减少");

  /** A clause that lists parts of the figure before it. */
  static final QuickPattern PARTS = QuickPattern.compile("^(?:其中|包括|含)");

  /** A count whose lead says it is a part: "(其中图解类15篇)". */
  static final QuickPattern PART_LEAD = QuickPattern.compile("其中|包括|含");

  private static final String NEG = "(?:未(?:被|发生|收到|受理|接到|出现|有|产生|曾|承办|办理|提起)|没有(?:发生|收到|受理|接到|出现)?|(?<![并])无(?!论|法|正当|偿|需))";

  /** Zero statements per metric: 未收到政府信息公开申请 → 0. */
  static final List<Object[]> ZEROS =
      List.of(
          new Object[] {new String[] {"applications_received"}, QuickPattern.compile(NEG + "[^,]{0,30}?申请|依申请公开(?:申请)?(?:数量|件数)?(?:为零|为0|为无|:无$|无$)"), QuickPattern.compile("复议|诉讼|投诉|咨询")},
          new Object[] {new String[] {"admin_reconsiderations", "lawsuits"}, QuickPattern.compile(NEG + "[^,]{0,24}?(?:行政)?复议(?:案件|案|申请)?(?:和|、|及|或|与)?(?:提起|提出|引发)?(?:的)?(?:行政)?诉讼"), null},
          new Object[] {new String[] {"admin_reconsiderations"}, QuickPattern.compile(NEG + "[^,]{0,24}?行政复议"), null},
          new Object[] {new String[] {"lawsuits"}, QuickPattern.compile(NEG + "[^,]{0,24}?诉讼"), null},
          new Object[] {new String[] {"npc_suggestions", "cppcc_proposals"}, QuickPattern.compile(NEG + "[^,]{0,12}?(?:建议提案|建议和提案|(?:" + NPC_WORDS + ")(?:和|、|及|与)(?:" + CPPCC_WORDS + "))"), null},
          new Object[] {new String[] {"npc_suggestions"}, QuickPattern.compile(NEG + "[^,]{0,12}?(?:" + NPC_WORDS + ")"), null},
          new Object[] {new String[] {"cppcc_proposals"}, QuickPattern.compile(NEG + "[^,]{0,12}?(?:" + CPPCC_WORDS + ")"), null},
          new Object[] {new String[] {"hotline_cases"}, QuickPattern.compile(NEG + "[^,]{0,10}?(?:咨询投诉|热线|群众来信|网民留言)"), null},
          new Object[] {new String[] {"applications_carried_over_in"}, QuickPattern.compile("上一?年度?(?:无|没有|未)结转|无上一?年度?结转|上一?年度?结转(?:申请)?(?:为零|为0|为无)"), null});

  /**
   * Headings whose section says only "无。": the metrics they name are zero. Keyword → metrics.
   */
  static final List<Object[]> HEADING_ZEROS =
      List.of(
          new Object[] {Pattern.compile("依申请"), new String[] {"applications_received"}},
          new Object[] {Pattern.compile("行政复议"), new String[] {"admin_reconsiderations"}},
          new Object[] {Pattern.compile("诉讼"), new String[] {"lawsuits"}},
          new Object[] {Pattern.compile("人大|代表建议"), new String[] {"npc_suggestions"}},
          new Object[] {Pattern.compile("政协|委员提案"), new String[] {"cppcc_proposals"}},
          new Object[] {Pattern.compile("咨询投诉|热线"), new String[] {"hotline_cases"}},
          new Object[] {Pattern.compile("建议提案|建议和提案|建议、提案"), new String[] {"npc_suggestions", "cppcc_proposals"}});

  /** A list that ends in "all zero" (申请、行政复议、行政诉讼均为零): each item named is zero. */
  static final QuickPattern ALL_ZERO = QuickPattern.compile("(?:均|都|皆|全部|数量均|数均)(?:为|是)?(?:零|0|无)$");

  /** The items of such a list, split at 、/和/及/与/或. */
  static final Pattern LIST_SEPARATOR = Pattern.compile("[、和及与或]");

  /**
   * What an item of a zero list names: metric, words, words that make it another metric's (the
   * 申请 of 申请行政复议 is the reconsideration's).
   */
  static final List<Object[]> LIST_ITEMS =
      List.of(
          new Object[] {"applications_received", QuickPattern.compile("申请"), QuickPattern.compile("复议|诉讼|投诉|咨询")},
          new Object[] {"admin_reconsiderations", QuickPattern.compile("复议"), null},
          new Object[] {"lawsuits", QuickPattern.compile("诉讼"), null},
          new Object[] {"npc_suggestions", QuickPattern.compile(NPC_WORDS + "|建议提案|人大建议"), null},
          new Object[] {"cppcc_proposals", QuickPattern.compile(CPPCC_WORDS + "|建议提案|政协提案"), null});

  /**
   * Higher bodies' figures quoted in a township's or a department's report (全区共主动公开…):
   * not the reporting body's own.
   */
  static final QuickPattern OTHER_BODY = QuickPattern.compile("全(?:省|市|区|县|州|盟|旗)");

  /**
   * Words by which a township, street or department speaks of itself: 全区, 全县 are then another
   * body. A district's report lists its townships (各乡镇人民政府、街道办事处): not itself.
   */
  static final QuickPattern LOWER_BODY_SELF =
      QuickPattern.compile("我镇|我乡|本镇|本乡|全镇|全乡|我街道|本街道|全街道|我街|我办|我局|本局|我委|本委|我中心|本中心"
          + "|(?<![各乡])镇人民政府|(?<![各镇])乡人民政府|(?<![各、和及与])街道办事处");

  /** The verbs after which a lead names what was published. */
  static final Pattern PUBLISH_VERB = Pattern.compile("发布|公开|推送|上传|公布|更新|录入|刊发|转发|报道");

  /** The words of a lead after its publication verb that name no topic (各类政务信息, 政府信息共). */
  static final Pattern GENERIC_ITEMS =
      Pattern.compile("(?:了|的|各类|各项|各种|全部|政务|政府|公开|工作|动态|相关|有关|公共|类|信息|资讯|内容|数据|条目|主动|新增|共计|合计|总计|累计|共|计|达到?|总数|数量|为|是)*");

  /** A section that says nothing but "none". */
  static final QuickPattern NONE = QuickPattern.compile("(?:本年度|全年|今年)?(?:无|暂无|没有|均无|无此类情况|无相关情况|未发生)");

  /** Everything was answered: 均已及时回复, 全部办结, 回复率100%. */
  static final QuickPattern ALL_RESPONDED =
      QuickPattern.compile(
          "(?:均|全部|都|悉数|一律)[^,;]{0,10}?(?:回复|答复|办结|回应|反馈|处理|办理)"
              + "|(?:回复|办结|答复)率(?:达到?|为)?100%");
}
