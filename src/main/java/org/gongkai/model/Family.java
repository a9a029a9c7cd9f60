package org.gongkai.model;

/** The five families of figures a disclosure report states (DESIGN.md, "The domain"). */
public enum Family {
  PUBLISHED("主动公开"),
  APPLICATIONS("依申请公开"),
  HOTLINE("咨询投诉"),
  PROPOSALS("建议提案"),
  LEGAL("复议诉讼");

  private final String labelZh;

  Family(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
