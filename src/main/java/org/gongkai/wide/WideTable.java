package org.gongkai.wide;

import org.gongkai.table.TableWriter;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gongkai.model.Division;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.Metric;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;
import org.gongkai.model.RejectedRecord;

/**
 * The analysts' 汇总表 (DESIGN.md, {@code wide/}): per year, one row per township of the
 * gazetteer in code order, non-reporting ones included (状态 未报送, blank figures), one column
 * per catalog metric stated that year (headed by its Chinese label), and a total row (合计).
 * Estimates are marked: a lower bound {@code 1000+}, an approximate figure {@code ~200}; a sum
 * carries the mark when any part is not exact.
 *
 * <p>Built in two steps so that the pipeline can do the work per district: {@link #district}
 * makes a district's {@link Piece} (every year of it); {@link Piece#table} is that district's
 * file, and {@link #combine} assembles the whole-job file of a year from all the pieces, with
 * one 合计 row per district and a grand total (总计). Pure: data in, strings out. The caller
 * writes the tables as CSV, UTF-8 with BOM ({@code TableWriter.writeCsv(dir, rel, header, rows,
 * true)}), which also neutralises formula-like cells.
 */
public final class WideTable {
  public static final List<String> FIXED_HEADER = List.of("乡镇代码", "乡镇名称", "所属县区", "状态");
  public static final String REPORTED = "已报送";
  public static final String NOT_REPORTED = "未报送";
  public static final String DISTRICT_TOTAL = "合计";
  public static final String GRAND_TOTAL = "总计";
  /** The last column: the records' remarks (备注), as the input gave them. */
  public static final String REMARK = "备注";

  private WideTable() {}

  /** A figure or a sum with its qualifier. */
  public record Cell(long value, Qualifier qualifier) implements Serializable {
    /** {@code 123}, {@code 1000+} (lower bound), {@code ~200} (approximate). */
    public String text() {
      return switch (qualifier) {
        case EXACT -> Long.toString(value);
        case LOWER_BOUND -> value + "+";
        case APPROXIMATE -> "~" + value;
      };
    }

    Cell plus(Cell other) {
      return other == null ? this : new Cell(Math.addExact(value, other.value), qualifier.plus(other.qualifier));
    }
  }

  /**
   * One township in one year; {@code cells} by metric key, empty when it did not report;
   * {@code remark} the remarks of its records (备注), distinct ones joined by ；, or null.
   */
  public record TownshipRow(String code, String name, boolean reported, Map<String, Cell> cells, String rejected,
      String remark) implements Serializable {
    public TownshipRow {
      cells = new LinkedHashMap<>(cells);
    }

    public TownshipRow(String code, String name, boolean reported, Map<String, Cell> cells, String rejected) {
      this(code, name, reported, cells, rejected, null);
    }

    public TownshipRow(String code, String name, boolean reported, Map<String, Cell> cells) {
      this(code, name, reported, cells, null, null);
    }

    /** 已报送, 未报送, or 数据被拒收（reason, where） for a township whose only record was rejected. */
    public String status() {
      return reported ? REPORTED : rejected != null ? rejected : NOT_REPORTED;
    }
  }

  /**
   * One year of one district.
   *
   * @param metrics keys of the metrics some township of the district states that year, catalog order
   * @param totals the district sum of each of those metrics
   * @param reporting townships of the gazetteer that reported (have at least one figure)
   * @param expected townships of the district in the gazetteer
   * @param stated the district's own stated figures (its report), shown in a row below 合计
   */
  public record Block(int year, List<String> metrics, List<TownshipRow> rows, Map<String, Cell> totals, int reporting,
      int expected, Map<String, Cell> stated) implements Serializable {
    public Block {
      metrics = new ArrayList<>(metrics);
      rows = new ArrayList<>(rows);
      totals = new LinkedHashMap<>(totals);
      stated = new LinkedHashMap<>(stated);
    }

    public Block(int year, List<String> metrics, List<TownshipRow> rows, Map<String, Cell> totals, int reporting,
        int expected) {
      this(year, metrics, rows, totals, reporting, expected, Map.of());
    }
  }

  /** The 名称 of the row of a district's own stated figures, below its 合计. */
  public static final String DISTRICT_STATED = "区县自报";

  /** A table ready to write: a header and rows of cell text (blank = not stated). */
  public record Table(List<String> header, List<List<String>> rows) {
    /** The rows as {@code Object[]}, as TableWriter takes them. */
    public List<Object[]> records() {
      List<Object[]> out = new ArrayList<>(rows.size());
      rows.forEach(r -> out.add(r.toArray()));
      return out;
    }
  }

  /** What one district gives to the wide tables: a block per year. */
  public record Piece(String districtCode, String districtName, List<Block> blocks) implements Serializable {
    public Piece {
      blocks = new ArrayList<>(blocks);
    }

