package org.gongkai.ingest.report;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import org.gongkai.ingest.report.ProseRules.Needs;
import org.gongkai.ingest.report.ProseRules.Rule;
import org.gongkai.normalize.CountParser;
import org.gongkai.normalize.CountResult;
import org.gongkai.normalize.YearParser;

/**
 * Finds the figures of prose: paragraph by paragraph, sentence by sentence, clause by clause.
 * Each count (a number with a unit) is given to the first rule whose keyword is in its lead —
 * the words since the previous count of the clause (or of the sentence, for its first count) —
 * or, failing that, just after it. Sections of plans, sentences of plans and running totals,
 * and clauses about another year are skipped before any rule is tried.
 */
final class ProseReader {
  /** A figure as read, before the report's figures are reconciled. */
  record Candidate(
      String metric, long value, org.gongkai.model.Qualifier qualifier, String evidence, long offset,
      boolean part, String channel, int paragraph, boolean derived) {
    Candidate(String metric, long value, org.gongkai.model.Qualifier qualifier, String evidence, long offset,
        boolean part, String channel, int paragraph) {
      this(metric, value, qualifier, evidence, offset, part, channel, paragraph, false);
    }
  }

  /** An "all answered" statement after a hotline figure. */
  record AllResponded(String evidence, long offset) {}

  record Result(List<Candidate> candidates, List<AllResponded> allResponded, List<String> warnings, List<Uncertain> uncertain) {}

  private final NormalText c;
  private final String raw;
  private final Integer year;
  private final List<int[]> masked; // origin ranges of template tables
  private final List<Candidate> out = new ArrayList<>();
  private final List<AllResponded> responded = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<Uncertain> uncertain = new ArrayList<>();
  private final boolean lowerBody; // a township, street or department: 全区, 全县 are another body
  private String lastHeading = ""; // the latest heading, for sections that say only "无。"
  private int paragraphStart;
  private int currentSentenceStart;

  private ProseReader(NormalText c, String raw, Integer year, List<int[]> masked) {
    this.c = c;
    this.raw = raw;
    this.year = year;
    this.masked = masked;
    this.lowerBody = ProseRules.LOWER_BODY_SELF.find(c.text);
  }

  static Result read(NormalText compact, String raw, Integer year, List<int[]> maskedOrigins) {
    ProseReader r = new ProseReader(compact, raw, year, maskedOrigins);
    r.run();
    return new Result(r.out, r.responded, r.warnings, r.uncertain);
  }

  private void run() {
    String t = c.text;
    boolean planSection = false;
    int paragraph = 0;
    for (int start = 0; start < t.length(); ) {
      int end = t.indexOf('\n', start);
      end = end < 0 ? t.length() : end;
      String line = t.substring(start, end);
      if (Headings.isPlanHeading(line)) {
        planSection = true;
      } else if (Headings.isTopItem(line)) {
        planSection = false;
      }
      if (!planSection && !isMasked(start, end)) {
        paragraph++;
        paragraphStart = start;
        sentences(start, end, paragraph);
      }
      if (Headings.isHeading(line)) {
        lastHeading = line;
      }
      start = end + 1;
    }
  }

  private boolean isMasked(int start, int end) {
    int o = c.origin(start);
    int oe = c.origin(Math.max(start, end - 1));
    for (int[] m : masked) {
      if (o >= m[0] && o < m[1] || oe >= m[0] && oe < m[1]) {
        return true;
      }
    }
    return false;
  }

  private void sentences(int start, int end, int paragraph) {
    String lastMetric = null;
    int s = start;
    for (int i = start; i <= end; i++) {
      if (i == end || "。!?;".indexOf(c.text.charAt(i)) >= 0) {
        if (i > s) {
          String text = c.text.substring(s, i);
          if (ProseRules.NONE.matches(text) && !lastHeading.isEmpty()) {
            headingZeros(s, text, paragraph);
          } else {
            if (Headings.startsItem(text) && text.length() <= 30 && !ProseRules.COUNT.find(text)) {
              lastHeading = text; // "三、依申请公开情况。无。"
            }
            lastMetric = sentence(s, i, paragraph, lastMetric);
          }
        }
        s = i + 1;
      }
    }
  }

