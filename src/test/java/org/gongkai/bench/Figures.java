package org.gongkai.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The synthetic figures of one township and year, and how a record states them. Everything is a
 * function of (seed, township code, year), so that records, corrections and reports agree and a
 * data set does not depend on which townships or years are generated with it.
 */
final class Figures {
  /** The 12 metrics of the structured records, in catalog order. */
  static final String[] METRICS = {
    "published_total", "published_website", "published_other", "policy_interpretations", "key_area_items",
    "applications_received", "applications_granted", "applications_completed",
    "hotline_cases", "hotline_cases_responded", "npc_suggestions", "cppcc_proposals"
  };

  static final int PUBLISHED_TOTAL = 0;
  static final int WEBSITE = 1;
  static final int OTHER = 2;
  static final int POLICY = 3;
  static final int KEY_AREA = 4;
  static final int APPLICATIONS = 5;
  static final int GRANTED = 6;
  static final int COMPLETED = 7;
  static final int HOTLINE = 8;
  static final int RESPONDED = 9;
  static final int NPC = 10;
  static final int CPPCC = 11;

  /** How a cell is written. */
  enum Kind { PLAIN, UNIT, ESTIMATE_LOWER, ESTIMATE_APPROX, ZERO_WORD, MISSING }

  /** One cell: its text, and the figure it states (value and qualifier), unless missing. */
  record Cell(String text, Kind kind, long value) {
    boolean missing() {
      return kind == Kind.MISSING;
    }

    String qualifier() {
      return switch (kind) {
        case ESTIMATE_LOWER -> "lower_bound";
        case ESTIMATE_APPROX -> "approximate";
        default -> "exact";
      };
    }
  }

  /** True values (before any record writes them). */
  final long[] values = new long[METRICS.length];
  /** The cells of this township-year's record. */
  final Cell[] cells = new Cell[METRICS.length];
  // Template-only figures (reports of the 2019 template).
  long regulatoryIssued;
  long regulatoryInForce;
  long licensing;
  long penalty;
  long coercion;
  long carriedIn;
  long reconsiderations;
  /** The anomaly planted in this township-year, or null: what the findings should catch. */
  Planted planted;

  /** Planted anomalies, each a function of (seed, township, year) like everything else here. */
  static final double PLANTED_HIGH = 0.002;
  static final double PLANTED_LOW = 0.001;
  static final double PLANTED_BALANCE = 0.001;

  /**
   * An anomaly planted in a figure. {@code kind} is {@code outlier_high} (a figure 12–30 times
   * its usual size), {@code outlier_low} (all items published a 15th–30th of it) or {@code
   * balance} (more hotline cases answered than received); {@code rules} the findings that catch it.
   */
  record Planted(String kind, int metric, List<String> rules) {}

  private Figures() {}

  static Figures of(long seed, String code, int year) {
    Figures f = new Figures();
    SplittableRandom t = Rng.of(seed, code, 0, 1); // the township's size, stable over years
    double size = Math.exp(gaussian(t) * 0.55);
    SplittableRandom r = Rng.of(seed, code, year, 2);
    double growth = 1.0 + 0.06 * Math.max(0, year - 2015);
    long[] v = f.values;
    v[PUBLISHED_TOTAL] = Math.round(size * 380 * growth * (0.75 + 0.5 * r.nextDouble())) + 15;
    v[WEBSITE] = Math.round(v[PUBLISHED_TOTAL] * (0.45 + 0.45 * r.nextDouble()));
    v[OTHER] = v[PUBLISHED_TOTAL] - v[WEBSITE];
    v[POLICY] = Math.round(size * 14 * (0.4 + r.nextDouble())) + 1;
    v[KEY_AREA] = Math.round(v[PUBLISHED_TOTAL] * (0.04 + 0.1 * r.nextDouble()));
    long apps = r.nextDouble() < 0.45 ? 0 : 1 + r.nextInt((int) Math.max(1, Math.round(size * 5)));
    v[APPLICATIONS] = apps;
    v[COMPLETED] = apps > 0 && r.nextDouble() < 0.12 ? apps - 1 : apps;
    v[GRANTED] = Math.max(0, v[COMPLETED] - (v[COMPLETED] > 0 ? r.nextInt((int) Math.min(3, v[COMPLETED] + 1)) : 0));
    v[HOTLINE] = Math.round(size * 75 * growth * (0.5 + r.nextDouble()));
    v[RESPONDED] = r.nextDouble() < 0.85 || v[HOTLINE] == 0 ? v[HOTLINE] : v[HOTLINE] - r.nextInt((int) (1 + v[HOTLINE] / 10));
    v[NPC] = r.nextInt(7);
    v[CPPCC] = r.nextInt(7);
    f.regulatoryIssued = r.nextInt(4);
    f.regulatoryInForce = f.regulatoryIssued + r.nextInt(8);
    f.licensing = r.nextDouble() < 0.5 ? 0 : r.nextInt(60);
    f.penalty = r.nextDouble() < 0.6 ? 0 : r.nextInt(20);
    f.coercion = r.nextDouble() < 0.9 ? 0 : 1 + r.nextInt(3);
    f.carriedIn = r.nextDouble() < 0.9 ? 0 : 1;
    f.reconsiderations = r.nextDouble() < 0.95 ? 0 : 1;
    f.planted = plant(Rng.of(seed, code, year, 5), v);
    // How the record writes each figure: ~5% blank, ~2% estimates, some units and 无.
    for (int i = 0; i < v.length; i++) {
      f.cells[i] = cell(r, v[i], i);
    }
    return f;
  }

