package org.gongkai.ingest.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.ingest.report.ProseReader.Candidate;
import org.gongkai.model.Metric;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Qualifier;

/**
 * One figure per metric from what the tables and the prose gave: a table's figure wins over the
 * prose; among prose figures the first stated wins (parts listed after 其中 only when nothing else
 * states the metric), and figures of different channels in one paragraph add up (微信 + 微博,
 * derived). Then what follows from the report (a total from its website and other-channel parts,
 * "均已回复"), and the report's own contradictions as warnings — figures are never changed.
 */
final class Reconciler {
  private final MetricCatalog catalog;
  private final Map<String, Figure> figures = new LinkedHashMap<>();
  private final List<String> warnings;
  private final List<TextAgainstTable> mismatches;

  /** A figure the text states (the prose reader's) and the same metric's figure in the report's table. */
  record TextAgainstTable(Figure text, Figure table) {}

  private Reconciler(MetricCatalog catalog, List<String> warnings, List<TextAgainstTable> mismatches) {
    this.catalog = catalog;
    this.warnings = warnings;
    this.mismatches = mismatches;
  }

  static List<Figure> reconcile(
      MetricCatalog catalog, List<Figure> table, ProseReader.Result prose, List<String> warnings) {
    return reconcile(catalog, table, prose, warnings, new ArrayList<>());
  }

  /** @param mismatches receives each text figure that certainly contradicts its table's */
  static List<Figure> reconcile(MetricCatalog catalog, List<Figure> table, ProseReader.Result prose, List<String> warnings,
      List<TextAgainstTable> mismatches) {
    Reconciler r = new Reconciler(catalog, warnings, mismatches);
    for (Figure f : table) {
      if (r.figures.putIfAbsent(f.metric(), f) != null && r.figures.get(f.metric()).value() != f.value()) {
        warnings.add(f.metric() + ": the tables state " + r.figures.get(f.metric()).value() + " and " + f.value() + "; the first is kept");
      }
    }
    r.prose(prose.candidates());
    r.derive(prose.allResponded());
    r.check();
    List<Figure> out = new ArrayList<>();
    for (Metric m : catalog.metrics()) {
      Figure f = r.figures.get(m.key());
      if (f != null) {
        out.add(f);
      }
    }
    return out;
  }