  /** Reads one sentence; returns the metric of its last figure (for 均已回复 after it). */
  private String sentence(int start, int end, int paragraph, String lastMetric) {
    String sentence = c.text.substring(start, end);
    currentSentenceStart = start;
    if (sentence.length() > 2000) {
      warnings.add("a sentence of " + sentence.length() + " characters at offset " + c.origin(start) + " was not read");
      return null;
    }
    String planText = sentence.replace("计划生育", "");
    if (ProseRules.PLAN.find(planText) || cumulative(sentence)) {
      return null;
    }
    Integer effYear = year;
    boolean part = false;
    int firstCandidate = out.size();
    int prevEnd = -1; // end of the previous count in this sentence (sentence-relative)
    int clauseStart = 0;
    for (int i = 0; i <= sentence.length(); i++) {
      if (i < sentence.length() && (sentence.charAt(i) != ',' || i > 0 && i + 1 < sentence.length()
          && Character.isDigit(sentence.charAt(i - 1)) && Character.isDigit(sentence.charAt(i + 1)))) {
        continue; // clauses end at commas, not at the thousands separators of 1,056
      }
      String clause = sentence.substring(clauseStart, i);
      int cs = clauseStart;
      clauseStart = i + 1;
      part |= ProseRules.PARTS.find(clause);
      if (ProseRules.COMPARISON.find(clause)) {
        prevEnd = i;
        continue;
      }
      Integer named = yearOf(clause, effYear);
      if (named != null) {
        effYear = named;
      }
      if (year != null && effYear != null && !effYear.equals(year) || year == null && named != null && named == -1) {
        prevEnd = i;
        continue;
      }
      List<int[]> counts = counts(clause);
      String metric = clause(sentence, cs, i, counts, prevEnd, start, paragraph, part, lastMetric);
      if (metric != null) {
        lastMetric = metric;
      }
      if (!counts.isEmpty()) {
        prevEnd = cs + counts.get(counts.size() - 1)[1];
      }
    }
    wholeOfChannels(firstCandidate);
    return lastMetric;
  }

  /**
   * 通过门户网站主动公开信息1402条,其中政府网站公开1100条,其他渠道公开302条: a website figure whose
   * parts (其中) are the website's and the other channels' is the total.
   */
  private void wholeOfChannels(int from) {
    int whole = -1;
    boolean webPart = false;
    boolean otherPart = false;
    for (int i = from; i < out.size(); i++) {
      Candidate k = out.get(i);
      if (k.metric().equals("published_total") && !k.part()) {
        return;
      }
      if (whole < 0 && !k.part() && k.metric().equals("published_website")) {
        whole = i;
      } else if (whole >= 0 && k.part()) {
        webPart |= k.metric().equals("published_website");
        otherPart |= k.metric().equals("published_other");
      }
    }
    if (whole >= 0 && webPart && otherPart) {
      Candidate k = out.get(whole);
      out.set(whole, new Candidate("published_total", k.value(), k.qualifier(), k.evidence(), k.offset(), false, null, k.paragraph()));
    }
  }

  /** The year a clause speaks of: a named year, or last year's for 上年/去年; null if none. */
  private Integer yearOf(String clause, Integer current) {
    if (clause.indexOf('年') < 0) {
      return null; // every match of YEAR and RELATIVE_YEAR holds 年
    }
    Integer named = null;
    Matcher y = ProseRules.YEAR.pattern().matcher(clause);
    for (int from = 0; ProseRules.YEAR.find(y, clause, from); from = y.end()) {
      OptionalInt p = YearParser.parse(y.group(1) != null ? y.group(1) : y.group(2));
      if (p.isPresent()) {
        named = p.getAsInt();
      }
    }
    Matcher rel = ProseRules.RELATIVE_YEAR.pattern().matcher(clause);
    if (ProseRules.RELATIVE_YEAR.find(rel, clause, 0)) {
      if (year == null) {
        return -1;
      }
      named = rel.group().startsWith("前") ? year - 2 : year - 1;
    }
    return named;
  }