    /** The block of a year, or null when the piece has none. */
    public Block block(int year) {
      for (Block b : blocks) {
        if (b.year() == year) {
          return b;
        }
      }
      return null;
    }

    /** This piece with only the block of one year (none if it has none). */
    public Piece only(int year) {
      Block b = block(year);
      return new Piece(districtCode, districtName, b == null ? List.of() : List.of(b));
    }

    public SortedSet<Integer> years() {
      SortedSet<Integer> years = new TreeSet<>();
      blocks.forEach(b -> years.add(b.year()));
      return years;
    }

    /** The district's 汇总表 of a year (its townships, then 合计); null without a block for the year. */
    public Table table(int year, MetricCatalog catalog) {
      Block b = block(year);
      return b == null ? null : table(year, b.metrics(), catalog);
    }

    /** As above, with the given columns (the job's columns of the year, the same for every district). */
    public Table table(int year, List<String> metrics, MetricCatalog catalog) {
      Block b = block(year);
      if (b == null) {
        return null;
      }
      List<List<String>> rows = new ArrayList<>(b.rows().size() + 1);
      appendDistrict(rows, this, b, metrics);
      return new Table(header(metrics, catalog), rows);
    }

    /** {@code wide/2018/341503-裕安区.csv}. */
    public String path(int year) {
      return "wide/" + year + "/" + districtCode + "-" + safeFileName(districtName) + ".csv";
    }

    /** {@code wide/2018/341503-裕安区.xlsx}. */
    public String workbookPath(int year) {
      return "wide/" + year + "/" + districtCode + "-" + safeFileName(districtName) + ".xlsx";
    }
  }

  /** {@code wide/2018/all.csv}. */
  public static String allPath(int year) {
    return "wide/" + year + "/all.csv";
  }

  /** {@code wide/2018/all.xlsx}. */
  public static String allWorkbookPath(int year) {
    return "wide/" + year + "/all.xlsx";
  }

  /**
   * The piece of one district.
   *
   * @param years the years to build (the job's years, so that a district without data in a year
   *     still shows its townships as 未报送 there); null or empty: the years of {@code winners}
   * @param winners the district's deduplicated observations, any order
   */
  public static Piece district(String districtCode, Collection<Integer> years, Gazetteer gazetteer,
      MetricCatalog catalog, List<Observation> winners) {
    return district(districtCode, years, gazetteer, catalog, winners, List.of());
  }

  /**
   * As above; a township without figures in a year but with a rejected record of it shows
   * 数据被拒收 (the first such record's reason and place), and the years of rejects count too.
   */
  public static Piece district(String districtCode, Collection<Integer> years, Gazetteer gazetteer,
      MetricCatalog catalog, List<Observation> winners, List<RejectedRecord> rejected) {
    return district(districtCode, years, gazetteer, catalog, winners, rejected, List.of());
  }

  /** As above, with the district's own stated figures (deduplicated) in a 区县自报 row below 合计. */
  public static Piece district(String districtCode, Collection<Integer> years, Gazetteer gazetteer,
      MetricCatalog catalog, List<Observation> winners, List<RejectedRecord> rejected, List<Observation> stated) {
    SortedSet<Integer> wanted = new TreeSet<>();
    if (years != null) {
      wanted.addAll(years);
    }
    Map<String, String> refused = new HashMap<>();
    for (RejectedRecord r : rejected) {
      refused.putIfAbsent(r.year() + "|" + r.townshipCode(), r.text());
    }
    Map<Integer, Map<String, Map<String, Observation>>> byYear = new TreeMap<>();
    for (Observation o : winners) {
      byYear.computeIfAbsent(o.year(), k -> new HashMap<>())
          .computeIfAbsent(o.townshipCode(), k -> new HashMap<>())
          .put(o.metric(), o);
    }
    Map<Integer, Map<String, Observation>> own = new TreeMap<>();
    for (Observation o : stated) {
      own.computeIfAbsent(o.year(), k -> new HashMap<>()).put(o.metric(), o);
    }
    if (wanted.isEmpty()) {
      wanted.addAll(byYear.keySet());
      rejected.forEach(r -> wanted.add(r.year()));
      wanted.addAll(own.keySet());
    }
    List<Division> expected = gazetteer.townshipsOf(districtCode);
    List<Block> blocks = new ArrayList<>(wanted.size());
    for (int year : wanted) {
      Map<String, Map<String, Observation>> byTownship = byYear.getOrDefault(year, Map.of());
      Map<String, Observation> ownFigures = own.getOrDefault(year, Map.of());
      List<String> metrics = new ArrayList<>();
      Map<String, Cell> statedCells = new LinkedHashMap<>();
      for (Metric m : catalog.metrics()) {
        Observation o = ownFigures.get(m.key());
        if (o != null) {
          statedCells.put(m.key(), new Cell(o.value(), o.qualifier()));
        }
        boolean any = o != null;
        for (Map<String, Observation> figures : byTownship.values()) {
          if (any || figures.containsKey(m.key())) {
            any = true;
            break;
          }
        }
        if (any) {
          metrics.add(m.key());
        }
      }
      List<TownshipRow> rows = new ArrayList<>(expected.size());
      Map<String, Cell> totals = new LinkedHashMap<>();
      int reporting = 0;
      TreeSet<String> unexpected = new TreeSet<>(byTownship.keySet());
      for (Division d : expected) {
        unexpected.remove(d.code());
        TownshipRow row = row(d.code(), d.name(), byTownship.get(d.code()), metrics, totals,
            refused.get(year + "|" + d.code()));
        rows.add(row);
        if (row.reported()) {
          reporting++;
        }
      }
      for (String code : unexpected) { // not in the gazetteer's list: shown after the others, never dropped
        rows.add(row(code, gazetteer.nameOf(code), byTownship.get(code), metrics, totals, null));
      }
      blocks.add(new Block(year, metrics, rows, totals, reporting, expected.size(), statedCells));
    }
    return new Piece(districtCode, gazetteer.nameOf(districtCode), blocks);
  }