  private void prose(List<Candidate> candidates) {
    Map<String, List<Candidate>> byMetric = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      if (catalog.byKey(c.metric()).isPresent()) {
        byMetric.computeIfAbsent(c.metric(), k -> new ArrayList<>()).add(c);
      }
    }
    for (Map.Entry<String, List<Candidate>> e : byMetric.entrySet()) {
      String metric = e.getKey();
      List<Candidate> all = e.getValue();
      List<Candidate> stated = all.stream().filter(c -> !c.part()).toList();
      List<Candidate> use = stated.isEmpty() ? all : stated;
      Figure chosen = choose(metric, use);
      Figure table = figures.get(metric);
      if (table != null) {
        if (table.value() != chosen.value()) {
          warnings.add(metric + ": the text says " + chosen.value() + ", the table " + table.value() + "; the table's figure is kept");
          if (contradicts(chosen, table)) {
            mismatches.add(new TextAgainstTable(chosen, table));
          }
        }
        continue;
      }
      figures.put(metric, chosen);
      Set<Long> others = new LinkedHashSet<>();
      for (Candidate c : use) {
        if (c.value() != chosen.value() && !chosen.derived()) {
          others.add(c.value());
        }
      }
      if (!others.isEmpty()) {
        warnings.add(metric + ": the report states " + chosen.value() + " and also " + others + "; the first is kept");
      }
    }
  }

  /**
   * Whether a text figure certainly differs from the table's: an exact figure that is not the
   * table's, a lower bound (10余) above it; an approximate (约) or derived figure proves nothing.
   */
  private static boolean contradicts(Figure text, Figure table) {
    if (text.derived() || table.qualifier() != Qualifier.EXACT) {
      return false;
    }
    return switch (text.qualifier()) {
      case EXACT -> text.value() != table.value();
      case LOWER_BOUND -> text.value() > table.value();
      case APPROXIMATE -> false;
    };
  }

  /** The first figure, or the sum over the channels of its paragraph when they differ. */
  private static Figure choose(String metric, List<Candidate> use) {
    Candidate first = use.get(0);
    if (metric.equals("published_other")) {
      for (Candidate c : use) {
        if (c.channel() != null && c.channel().startsWith("其他")) {
          return figure(metric, c);
        }
      }
    }
    Map<String, Candidate> byChannel = new LinkedHashMap<>();
    for (Candidate c : use) {
      if (c.channel() != null && c.paragraph() == first.paragraph()) {
        byChannel.putIfAbsent(c.channel(), c);
      }
    }
    if (byChannel.size() < 2 || first.channel() == null) {
      return figure(metric, first);
    }
    long sum = 0;
    Qualifier q = Qualifier.EXACT;
    StringBuilder ev = new StringBuilder();
    for (Candidate c : byChannel.values()) {
      sum += c.value();
      q = q.plus(c.qualifier());
      ev.append(ev.length() == 0 ? "" : " / ").append(c.evidence());
    }
    return new Figure(metric, sum, q, true, ev.toString(), first.offset());
  }

  private static Figure figure(String metric, Candidate c) {
    return new Figure(metric, c.value(), c.qualifier(), c.derived(), c.evidence(), c.offset());
  }

  private void derive(List<ProseReader.AllResponded> allResponded) {
    Figure web = figures.get("published_website");
    Figure other = figures.get("published_other");
    if (!figures.containsKey("published_total") && web != null && other != null) {
      figures.put("published_total", new Figure("published_total", web.value() + other.value(),
          web.qualifier().plus(other.qualifier()), true, web.evidence() + " / " + other.evidence(), Math.min(web.offset(), other.offset())));
    }
    Figure hotline = figures.get("hotline_cases");
    if (!figures.containsKey("hotline_cases_responded") && hotline != null && !allResponded.isEmpty()) {
      ProseReader.AllResponded a = allResponded.get(0);
      figures.put("hotline_cases_responded", new Figure("hotline_cases_responded", hotline.value(), hotline.qualifier(), true, a.evidence(), a.offset()));
    }
  }

  /** The report's own contradictions: a part larger than its whole, applications that do not balance. */
  private void check() {
    for (Metric m : catalog.metrics()) {
      Figure part = figures.get(m.key());
      Figure whole = m.within() == null ? null : figures.get(m.within());
      if (part != null && whole != null && whole.qualifier() == Qualifier.EXACT && part.value() > whole.value()) {
        warnings.add("inconsistent: " + m.key() + " (" + part.value() + ") is larger than " + whole.metric() + " (" + whole.value() + ")");
      }
    }
    Long in = sum("applications_received", "applications_carried_over_in");
    Long out = sum("applications_completed", "applications_carried_over_out");
    if (in != null && out != null && !in.equals(out)) {
      warnings.add("inconsistent: applications received + carried over (" + in + ") ≠ completed + carried forward (" + out + ")");
    }
    Long outcomes = sum("applications_granted", "applications_partially_granted", "applications_denied",
        "applications_unavailable", "applications_not_processed", "applications_other_outcome");
    Figure completed = figures.get("applications_completed");
    if (outcomes != null && completed != null && completed.qualifier() == Qualifier.EXACT && outcomes != completed.value()) {
      warnings.add("inconsistent: the outcomes add up to " + outcomes + " but the total of results is " + completed.value());
    }
  }

  /** The sum of exact figures, or null when one is missing or an estimate. */
  private Long sum(String... metrics) {
    long s = 0;
    for (String k : metrics) {
      Figure f = figures.get(k);
      if (f == null || f.qualifier() != Qualifier.EXACT) {
        return null;
      }
      s += f.value();
    }
    return s;
  }
}