  /**
   * A running total (以来, 至今, 截至…累计, 到…年底累计) is not this year's count unless the sentence
   * says it is (本年, 全年…); a bare 累计 with this year named ("2018年累计发布…") is.
   */
  private boolean cumulative(String sentence) {
    // "This year" is looked for only in the few sentences of running totals.
    if (ProseRules.CUMULATIVE_STRONG.find(sentence)) {
      if (sinceReportYear(sentence)) {
        return false;
      }
      return !ProseRules.THIS_YEAR.find(sentence);
    }
    if (ProseRules.CUMULATIVE.find(sentence)) {
      boolean thisYear = ProseRules.THIS_YEAR.find(sentence);
      if (ProseRules.UNTIL.find(sentence)) {
        return !thisYear;
      }
      return !(thisYear || year != null && sentence.contains(year + "年"));
    }
    return false;
  }

  /** Whether the running total of a sentence runs from the report year's start (2023年1月1日以来). */
  private boolean sinceReportYear(String sentence) {
    if (year == null) {
      return false;
    }
    Matcher m = ProseRules.SINCE_YEAR_START.pattern().matcher(sentence);
    for (int from = 0; ProseRules.SINCE_YEAR_START.find(m, sentence, from); from = m.end()) {
      if (!m.group(1).equals(year.toString())) {
        return false;
      }
    }
    return ProseRules.SINCE_YEAR_START.find(sentence) && !ProseRules.CUMULATIVE_STRONG.find(sentence.replaceAll("(?:19|20)\\d\\d年(?:1月(?:1日)?)?(?:以来|至今)", ""));
  }

  /** A section that says only "无。" under a heading that names metrics: those are zero. */
  private void headingZeros(int start, String text, int paragraph) {
    for (Object[] z : ProseRules.HEADING_ZEROS) {
      if (((java.util.regex.Pattern) z[0]).matcher(lastHeading).find()) {
        for (String metric : (String[]) z[1]) {
          out.add(new Candidate(metric, 0, org.gongkai.model.Qualifier.EXACT, lastHeading + " " + text,
              c.origin(start), false, null, paragraph));
        }
      }
    }
  }

  /** The counts of a clause, each {start, end} in the clause. */
  private static List<int[]> counts(String clause) {
    List<int[]> out = new ArrayList<>();
    if (!ProseRules.hasUnit(clause)) {
      return out; // every count ends in a unit
    }
    Matcher m = ProseRules.COUNT.pattern().matcher(clause);
    for (int from = 0; ProseRules.COUNT.find(m, clause, from); from = m.end()) {
      out.add(new int[] {m.start(), m.end()});
    }
    return out;
  }

