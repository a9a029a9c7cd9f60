package org.gongkai.bench;

import java.util.SplittableRandom;

/**
 * Synthetic annual reports of one township: free prose in the pre-2019 style (after the 江家店镇
 * 2018 report in ../shared/seeds/) or the 2019/2021 national template with its tables flattened
 * as text (pipes, as an HTML table copies, or spaces, as a PDF converts). Figures are those of
 * {@link Figures} for the same township and year, so that a report repeats its record.
 */
final class ReportText {
  private ReportText() {}

  static String prose(String path, NationalGazetteer.Town t, String districtName, int year, Figures f, SplittableRandom r) {
    String self = self(t.name());
    StringBuilder b = new StringBuilder(4096);
    b.append(path).append(t.name()).append(year).append("年度政府信息公开工作年度报告\n\n");
    b.append("发布时间:").append(year + 1).append("-0").append(1 + r.nextInt(3)).append('-').append(String.format("%02d", 1 + r.nextInt(28)))
        .append(" 00:00 阅读次数:\n字号: 打印\n\n");
    b.append(districtName).append(t.name()).append(year).append("年政府信息公开工作年度报告\n\n \n\n");
    b.append(pick(r,
        "根据《中华人民共和国政府信息公开条例》和" + districtName + "政府的政府信息公开工作总体部署,在区委区政府的领导下,",
        "按照《中华人民共和国政府信息公开条例》规定和上级关于政务公开工作的部署要求,",
        "依据《中华人民共和国政府信息公开条例》及" + districtName + "政务公开工作要点,"));
    b.append("\n\n").append(t.name()).append(pick(r, "党委政府高度重视政府信息公开的管理工作", "高度重视政务公开工作", "把政务公开作为转变作风的重要抓手"))
        .append(",认真贯彻《条例》的要求,不断完善和丰富政务公开内容,加强政务公开工作日常更新和管理制度。现将")
        .append(districtName).append(t.name()).append(year).append("年度政府信息公开年度工作情况报告如下:\n\n");
    b.append("一、工作推进情况 \n\n");
    b.append("(一)").append(pick(r,
        "加强领导,统筹部署安排各项工作。成立由主要负责同志任组长的政务公开工作领导小组,安排专人负责政务公开工作具体落实,进一步完善了政务公开各项制度。",
        "健全机制,压实工作责任。明确分管领导和具体经办人员,建立信息发布审核制度,确保政府信息公开工作持续良好开展。",
        "强化组织保障。将政务公开工作纳入年度目标考核,坚持考核评估,强化监督,使政务信息公开工作进一步规范化、制度化。"))
        .append("\n\n");
    b.append("(二)").append(pick(r,
        "落实责任,推动公开工作有序开展。明确各办站所政务信息公开工作职责,进一步明确政务公开责任追究办法,完善保密审查等程序。",
        "规范程序,提升公开质量。严格执行信息发布前审核、发布后检查的工作流程,杜绝泄密和不当公开。",
        "加强培训,提高业务能力。组织工作人员学习《条例》及相关业务知识,提升信息采编和发布水平。"))
        .append("\n\n");
    b.append("(三)").append(pick(r,
        "创新形式,持续丰富政务公开形式。通过区政府门户网站乡镇信息公开专栏发布各类公开信息,保障群众知情权、监督权。",
        "拓宽渠道,方便群众查阅。在便民服务中心设置政府信息查阅点,通过公示栏、电子显示屏等多种渠道将政府信息向基层群众延伸。",
        "突出重点,回应群众关切。围绕乡村振兴、民生保障、财政资金使用等群众关注的热点,及时发布相关信息。"))
        .append("\n\n");
    b.append("二、主动公开情况\n\n");
    b.append(pick(r,
        "一是加强主动公开力度。依据《中华人民共和国政府信息公开条例》,结合实际,指定专人负责政务公开和政府信息公开工作,主动发布机构信息、政策文件、财政资金、社会保障等各类信息。",
        "我" + self + "坚持以公开为常态、不公开为例外,主动发布政府文件、规划计划、财政预决算、惠民资金发放等各类信息。"))
        .append("\n\n");
    switch (r.nextInt(2)) {
      case 0 -> b.append(year).append("年政务公开网站主动公开各类信息").append(f.statedText(Figures.WEBSITE)).append("条。其他类型公开")
          .append(f.statedText(Figures.OTHER)).append("条。");
      default -> b.append("全年共主动公开政府信息").append(f.statedText(Figures.PUBLISHED_TOTAL)).append("条,其中通过政府门户网站公开")
          .append(f.statedText(Figures.WEBSITE)).append("条,通过公示栏、微信公众号等其他渠道公开").append(f.statedText(Figures.OTHER)).append("条。");
    }
    b.append("通过门户网站的“信息公开”栏目可查阅本").append(self).append("主动公开的机构信息。\n\n \n\n");
    b.append("三、依申请公开政府信息情况。");
    if (f.stated(Figures.APPLICATIONS) == 0) {
      b.append(pick(r, "我" + self + "未发生有受理政府信息公开申请情况。", "本年度未收到政府信息公开申请。"));
    } else {
      b.append("我").append(self).append(year).append("年共受理政府信息公开申请").append(f.statedText(Figures.APPLICATIONS))
          .append("件,已办结").append(f.statedText(Figures.COMPLETED)).append("件,其中予以公开").append(f.statedText(Figures.GRANTED)).append("件。");
    }
    b.append("\n\n \n\n");
    b.append("四、重点领域信息公开。我").append(self).append(year).append("年度共发布重点领域信息").append(f.statedText(Figures.KEY_AREA))
        .append("条,涉及脱贫攻坚、农业、安全生产、社会救助等方面。\n\n \n\n");
    b.append("五、政策解读情况\n\n我").append(self).append(year).append("年度共发布政策解读").append(f.statedText(Figures.POLICY)).append("条。\n\n \n\n");
    b.append("六、舆情回应情况\n\n我").append(self).append(year).append("年度收到咨询投诉(市长热线)共").append(f.statedText(Figures.HOTLINE)).append("条,");
    if (f.stated(Figures.RESPONDED) == f.stated(Figures.HOTLINE) && f.cells[Figures.RESPONDED].kind() == f.cells[Figures.HOTLINE].kind()) {
      b.append("均已及时回复。");
    } else {
      b.append("已回复").append(f.statedText(Figures.RESPONDED)).append("条。");
    }
    b.append("\n\n \n\n七、建议提案办理情况\n\n");
    if (f.stated(Figures.NPC) == 0 && f.stated(Figures.CPPCC) == 0) {
      b.append("我").append(self).append(year).append("年度未收到人大代表建议和政协委员提案。");
    } else {
      b.append("我").append(self).append(year).append("年度收到政协委员提案").append(f.statedText(Figures.CPPCC)).append("件,人大代表建议")
          .append(f.statedText(Figures.NPC)).append("件,均已按时办结。");
    }
    b.append("\n\n \n\n八、政务公开存在的问题及改进措施\n\n");
    b.append("一、存在问题。").append(pick(r,
        "政务公开的制度还不是十分健全,有些单位对政务公开工作的重视程度不够、公开意识不强,公开的时效性不够。",
        "信息发布的及时性、规范性有待提高,政策解读形式较为单一。",
        "工作人员业务水平参差不齐,公开内容的深度和广度还需拓展。"))
        .append("\n\n二、下步打算。").append(pick(r,
        "严格按照上级要求,采取多种形式、多渠道进行政务公开,进一步拓展覆盖面,把涉及人民群众切身利益的各类事项作为公开的重点。",
        "进一步加大网上公开力度,完善信息分类、关键词等元数据,规范信息标题,便于检索。",
        "加强队伍建设和业务培训,提升公开质量,把政务公开办成群众满意的民心工程。"))
        .append("\n\n在今后的工作中,我").append(self).append("将依据最新标准,不断改进、完善政府信息公开工作。\n");
    return b.toString();
  }

