package org.gongkai.ingest.report;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.normalize.Text;

/**
 * Where the fixed tables of a template report (2019 onward) are: the sections 二、主动公开政府信息情况,
 * 三、收到和处理政府信息公开申请情况 and 四、…行政复议、行政诉讼情况, each up to the next of these headings
 * or to 五、存在的主要问题… / 六、其他需要报告的事项.
 */
final class TemplateSections {
  private TemplateSections() {}

  enum Kind { PUBLISHED, APPLICATIONS, LEGAL, END }

  /** A section body: [start, end) in the normalised text, after its heading line. */
  record Section(Kind kind, int headingStart, int start, int end) {}

  /** The longest a table section can be; anything beyond is not the table. */
  private static final int MAX_SECTION = 12_000;

  static List<Section> find(NormalText n) {
    List<int[]> marks = new ArrayList<>(); // {kind ordinal, line start, line end}
    String t = n.text;
    int pos = 0;
    while (pos <= t.length()) {
      int end = t.indexOf('\n', pos);
      if (end < 0) {
        end = t.length();
      }
      Kind k = classify(t.substring(pos, end));
      if (k != null) {
        marks.add(new int[] {k.ordinal(), pos, end});
      }
      pos = end + 1;
    }
    List<Section> out = new ArrayList<>();
    for (int i = 0; i < marks.size(); i++) {
      int[] m = marks.get(i);
      if (m[0] == Kind.END.ordinal()) {
        continue;
      }
      int end = i + 1 < marks.size() ? marks.get(i + 1)[1] : t.length();
      end = Math.min(end, m[2] + MAX_SECTION);
      out.add(new Section(Kind.values()[m[0]], m[1], Math.min(m[2] + 1, t.length()), Math.max(end, Math.min(m[2] + 1, t.length()))));
    }
    return out;
  }

  static Kind classify(String line) {
    // Every heading recognised below ends in 情况, 问题 or 报告. A line without 情, 题 and 告
    // cannot be one: its key holds no ideograph the line does not (the text is NFKC already, and
    // composition makes no ideographs), so the key, a costly normalisation, is not needed.
    if (line.indexOf('情') < 0 && line.indexOf('题') < 0 && line.indexOf('告') < 0) {
      return null;
    }
    String k = Text.key(line);
    if (k.isEmpty() || k.length() > 40) {
      return null;
    }
    if (k.contains("主动公开政府信息情况")) {
      return Kind.PUBLISHED;
    }
    if (k.contains("收到和处理政府信息公开申请情况")) {
      return Kind.APPLICATIONS;
    }
    boolean item = Headings.startsItem(line.strip());
    if (item && k.contains("行政复议") && k.contains("行政诉讼") && k.contains("情况")) {
      return Kind.LEGAL;
    }
    if (item && (k.contains("存在的主要问题") || k.contains("存在问题") || k.contains("其他需要报告"))) {
      return Kind.END;
    }
    return null;
  }
}