  /**
   * Reads the counts (see {@link #counts}) of one clause [cs, ce) of a sentence; returns the
   * metric of its last figure.
   */
  private String clause(String sentence, int cs, int ce, List<int[]> counts, int prevEnd, int sentenceStart, int paragraph, boolean part,
      String lastMetric) {
    String clause = sentence.substring(cs, ce);
    String metric = null;
    int leadStart = Math.max(cs, prevEnd);
    String pendingPair = null;
    for (int[] span : counts) {
      String countText = clause.substring(span[0], span[1]);
      int numStart = cs + span[0];
      int numEnd = cs + span[1];
      CountResult r = CountParser.parse(countText);
      String lead = sentence.substring(leadStart, numStart);
      String sentenceLead = sentence.substring(Math.max(0, prevEnd), numStart);
      String trail = sentence.substring(numEnd, Math.min(ce, numEnd + 15));
      leadStart = numEnd;
      prevEnd = numEnd;
      if (!(r instanceof CountResult.Count count)) {
        continue;
      }
      List<String> metrics = new ArrayList<>();
      String channel = null;
      boolean derived = false;
      if (ProseRules.NOT_ITEMS_AFTER.find(sentence.substring(numEnd, Math.min(sentence.length(), numEnd + 6)))
          || ProseRules.SENT_UPWARD.find(lead)) {
        continue; // 六个部分, 七项制度; 上报被采纳信息80条: not items this body published
      }
      ProseRules.Pair combined = pendingPair == null ? combined(lead) : null;
      if (combined != null) {
        if (count.value() != 0) {
          warnings.add("a combined figure (" + countText + ") is not split between its metrics: " + evidence(sentenceStart, sentence, numStart));
          continue;
        }
        metrics.add(combined.a());
        metrics.add(combined.b());
        derived = true;
      } else if (pendingPair != null) {
        metrics.add(pendingPair);
        pendingPair = null;
      } else if (!ProseRules.NOT_A_FIGURE.find(lead)) {
        String[] pair = pair(lead);
        if (pair != null) {
          if (pair.length == 0) {
            warnings.add("a combined figure (" + countText + ") is not split between its metrics: " + evidence(sentenceStart, sentence, numStart));
            continue;
          }
          metrics.add(pair[0]);
          if (pair.length == 3) {
            pendingPair = pair[1]; // 分别为3件、2件: the second count is the second metric's
          } else {
            metrics.add(pair[1]);
          }
        } else {
          Rule rule = match(lead, sentence, numStart, false, true);
          String where = lead;
          if (rule == null && !sentenceLead.equals(lead) && topicBefore(sentenceLead)) {
            rule = match(sentenceLead, sentence, numStart, false, false);
            where = sentenceLead;
          }
          if (rule == null) {
            rule = match(trail, sentence, numEnd, true, true);
            where = trail;
          }
          if (rule != null) {
            int named = 0;
            if (rule.summable()) {
              Matcher k = rule.keyword().pattern().matcher(where);
              for (int from = 0; rule.keyword().find(k, where, from); from = k.end()) {
                channel = k.group();
                named++;
              }
            }
            String topic = PUBLICATION.contains(rule.metric()) ? topic(where) : null;
            if (lowerBody && ProseRules.OTHER_BODY.find(sentence.substring(cs, numStart))) {
              uncertain.add(new Uncertain(count.value(), count.qualifier(), List.of(rule.metric()),
                  "上级机关（全区、全县等）的数字，不是本机关的", evidence(sentenceStart, sentence, numStart),
                  c.origin(sentenceStart + numStart)));
            } else if (topic != null) {
              uncertain.add(new Uncertain(count.value(), count.qualifier(), List.of(rule.metric()),
                  "只是某一主题（" + topic + "）的条数，不是全部信息", evidence(sentenceStart, sentence, numStart),
                  c.origin(sentenceStart + numStart)));
            } else if (named >= 2 && where.contains("分别")) {
              // 通过微博、微信分别发布92条、306条: each count is one channel's, none the metric's
              uncertain.add(new Uncertain(count.value(), count.qualifier(), List.of(rule.metric()),
                  "分别列出的几个渠道之一的数字，不是该指标的总数", evidence(sentenceStart, sentence, numStart),
                  c.origin(sentenceStart + numStart)));
            } else {
              metrics.add(rule.metric());
            }
          }
        }
      }
      boolean isPart = part || ProseRules.PART_LEAD.find(lead);
      for (String mk : metrics) {
        out.add(new ProseReader.Candidate(mk, count.value(), count.qualifier(), evidence(sentenceStart, sentence, numStart),
            c.origin(sentenceStart + numStart), isPart, channel, paragraph, derived));
        metric = mk;
      }
    }
    if (counts.isEmpty()) {
      zeros(clause, sentence, sentenceStart, cs, paragraph);
      if (ProseRules.ALL_RESPONDED.find(clause) && ("hotline_cases".equals(lastMetric) || ProseRules.HOTLINE.find(clause))) {
        responded.add(new AllResponded(evidence(sentenceStart, sentence, cs), c.origin(sentenceStart + cs)));
      }
    }
    return metric;
  }

  /**
   * Both metrics of a pair named in a lead: {a, b} when the count is each one's (各4件), {a, b,
   * "split"} for 分别为, {} for a combined count that names no split, null if no pair is named.
   */
  private static String[] pair(String lead) {
    for (ProseRules.Pair p : ProseRules.PAIRS) {
      int a = p.aWords().indexIn(lead);
      int b = a < 0 ? -1 : p.bWords().indexIn(lead);
      if (a >= 0 && b >= 0) {
        boolean aFirst = a < b;
        if (lead.contains("分别")) {
          return aFirst ? new String[] {p.a(), p.b(), "split"} : new String[] {p.b(), p.a(), "split"};
        }
        if (ProseRules.EACH.find(lead)) {
          return new String[] {p.a(), p.b()};
        }
        return new String[0];
      }
    }
    return null;
  }