  static String template(String path, NationalGazetteer.Town t, String districtName, int year, Figures f, SplittableRandom r) {
    return template(path, t, districtName, year, f, r, false);
  }

  /** As above; {@code forPdf} writes every table as pipe rows, which {@link ReportPdf} draws as ruled tables (same draws of r). */
  static String template(String path, NationalGazetteer.Town t, String districtName, int year, Figures f, SplittableRandom r, boolean forPdf) {
    boolean pipes = r.nextBoolean() | forPdf;
    StringBuilder b = new StringBuilder(6144);
    b.append(path).append(t.name()).append(year).append("年度政府信息公开工作年度报告\n\n");
    b.append("本报告依据《中华人民共和国政府信息公开条例》(以下简称《条例》)和《中华人民共和国政府信息公开工作年度报告格式》要求编制。"
        + "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。"
        + "本报告所列数据的统计期限自").append(year).append("年1月1日起至").append(year).append("年12月31日止。\n\n");
    b.append("一、总体情况\n\n");
    b.append(year).append("年,").append(t.name()).append(pick(r,
        "坚持以习近平新时代中国特色社会主义思想为指导,认真贯彻落实《条例》,不断加大政府信息公开力度。",
        "紧紧围绕中心工作,扎实推进决策、执行、管理、服务、结果公开。",
        "按照区委区政府的部署,持续深化政务公开,提升政务服务水平。"))
        .append("\n\n");
    b.append("(一)主动公开。通过政府门户网站主动公开政府信息").append(f.statedText(Figures.WEBSITE)).append("条,发布政策解读")
        .append(f.statedText(Figures.POLICY)).append("条。\n\n");
    b.append("(二)依申请公开。严格按照《条例》规定的程序和时限办理政府信息公开申请,做到依法依规、规范答复。\n\n");
    b.append("(三)政府信息管理。").append(pick(r, "建立健全信息发布审查机制,做好政府信息公开保密审查。", "动态调整主动公开目录,及时更新过时信息。"))
        .append("\n\n");
    b.append("(四)平台建设。").append(pick(r, "依托区政府门户网站政务公开专栏,规范栏目设置。", "加强政务新媒体管理,拓展公开渠道。"))
        .append("\n\n");
    b.append("(五)监督保障。").append(pick(r, "将政务公开工作纳入年度考核,强化监督检查。", "主动接受社会监督,畅通意见反馈渠道。"))
        .append("\n\n");
    b.append("二、主动公开政府信息情况\n\n");
    b.append("第二十条第(一)项\n");
    row(b, pipes, "信息内容", "本年制发件数", "本年废止件数", "现行有效件数");
    row(b, pipes, "规章", "0", "0", "0");
    row(b, pipes, "行政规范性文件", Long.toString(f.regulatoryIssued), "0", Long.toString(f.regulatoryInForce));
    b.append("第二十条第(五)项\n");
    row(b, pipes, "信息内容", "本年处理决定数量");
    row(b, pipes, "行政许可", Long.toString(f.licensing));
    b.append("第二十条第(六)项\n");
    row(b, pipes, "信息内容", "本年处理决定数量");
    row(b, pipes, "行政处罚", Long.toString(f.penalty));
    row(b, pipes, "行政强制", Long.toString(f.coercion));
    b.append("第二十条第(八)项\n");
    row(b, pipes, "信息内容", "本年收费金额(单位:万元)");
    row(b, pipes, "行政事业性收费", "0");
    b.append("\n三、收到和处理政府信息公开申请情况\n\n");
    b.append("(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)\n");
    row(b, pipes, "申请人情况", "自然人", "法人或其他组织", "总计");
    row(b, pipes, "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他");
    long received = f.stated(Figures.APPLICATIONS);
    long completed = Math.min(f.stated(Figures.COMPLETED), received + f.carriedIn);
    long granted = Math.min(f.stated(Figures.GRANTED), completed);
    long unavailable = completed - granted;
    long carriedOut = Math.max(0, received + f.carriedIn - completed);
    appRow(b, pipes, "一、本年新收政府信息公开申请数量", received);
    appRow(b, pipes, "二、上年结转政府信息公开申请数量", f.carriedIn);
    b.append("三、本年度办理结果\n");
    appRow(b, pipes, "(一)予以公开", granted);
    appRow(b, pipes, "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", 0);
    b.append("(三)不予公开\n");
    for (String reason : new String[] {"1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
        "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"}) {
      appRow(b, pipes, reason, 0);
    }
    b.append("(四)无法提供\n");
    appRow(b, pipes, "1.本机关不掌握相关政府信息", unavailable);
    appRow(b, pipes, "2.没有现成信息需要另行制作", 0);
    appRow(b, pipes, "3.补正后申请内容仍不明确", 0);
    b.append("(五)不予处理\n");
    for (String reason : new String[] {"1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息"}) {
      appRow(b, pipes, reason, 0);
    }
    b.append("(六)其他处理\n");
    appRow(b, pipes, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 0);
    appRow(b, pipes, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 0);
    appRow(b, pipes, "3.其他", 0);
    appRow(b, pipes, "(七)总计", completed);
    appRow(b, pipes, "四、结转下年度继续办理", carriedOut);
    b.append("\n四、政府信息公开行政复议、行政诉讼情况\n\n");
    row(b, pipes, "行政复议", "行政诉讼");
    row(b, pipes, "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉");
    row(b, pipes, "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计");
    String rc = Long.toString(f.reconsiderations);
    row(b, pipes, rc, "0", "0", "0", rc, "0", "0", "0", "0", "0", "0", "0", "0", "0", "0");
    b.append("\n五、存在的主要问题及改进情况\n\n");
    b.append(pick(r,
        "一是政策解读的形式还不够丰富;二是公开内容的及时性有待加强。下一步,将进一步规范公开流程,丰富解读形式。",
        "主要问题是信息发布不够及时、栏目更新不够规范。改进措施:加强日常检查,落实专人负责。",
        "部分工作人员业务能力有待提高。今后将加强业务培训,提升政务公开工作水平。"))
        .append("\n\n");
    b.append("六、其他需要报告的事项\n\n本机关").append(year).append("年度未收取信息处理费。").append(pick(r,
        "全年办理人大代表建议" + f.statedText(Figures.NPC) + "件、政协委员提案" + f.statedText(Figures.CPPCC) + "件。",
        "无其他需要报告的事项。")).append('\n');
    return b.toString();
  }

  private static void appRow(StringBuilder b, boolean pipes, String label, long total) {
    String v = Long.toString(total);
    row(b, pipes, label, v, "0", "0", "0", "0", "0", v);
  }

  private static void row(StringBuilder b, boolean pipes, String... cells) {
    if (pipes) {
      b.append('|');
      for (String c : cells) {
        b.append(' ').append(c).append(" |");
      }
    } else {
      for (int i = 0; i < cells.length; i++) {
        b.append(i == 0 ? "" : " ").append(cells[i]);
      }
    }
    b.append('\n');
  }

  /** 镇, 乡 or 街道: how a township calls itself (我镇). */
  static String self(String name) {
    if (name.contains("街道")) {
      return "街道";
    }
    if (name.contains("乡")) {
      return "乡";
    }
    return "镇";
  }

  private static String pick(SplittableRandom r, String... options) {
    return options[r.nextInt(options.length)];
  }
}
