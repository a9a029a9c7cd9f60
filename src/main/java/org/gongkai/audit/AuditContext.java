package org.gongkai.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;

/**
 * What the rules of one evaluation share: the district's winners indexed by township and year,
 * names and labels for messages, and how findings are made.
 */
final class AuditContext {
  private static final int SNIPPET_CHARS = 60;

  final AuditInput in;
  /** township code → year → metric → winner. */
  private final Map<String, Map<Integer, Map<String, Observation>>> byTownship = new TreeMap<>();
  /** year → township codes with at least one winner that year. */
  private final Map<Integer, TreeSet<String>> townshipsByYear = new TreeMap<>();

  AuditContext(AuditInput in) {
    this.in = in;
    // Winners come township by township, year by year: the maps of the one before are looked
    // up again only when the township or the year changes.
    String township = null;
    int year = 0;
    Map<Integer, Map<String, Observation>> years = null;
    Map<String, Observation> metrics = null;
    for (Observation o : in.winners()) {
      if (!o.townshipCode().equals(township)) {
        township = o.townshipCode();
        years = byTownship.computeIfAbsent(township, k -> new TreeMap<>());
        metrics = null;
      }
      if (metrics == null || o.year() != year) {
        year = o.year();
        metrics = years.computeIfAbsent(year, k -> new HashMap<>());
        townshipsByYear.computeIfAbsent(year, k -> new TreeSet<>()).add(township);
      }
      metrics.put(o.metric(), o);
    }
  }

  /** Township codes with winners, in code order. */
  Iterable<String> townships() {
    return byTownship.keySet();
  }

  /** Years of one township with winners, ascending, each with its figures by metric. */
  Map<Integer, Map<String, Observation>> yearsOf(String township) {
    return byTownship.getOrDefault(township, Collections.emptyMap());
  }

  /** The winner of one township, year and metric, or null when the figure is not stated. */
  Observation get(String township, int year, String metric) {
    Map<String, Observation> m = yearsOf(township).get(year);
    return m == null ? null : m.get(metric);
  }

  /** Years in which at least one township of the district has a winner → those townships. */
  Map<Integer, TreeSet<String>> townshipsByYear() {
    return townshipsByYear;
  }

  Finding township(Rule rule, String township, int year, String metric, String message, String evidence, Long value,
      Long reference) {
    return new Finding(rule.code(), rule.severity(), "township", township, in.districtCode(), year, metric, message,
        evidence, value, reference);
  }

  String name(String code) {
    return in.gazetteer().nameOf(code);
  }

  String label(String metric) {
    return in.catalog().byKey(metric).map(m -> m.labelZh()).orElse(metric);
  }

  /** A figure as the report states it: 300, 1000余, 约200. */
  static String show(Observation o) {
    return show(o.value(), o.qualifier());
  }

  static String show(long value, Qualifier q) {
    return switch (q) {
      case EXACT -> Long.toString(value);
      case LOWER_BOUND -> value + "余";
      case APPROXIMATE -> "约" + value;
    };
  }

  /** Where observations were read: {@code file line 12「cell」}, joined by "; ". */
  static String evidence(Observation... observations) {
    List<String> parts = new ArrayList<>(observations.length);
    for (Observation o : observations) {
      if (o != null) {
        parts.add(evidence(o));
      }
    }
    return String.join("; ", parts);
  }

  static String evidence(Observation o) {
    StringBuilder b = new StringBuilder();
    b.append(o.sourceFile()).append(' ').append(o.locator());
    if (o.evidence() != null && !o.evidence().isBlank()) {
      b.append("「").append(snippet(o.evidence())).append("」");
    }
    if (o.derived()) {
      b.append("（推算）");
    }
    return b.toString();
  }

  static String snippet(String s) {
    String t = s.strip().replaceAll("\\s+", " ");
    return t.codePointCount(0, t.length()) <= SNIPPET_CHARS
        ? t
        : t.substring(0, t.offsetByCodePoints(0, SNIPPET_CHARS)) + "…";
  }

  /**
   * What a figure says about the true count: exact → [v, v]; a lower bound → [v, ∞); an
   * approximate figure → nothing certain (null). A rule only fires when the stated figures
   * contradict each other whatever the estimates stand for.
   */
  record Range(long lo, long hi) {
    static final long UNBOUNDED = Long.MAX_VALUE;

    static Range of(Observation o) {
      if (o == null) {
        return null;
      }
      return switch (o.qualifier()) {
        case EXACT -> new Range(o.value(), o.value());
        case LOWER_BOUND -> new Range(o.value(), UNBOUNDED);
        case APPROXIMATE -> null;
      };
    }

    /** The range of a sum; null when any part is unknown. */
    static Range sum(Range a, Range b) {
      if (a == null || b == null) {
        return null;
      }
      long hi = a.hi == UNBOUNDED || b.hi == UNBOUNDED ? UNBOUNDED : saturatedAdd(a.hi, b.hi);
      return new Range(saturatedAdd(a.lo, b.lo), hi);
    }

    private static long saturatedAdd(long x, long y) {
      long r = x + y;
      return ((x ^ r) & (y ^ r)) < 0 ? UNBOUNDED : r;
    }

    /** True when a is certainly greater than b. */
    static boolean surelyGreater(Range a, Range b) {
      return a != null && b != null && b.hi != UNBOUNDED && a.lo > b.hi;
    }

    /** True when a and b certainly differ. */
    static boolean surelyDifferent(Range a, Range b) {
      return surelyGreater(a, b) || surelyGreater(b, a);
    }
  }
}