  private static final java.util.Set<String> PUBLICATION = java.util.Set.of("published_total", "published_website", "published_other");

  /**
   * The topic a lead's published items are on (在微博发布防汛信息: 防汛信息), or null when the words
   * after its publication verb name no topic (各类政务信息) or a list of categories (机构职能、工作动态等信息).
   */
  static String topic(String lead) {
    Matcher v = ProseRules.PUBLISH_VERB.matcher(lead);
    int after = -1;
    while (v.find()) {
      after = v.end();
    }
    if (after < 0) {
      return null;
    }
    String items = lead.substring(after);
    if (items.isEmpty() || items.matches(".*[、等及和与,(\\[].*") || ProseRules.GENERIC_ITEMS.matcher(items).matches()) {
      return null;
    }
    return items;
  }

  /** The pair a lead counts as one (办理建议提案), when it names neither metric alone. */
  private static ProseRules.Pair combined(String lead) {
    for (ProseRules.Pair p : ProseRules.COMBINED) {
      String[] named = pair(lead);
      if (p.aWords().find(lead) && (named == null || named.length == 0)) {
        return p;
      }
    }
    return null;
  }

  /**
   * Whether every occurrence of a rule's keyword in a lead is one item of an enumeration of
   * names (工作动态、重点领域、人事任免信息共计100条).
   */
  private static boolean onlyListed(QuickPattern keyword, String lead) {
    Matcher m = keyword.pattern().matcher(lead);
    boolean any = false;
    for (int from = 0; keyword.find(m, lead, from); from = m.end()) {
      any = true;
      // a 、 that opens the lead separates this count from the one before, not names of a list
      if (!(m.start() > 1 && ProseRules.LISTED.find(lead.substring(m.start() - 1, m.start())))
          && !ProseRules.LISTED.find(lead.substring(m.end(), Math.min(lead.length(), m.end() + 1)))) {
        return false;
      }
    }
    return any;
  }

  private Rule match(String lead, String sentence, int numStart, boolean trail, boolean context) {
    if (lead.isEmpty()) {
      return null;
    }
    boolean mixedChannels = ProseRules.WEBSITE.find(lead) && ProseRules.CHANNEL.find(lead);
    for (Rule rule : ProseRules.RULES) {
      if (trail && !rule.trail() || !context && rule.needs().paragraph()
          || rule.needs() == Needs.PUBLICATION_CONTEXT && ProseRules.APPLICATION_WAYS.find(lead)) {
        continue;
      }
      if (!rule.keyword().find(lead) || !rule.summable() && onlyListed(rule.keyword(), lead)) {
        continue;
      }
      if (mixedChannels && (rule.metric().equals("published_website") || rule.metric().equals("published_other"))) {
        continue; // 通过门户网站、微信公众号等平台主动公开: all channels together, the total
      }
      if (!rule.needs().paragraph()) {
        return rule; // the context checks below are for the rules that need them
      }
      int keyAt = findLast(rule.keyword(), lead); // the last occurrence, for the check of what follows it
      String before = paragraphBefore(sentence, numStart);
      int hotline = findLast(ProseRules.HOTLINE, before);
      int application = before.lastIndexOf("申请");
      if (rule.needs() == Needs.HOTLINE_CONTEXT) {
        int inLead = ProseRules.HOTLINE.indexIn(lead);
        if (hotline < 0 || inLead > keyAt || application > hotline) {
          continue; // 收到并回复咨询投诉79条 is the number received
        }
      }
      if (rule.needs() == Needs.APPLICATION_CONTEXT && (application < 0 || hotline > application)) {
        continue;
      }
      return rule;
    }
    return null;
  }

  /**
   * Whether the clauses before a count's own clause name a topic ("依申请公开方面,我镇全年共受理5件")
   * rather than say something else ("规范政府信息公开专栏,新增栏目4个").
   */
  private static boolean topicBefore(String sentenceLead) {
    int comma = sentenceLead.lastIndexOf(',');
    if (comma <= 0) {
      return false;
    }
    String before = sentenceLead.substring(0, comma);
    String clause = before.substring(before.lastIndexOf(',') + 1);
    return clause.length() <= 8 || ProseRules.TOPIC.find(clause);
  }

