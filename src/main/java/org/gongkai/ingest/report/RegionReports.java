package org.gongkai.ingest.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.normalize.RegionResolution;
import org.gongkai.normalize.RegionResolver;

/**
 * Reports above the township: whether a district government's report says that its figures
 * cover the district's townships, and whether a title names a department of a district or city
 * (某某区教育局), whose figures are neither the district's own nor a township's.
 */
final class RegionReports {
  private RegionReports() {}

  /** 全区/全县/全市/全旗 or 含各乡镇（街道）: the report speaks for the whole district, townships included. */
  private static final Pattern COVERAGE = Pattern.compile(
      "(?:含|包括|包含)各?(?:乡镇|乡、镇|镇|乡|街道)(?:[（(、和及]?(?:街道|乡镇|镇|社区)[)）]?)*|全(?:区|县|市|旗)");

  /** A department's name after the region's: 教育局, 发展改革委, 财政局, 卫生健康委员会, 政务服务中心. */
  private static final Pattern DEPARTMENT = Pattern.compile(
      "[\\p{IsHan}]{0,12}?(?:局|委员会|委|办公室|办|中心|厅|署|院|所|队|站|馆|会|公司)");

  /** A township's own office (西市街道办) is no department of the district. */
  private static final Pattern TOWNSHIP_WORDS = Pattern.compile("镇|乡|街道|社区|村");

  /** The words saying the report covers the townships (for the finding's message), or null. */
  static String coverage(String body) {
    if (body == null) {
      return null;
    }
    Matcher m = COVERAGE.matcher(body);
    return m.find() ? m.group() : null;
  }

  /**
   * When a title's region is a division above the township followed by a department's name
   * (永嘉县农业局, 和平区发展改革委), the reason it is not used; else null.
   */
  static String department(RegionResolver resolver, List<String> candidates) {
    for (String c : candidates) {
      for (int cut = c.length() - 1; cut >= 2; cut--) {
        String rest = c.substring(cut);
        if (!DEPARTMENT.matcher(rest).matches() || TOWNSHIP_WORDS.matcher(rest).find()) {
          continue;
        }
        RegionResolution r = resolver.resolve(c.substring(0, cut));
        boolean above = r instanceof RegionResolution.Region
            || r instanceof RegionResolution.Unresolved u
                && (u.reasonCode().equals("NOT_A_TOWNSHIP") || u.reasonCode().equals("AMBIGUOUS_REGION")
                    && u.explanation().contains("区县"));
        if (above) {
          return "'" + c + "' 是" + c.substring(0, cut) + "的部门（" + rest + "）的报告：部门的数字既不是区县或地市本身的，"
              + "也不是乡镇的，未读取";
        }
      }
    }
    return null;
  }
}