  private static TownshipRow row(String code, String name, Map<String, Observation> figures, List<String> metrics,
      Map<String, Cell> totals, String rejected) {
    Map<String, Cell> cells = new LinkedHashMap<>();
    Set<String> remarks = new java.util.LinkedHashSet<>();
    if (figures != null) {
      for (String m : metrics) {
        Observation o = figures.get(m);
        if (o != null) {
          Cell c = new Cell(o.value(), o.qualifier());
          cells.put(m, c);
          totals.merge(m, c, Cell::plus);
          if (o.remark() != null && !o.remark().isBlank()) {
            remarks.add(o.remark());
          }
        }
      }
    }
    return new TownshipRow(code, name, figures != null && !figures.isEmpty(), cells, rejected,
        remarks.isEmpty() ? null : String.join("；", remarks));
  }

  /**
   * The whole-job 汇总表 of one year: every district of the job (those with a piece) in code order
   * (a district whose piece lacks the year shows all its townships as 未报送), each followed by its
   * 合计 row, then 总计. Columns: every metric any district states that year.
   */
  public static Table combine(int year, List<Piece> pieces, Gazetteer gazetteer, MetricCatalog catalog) {
    Map<String, Piece> byDistrict = new TreeMap<>();
    for (Piece p : pieces) {
      if (byDistrict.put(p.districtCode(), p) != null) {
        throw new IllegalArgumentException("two wide-table pieces for district " + p.districtCode());
      }
    }
    List<String> metrics = metrics(year, byDistrict.values(), catalog);
    Combiner combiner = new Combiner(year, metrics, byDistrict.keySet(), gazetteer, catalog);
    List<List<String>> rows = new ArrayList<>();
    byDistrict.values().forEach(p -> rows.addAll(combiner.add(p)));
    rows.addAll(combiner.finish());
    return new Table(combiner.header(), rows);
  }

  /** Whole-job tables for every year of the pieces. */
  public static SortedMap<Integer, Table> combine(List<Piece> pieces, Gazetteer gazetteer, MetricCatalog catalog) {
    SortedSet<Integer> years = new TreeSet<>();
    pieces.forEach(p -> years.addAll(p.years()));
    SortedMap<Integer, Table> out = new TreeMap<>();
    for (int year : years) {
      out.put(year, combine(year, pieces, gazetteer, catalog));
    }
    return out;
  }

  /** Keys of the metrics that some piece states in a year, catalog order: the columns of its whole-job table. */
  public static List<String> metrics(int year, Collection<Piece> pieces, MetricCatalog catalog) {
    Set<String> stated = new HashSet<>();
    for (Piece p : pieces) {
      Block b = p.block(year);
      if (b != null) {
        stated.addAll(b.metrics());
      }
    }
    return inCatalogOrder(stated, catalog);
  }

  /** Metric keys in catalog order (keys the catalog does not know are dropped). */
  public static List<String> inCatalogOrder(Collection<String> keys, MetricCatalog catalog) {
    List<String> out = new ArrayList<>();
    for (Metric m : catalog.metrics()) {
      if (keys.contains(m.key())) {
        out.add(m.key());
      }
    }
    return out;
  }