  /** The paragraph up to a count: the context that 办结/回复 refer to. */
  private String paragraphBefore(String sentence, int numStart) {
    int sentenceStart = currentSentenceStart;
    return c.text.substring(paragraphStart, sentenceStart) + sentence.substring(0, numStart);
  }

  /** Start of the last match of {@code q} in {@code s}, or -1. */
  private static int findLast(QuickPattern q, String s) {
    Matcher m = q.pattern().matcher(s);
    int at = -1;
    for (int from = 0; q.find(m, s, from); from = m.end()) {
      at = m.start();
    }
    return at;
  }

  private static final QuickPattern MAYBE_ZERO = QuickPattern.compile("[未没无零]|结转|为0$");

  private void zeros(String clause, String sentence, int sentenceStart, int cs, int paragraph) {
    if (!MAYBE_ZERO.find(clause)) {
      return; // every zero statement has one of these
    }
    java.util.Set<String> done = new java.util.HashSet<>();
    for (Object[] z : ProseRules.ZEROS) {
      String[] metrics = (String[]) z[0];
      QuickPattern zero = (QuickPattern) z[1];
      Matcher m = zero.pattern().matcher(clause);
      QuickPattern unless = (QuickPattern) z[2];
      if (!zero.find(m, clause, 0) || unless != null && unless.find(clause)) {
        continue;
      }
      for (String metric : metrics) {
        if (done.add(metric)) {
          out.add(new Candidate(metric, 0, org.gongkai.model.Qualifier.EXACT, evidence(sentenceStart, sentence, cs + m.start()),
              c.origin(sentenceStart + cs + m.start()), false, null, paragraph));
        }
      }
    }
    Matcher all = ProseRules.ALL_ZERO.pattern().matcher(clause);
    if (ProseRules.ALL_ZERO.find(all, clause, 0)) {
      for (String item : ProseRules.LIST_SEPARATOR.split(clause.substring(0, all.start()))) {
        for (Object[] li : ProseRules.LIST_ITEMS) {
          QuickPattern unless = (QuickPattern) li[2];
          String metric = (String) li[0];
          if (((QuickPattern) li[1]).find(item) && (unless == null || !unless.find(item)) && done.add(metric)) {
            out.add(new Candidate(metric, 0, org.gongkai.model.Qualifier.EXACT, evidence(sentenceStart, sentence, cs),
                c.origin(sentenceStart + cs), false, null, paragraph));
          }
        }
      }
    }
  }

  /** The sentence as the report wrote it (line breaks and runs of spaces collapsed), ≤ 200 chars. */
  private String evidence(int sentenceStart, String sentence, int focus) {
    int from = c.origin(sentenceStart);
    int to = c.origin(sentenceStart + sentence.length());
    int at = c.origin(sentenceStart + focus);
    if (to < from || to > raw.length()) {
      return sentence;
    }
    String s = collapse(raw.substring(from, to));
    int f = Math.max(0, Math.min(s.length(), at - from));
    String collapsed = s.strip();
    if (collapsed.length() <= Figure.MAX_EVIDENCE) {
      return collapsed;
    }
    int a = Math.max(0, Math.min(f - 80, s.length() - 190));
    return "…" + s.substring(a, Math.min(s.length(), a + 190)).strip() + "…";
  }

  private static final java.util.regex.Pattern JOINED_BREAK =
      java.util.regex.Pattern.compile("(?<=[^\\x00-\\x7F])[ \\t\\u3000]*\\R[ \\t\\u3000]*(?=[^\\x00-\\x7F])");
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[\\s\\u3000]+");

  /** Line breaks inside Chinese text vanish (PDF conversion); other runs of spaces become one. */
  private static String collapse(String s) {
    String joined = hasLineBreak(s) ? JOINED_BREAK.matcher(s).replaceAll("") : s;
    return SPACES.matcher(joined).replaceAll(" ");
  }

  /** Whether {@code s} holds a character that {@code \\R} matches (a sentence rarely does). */
  private static boolean hasLineBreak(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch >= '\n' && ch <= '\r' || ch == '\u0085' || ch == '\u2028' || ch == '\u2029') {
        return true;
      }
    }
    return false;
  }
}
