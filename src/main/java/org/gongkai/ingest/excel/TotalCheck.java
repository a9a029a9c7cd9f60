package org.gongkai.ingest.excel;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.ingest.ColumnMapping;
import org.gongkai.model.MetricCatalog;
import org.gongkai.normalize.CountParser;
import org.gongkai.normalize.CountResult;

/**
 * The sums a total row (合计, 小计) is checked against: per metric column, the sum of the figures
 * Gongkai reads from the rows it covers, and the sum Excel's SUM gives (numbers only: a number
 * typed as text, an estimate such as 151余, is skipped by SUM). A 小计 covers the rows since the
 * previous 小计; any other total covers every row since the previous one of its kind.
 */
final class TotalCheck {
  private final ColumnMapping mapping;
  private final MetricCatalog catalog;
  private final String sheetRef;
  private final Sums block = new Sums();
  private final Sums all = new Sums();

  TotalCheck(ColumnMapping mapping, MetricCatalog catalog, String sheetRef) {
    this.mapping = mapping;
    this.catalog = catalog;
    this.sheetRef = sheetRef;
  }

  private boolean isMetric(int c) {
    return mapping.target(c) != null && !mapping.isRole(c) && catalog.byKey(mapping.target(c)).isPresent();
  }

  /** True before any row a 合计 would cover. */
  boolean coversNothing() {
    return all.rows == 0;
  }

  /** A row that a total covers. */
  void add(SheetHeader.Row row) {
    block.add(row);
    all.add(row);
  }

  /**
   * Checks a total row against the rows it covers.
   *
   * @return what differs, in Chinese, or null when every figure agrees
   */
  String check(SheetHeader.Row total, boolean subtotal, List<String> unchecked) {
    Sums s = subtotal ? block : all;
    List<String> diffs = new ArrayList<>();
    for (Cell c : total.cells()) {
      if (!isMetric(c.column())) {
        continue;
      }
      String cell = Cell.columnName(c.column()) + total.number();
      if (c.uncachedFormula()) {
        unchecked.add(cell);
        continue;
      }
      Long stated = count(c.text());
      if (stated == null) {
        continue;
      }
      long read = s.read(c.column());
      if (stated != read) {
        String d = mapping.header(c.column()) + "（" + cell + "）：合计行为 " + stated + "，所辖 " + s.rows + " 行之和为 " + read;
        List<String> text = s.textCells(c.column());
        if (!text.isEmpty() && stated == s.excel(c.column())) {
          d += "；差额来自以文本存储的单元格 " + String.join("、", text) + "，Excel 的 SUM 不计文本";
        }
        diffs.add(d);
      }
    }
    block.clear();
    if (!subtotal) {
      all.clear();
    }
    return diffs.isEmpty() ? null : String.join("；", diffs);
  }

  private static Long count(String text) {
    if (text == null) {
      return null;
    }
    return CountParser.parse(text) instanceof CountResult.Count c ? c.value() : null;
  }

  /** Column sums over some rows. */
  private final class Sums {
    private final java.util.Map<Integer, long[]> sums = new java.util.HashMap<>(); // read, excel
    private final java.util.Map<Integer, List<String>> text = new java.util.HashMap<>();
    int rows;

    void add(SheetHeader.Row row) {
      rows++;
      for (Cell c : row.cells()) {
        if (!isMetric(c.column()) || c.text() == null) {
          continue;
        }
        Long v = count(c.text());
        if (v == null) {
          continue;
        }
        long[] s = sums.computeIfAbsent(c.column(), k -> new long[2]);
        s[0] += v;
        if (c.numeric()) {
          s[1] += v;
        } else if (v != 0) {
          List<String> t = text.computeIfAbsent(c.column(), k -> new ArrayList<>());
          if (t.size() < 10) {
            t.add(sheetRef + Cell.columnName(c.column()) + row.number() + "（'" + c.text().strip() + "'）");
          }
        }
      }
    }

    long read(int column) {
      return sums.getOrDefault(column, new long[2])[0];
    }

    long excel(int column) {
      return sums.getOrDefault(column, new long[2])[1];
    }

    List<String> textCells(int column) {
      return text.getOrDefault(column, List.of());
    }

    void clear() {
      sums.clear();
      text.clear();
      rows = 0;
    }
  }
}
