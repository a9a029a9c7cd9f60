package org.gongkai.audit;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * When a year's annual report was due. Reports on years up to 2018: by 31 March of the next
 * year (2008 条例, 第三十一条). From the 2019 report on (2019 条例, 第四十九条): departments of
 * county-level and higher governments by 31 January, those governments' own reports by 31 March,
 * townships (乡镇、街道) by the date their province sets — 31 January unless the job's {@code
 * audit.deadlines} says otherwise. The job sets each level's month and day (next year).
 *
 * @param township 乡镇人民政府、街道办事处
 * @param county 县级以上地方人民政府 (county, city, province) themselves
 * @param department 县级以上人民政府部门
 */
public record Deadlines(MonthDay township, MonthDay county, MonthDay department) implements Serializable {
  public static final int NEW_REGIME = 2019;
  private static final MonthDay OLD_DEADLINE = MonthDay.of(3, 31);

  public static Deadlines defaults() {
    return new Deadlines(MonthDay.of(1, 31), MonthDay.of(3, 31), MonthDay.of(1, 31));
  }

  /** A level's deadline for the report on {@code year}, and the rule it comes from. */
  public record Due(LocalDate date, String rule) {}

  /** @param level {@code township}, {@code county} or {@code department} */
  public Due due(String level, int year) {
    if (year < NEW_REGIME) {
      return new Due(OLD_DEADLINE.atYear(year + 1),
          "2008 年《中华人民共和国政府信息公开条例》第三十一条：年度报告于每年 3 月 31 日前公布");
    }
    MonthDay d = switch (level) {
      case "county" -> county;
      case "department" -> department;
      default -> township;
    };
    String who = switch (level) {
      case "county" -> "县级以上地方人民政府";
      case "department" -> "县级以上人民政府部门";
      default -> "乡镇人民政府、街道办事处（按省级规定）";
    };
    return new Due(d.atYear(year + 1), "2019 年《中华人民共和国政府信息公开条例》第四十九条：" + who + "的年度报告于每年 "
        + d.getMonthValue() + " 月 " + d.getDayOfMonth() + " 日前公布（任务文件 audit.deadlines." + key(level) + "）");
  }

  private static String key(String level) {
    return level.equals("county") || level.equals("department") ? level : "township";
  }
}