  private static Planted plant(SplittableRandom r, long[] v) {
    double u = r.nextDouble();
    if (u < PLANTED_HIGH) {
      int m = new int[] {POLICY, KEY_AREA, HOTLINE}[r.nextInt(3)];
      v[m] = v[m] * (12 + r.nextInt(19)) + 50;
      return new Planted("outlier_high", m, List.of("OUTLIER", "YOY_JUMP"));
    }
    if (u < PLANTED_HIGH + PLANTED_LOW) {
      long total = Math.max(1, v[PUBLISHED_TOTAL] / (15 + r.nextInt(16)));
      v[WEBSITE] = Math.round(total * (double) v[WEBSITE] / v[PUBLISHED_TOTAL]);
      v[OTHER] = total - v[WEBSITE];
      v[KEY_AREA] = Math.min(v[KEY_AREA], total);
      v[PUBLISHED_TOTAL] = total;
      return new Planted("outlier_low", PUBLISHED_TOTAL, List.of("OUTLIER", "YOY_JUMP"));
    }
    if (u < PLANTED_HIGH + PLANTED_LOW + PLANTED_BALANCE) {
      v[RESPONDED] = v[HOTLINE] + 5 + r.nextInt(16);
      return new Planted("balance", RESPONDED, List.of("HOTLINE_RESPONDED_GT_RECEIVED"));
    }
    return null;
  }

  private static Cell cell(SplittableRandom r, long value, int metric) {
    double u = r.nextDouble();
    if (u < 0.05) {
      double w = r.nextDouble();
      return new Cell(w < 0.7 ? "" : w < 0.85 ? "—" : "/", Kind.MISSING, -1);
    }
    if (u < 0.07 && value >= 10) {
      long step = value >= 1000 ? 100 : 10;
      long rounded = value / step * step;
      double w = r.nextDouble();
      if (w < 0.4) {
        return new Cell(rounded + "余", Kind.ESTIMATE_LOWER, rounded);
      } else if (w < 0.7) {
        return new Cell("约" + rounded, Kind.ESTIMATE_APPROX, rounded);
      } else if (w < 0.9) {
        return new Cell(rounded + "多", Kind.ESTIMATE_LOWER, rounded);
      }
      return new Cell(rounded + "余" + unit(metric), Kind.ESTIMATE_LOWER, rounded);
    }
    if (value == 0 && r.nextDouble() < 0.2) {
      return new Cell("无", Kind.ZERO_WORD, 0);
    }
    if (r.nextDouble() < 0.04) {
      return new Cell(value + unit(metric), Kind.UNIT, value);
    }
    return new Cell(Long.toString(value), Kind.PLAIN, value);
  }

  static String unit(int metric) {
    return metric <= KEY_AREA ? "条" : "件";
  }

  /** The figure a report states for a metric: the record's when it has one, else the true value. */
  long stated(int metric) {
    return cells[metric].missing() ? values[metric] : cells[metric].value();
  }

  /** The text a report uses for a metric's figure, with the record's estimate words ("1000余"). */
  String statedText(int metric) {
    Cell c = cells[metric];
    return switch (c.kind()) {
      case ESTIMATE_LOWER, ESTIMATE_APPROX -> c.text().replaceAll("[条件]$", "");
      default -> Long.toString(stated(metric));
    };
  }

  private static double gaussian(SplittableRandom r) {
    double u1 = Math.max(1e-12, r.nextDouble());
    double u2 = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