  /**
   * Builds the whole-job table of one year a district at a time, so that a caller can stream it
   * from pieces read one by one: {@link #add} the pieces in ascending district code (each gives
   * the rows of the job's districts before it that have no piece this year, then its own), then
   * {@link #finish} (the remaining districts and 总计).
   */
  public static final class Combiner {
    private final int year;
    private final List<String> metrics;
    private final Gazetteer gazetteer;
    private final MetricCatalog catalog;
    private final Iterator<String> districts;
    private String nextDistrict;
    private String last;
    private final Map<String, Cell> grand = new LinkedHashMap<>();
    private int reporting;
    private int expected;

    /**
     * @param districts the districts of the job (any order): those with a piece in some year. Not
     *     the gazetteer's: a national gazetteer would give a job about one district 44,000 lines
     */
    public Combiner(int year, List<String> metrics, Collection<String> districts, Gazetteer gazetteer,
        MetricCatalog catalog) {
      this.year = year;
      this.metrics = List.copyOf(metrics);
      this.gazetteer = gazetteer;
      this.catalog = catalog;
      this.districts = new TreeSet<>(districts).iterator();
      this.nextDistrict = this.districts.hasNext() ? this.districts.next() : null;
    }

    public List<String> header() {
      return WideTable.header(metrics, catalog);
    }

    /** The rows up to and including this piece's district. */
    public List<List<String>> add(Piece p) {
      String code = p.districtCode();
      if (last != null && code.compareTo(last) <= 0) {
        throw new IllegalArgumentException(code.equals(last) ? "two wide-table pieces for district " + code
            : "wide-table pieces out of district order: " + code + " after " + last);
      }
      last = code;
      List<List<String>> rows = new ArrayList<>();
      emptyDistrictsBefore(code, rows);
      if (code.equals(nextDistrict)) {
        nextDistrict = districts.hasNext() ? districts.next() : null;
      }
      Block b = p.block(year);
      append(b == null ? district(code, List.of(year), gazetteer, catalog, List.of()) : p, rows);
      return rows;
    }

    /** The remaining districts of the job, then 总计. */
    public List<List<String>> finish() {
      List<List<String>> rows = new ArrayList<>();
      emptyDistrictsBefore(null, rows);
      rows.add(totalRow("", GRAND_TOTAL, "", reporting, expected, grand, metrics));
      return rows;
    }

    private void emptyDistrictsBefore(String code, List<List<String>> rows) {
      while (nextDistrict != null && (code == null || nextDistrict.compareTo(code) < 0)) {
        append(district(nextDistrict, List.of(year), gazetteer, catalog, List.of()), rows);
        nextDistrict = districts.hasNext() ? districts.next() : null;
      }
    }

    private void append(Piece p, List<List<String>> rows) {
      Block b = p.block(year);
      appendDistrict(rows, p, b, metrics);
      b.totals().forEach((m, c) -> grand.merge(m, c, Cell::plus));
      reporting += b.reporting();
      expected += b.expected();
    }
  }

  private static List<String> header(List<String> metrics, MetricCatalog catalog) {
    List<String> header = new ArrayList<>(FIXED_HEADER);
    for (String m : metrics) {
      header.add(catalog.byKey(m).map(Metric::labelZh).orElse(m));
    }
    header.add(REMARK);
    return header;
  }

  private static void appendDistrict(List<List<String>> rows, Piece p, Block b, List<String> metrics) {
    for (TownshipRow t : b.rows()) {
      List<String> row = new ArrayList<>(FIXED_HEADER.size() + metrics.size());
      row.add(t.code());
      row.add(t.name());
      row.add(p.districtName());
      row.add(t.status());
      for (String m : metrics) {
        Cell c = t.cells().get(m);
        row.add(c == null ? "" : c.text());
      }
      row.add(t.remark() == null ? "" : t.remark());
      rows.add(row);
    }
    rows.add(totalRow(p.districtCode(), DISTRICT_TOTAL, p.districtName(), b.reporting(), b.expected(), b.totals(),
        metrics));
    if (!b.stated().isEmpty()) {
      List<String> row = new ArrayList<>(List.of(p.districtCode(), DISTRICT_STATED, p.districtName(), "区县报告"));
      for (String m : metrics) {
        Cell c = b.stated().get(m);
        row.add(c == null ? "" : c.text());
      }
      rows.add(row);
    }
  }

  private static List<String> totalRow(String code, String name, String district, int reporting, int expected,
      Map<String, Cell> totals, List<String> metrics) {
    List<String> row = new ArrayList<>(FIXED_HEADER.size() + metrics.size());
    row.add(code);
    row.add(name);
    row.add(district);
    row.add(REPORTED + " " + reporting + "/" + expected);
    for (String m : metrics) {
      Cell c = totals.get(m);
      row.add(c == null ? "" : c.text());
    }
    row.add("");
    return row;
  }

  /** A name usable in a file name on every system: no path separators or reserved characters. */
  static String safeFileName(String name) {
    String s = name == null ? "" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
    return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
  }
}
