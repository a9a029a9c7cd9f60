package org.gongkai.ingest.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.normalize.YearParser;

/**
 * The region and year a report names in its title or heading: 六安市裕安区江家店镇2018年度政府信息公开工作
 * 年度报告, 金安区木厂镇人民政府关于2017年政府信息公开工作的报告, 2019年度叶集区三元镇政府信息公开工作年度报告,
 * or, failing a title, the opening sentence (现将…2018年度政府信息公开工作情况报告如下).
 */
final class TitleFinder {
  private TitleFinder() {}

  /** @param candidates region texts to resolve, best first; empty if none */
  record Title(boolean found, List<String> candidates, Integer year) {}

  private static final int TITLE_LINES = 12;
  private static final int OPENING_CHARS = 3000;

  private static final Pattern DISCLOSURE = Pattern.compile("(?:政府|政务)?(?:信息|政务)公开");
  private static final Pattern REPORT = Pattern.compile("报告|年报");
  private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d\\d|[二〇零一三四五六七八九]{4})年度?");
  private static final Pattern OPENING =
      Pattern.compile("([\\p{IsHan}]{2,30}?)((?:19|20)\\d\\d)年度?(?:政府|政务)?(?:信息|政务)公开[^。]{0,20}?报告");

  /**
   * The statistical period a report states (统计期限自2021年1月1日起至…): the year its figures are of.
   * It gives the year when the title states none, and wins over a year the opening quotes (a
   * document title copied from the year before).
   */
  private static final Pattern PERIOD =
      Pattern.compile("统计(?:期限|时限|区间|时间|周期|期间)[^。]{0,8}?((?:19|20)\\d\\d)年(?:度|1月(?:1日)?)");

  /** Heads and tails that are not part of a region's name. */
  private static final Pattern LEADING = Pattern.compile("^(?:关于|印发|转发|公布|现将|现就|特|根据|按照|本|我)+");

  private static final Pattern TRAILING =
      Pattern.compile("(?:关于|的|人民政府|政府|党委|人民|机关|工作|办公室|党政办|党政办公室|便民服务中心|管理委员会|管委会)+$");

  static Title find(NormalText n) {
    String t = n.text;
    int lines = 0;
    for (int start = 0; start < t.length() && lines < TITLE_LINES; ) {
      int end = t.indexOf('\n', start);
      end = end < 0 ? t.length() : end;
      String line = squeeze(t.substring(start, end));
      start = end + 1;
      if (line.isEmpty()) {
        continue;
      }
      lines++;
      if (line.length() <= 80 && DISCLOSURE.matcher(line).find() && REPORT.matcher(line).find()) {
        Title title = fromTitle(line);
        if (title != null) {
          // A line that quotes the title (现发布《…2019年…报告》。) is the opening, not the title.
          Integer period = title.year() == null || line.indexOf('《') >= 0 ? periodYear(t) : null;
          return period == null ? title : new Title(true, title.candidates(), period);
        }
      }
    }
    String opening = squeeze(t.substring(0, Math.min(t.length(), OPENING_CHARS)));
    Matcher m = OPENING.matcher(opening);
    if (m.find()) {
      List<String> c = new ArrayList<>();
      String region = m.group(1);
      int cut = Math.max(Math.max(region.lastIndexOf('将'), region.lastIndexOf('对')), region.lastIndexOf('是'));
      addCandidates(cut >= 0 ? region.substring(cut + 1) : region, c);
      Integer period = periodYear(t);
      Integer quoted = YearParser.parse(m.group(2)).isPresent() ? YearParser.parse(m.group(2)).getAsInt() : null;
      return new Title(true, c, period != null ? period : quoted);
    }
    return new Title(false, List.of(), null);
  }

  /** The year of the statistical period the opening states, or null. */
  private static Integer periodYear(String t) {
    Matcher p = PERIOD.matcher(squeeze(t.substring(0, Math.min(t.length(), OPENING_CHARS))));
    return p.find() ? Integer.valueOf(p.group(1)) : null;
  }

  private static Title fromTitle(String line) {
    Matcher d = DISCLOSURE.matcher(line);
    if (!d.find()) {
      return null;
    }
    Matcher y = YEAR.matcher(line);
    Integer year = null;
    List<String> candidates = new ArrayList<>();
    if (y.find()) {
      OptionalInt parsed = YearParser.parse(y.group(1));
      year = parsed.isPresent() ? parsed.getAsInt() : null;
      if (y.start() < d.start()) {
        addCandidates(line.substring(0, y.start()), candidates); // 江家店镇2018年度政府信息公开…
        addCandidates(line.substring(y.end(), d.start()), candidates); // 2019年度三元镇政府信息公开…
      } else {
        addCandidates(line.substring(0, d.start()), candidates); // 三元镇政府信息公开工作2019年度报告
      }
    } else {
      addCandidates(line.substring(0, d.start()), candidates);
    }
    return new Title(true, candidates, year);
  }

  /** The text as stated, trimmed of 关于/人民政府/的 and the like; the trimmed form first. */
  static void addCandidates(String text, List<String> out) {
    Set<String> set = new LinkedHashSet<>(out);
    String s = text.replaceAll("[《》“”\"'()\\[\\]【】<>:,、·\\-—|]", "");
    String trimmed = TRAILING.matcher(LEADING.matcher(s).replaceAll("")).replaceAll("");
    if (trimmed.endsWith("办事处") && trimmed.length() > 5) {
      set.add(trimmed.substring(0, trimmed.length() - 3));
    }
    if (trimmed.length() >= 2) {
      set.add(trimmed);
    }
    out.clear();
    out.addAll(set);
  }

  private static String squeeze(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      if (!NormalText.isSpace(s.charAt(i))) {
        b.append(s.charAt(i));
      }
    }
    return b.toString().strip();
  }
}
