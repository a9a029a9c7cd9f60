package org.gongkai.ingest.excel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongkai.ingest.ColumnMapping;
import org.gongkai.model.MetricCatalog;
import org.gongkai.normalize.Text;

/**
 * Where a sheet's header is and what each column is called. A header names a region (or its
 * code) and at least one metric; above it title rows, 填报单位 lines and blank rows are passed
 * over. A two-row header (主动公开信息（条） over 总数 / 其中：政府网站 / 政策解读) gives each column its
 * parent and child: a parent cell merged over its children is blank beside its first child, so
 * a blank parent above a child continues the parent on its left, as long as that one has a child
 * too. Each column is named by the first of parent+child, child, parent that the catalog knows;
 * units and 其中： are dropped first.
 *
 * @param firstRow the header's first (1-based) row
 * @param rows 1 or 2
 * @param names a name per column, the one the column mapping is given
 * @param remark the 备注 column, or -1
 * @param serial the 序号 column, or -1
 */
record SheetHeader(int firstRow, int rows, List<String> names, int remark, int serial, int metrics, int region) {

  /** A row of a sheet: its 1-based number and non-blank cells. */
  record Row(int number, List<Cell> cells) {
    String text(int column) {
      for (Cell c : cells) {
        if (c.column() == column) {
          return c.text();
        }
      }
      return null;
    }

    int width() {
      return cells.isEmpty() ? 0 : cells.get(cells.size() - 1).column() + 1;
    }

    String joined() {
      List<String> t = new ArrayList<>();
      cells.forEach(c -> t.add(c.text() == null ? "=?" : c.text()));
      return String.join(" ", t);
    }
  }

  /** Rows a header is looked for in, from the top of a sheet. */
  static final int SCAN_ROWS = 30;

  /**
   * The header among the first rows of a sheet, or null.
   *
   * @param at the 1-based row the job file says the header starts at, or null
   * @param count the header's rows the job file says (1 or 2), or null
   */
  static SheetHeader find(List<Row> rows, Integer at, Integer count, Map<String, String> overrides, MetricCatalog catalog,
      WorkbookWords words) {
    Namer namer = new Namer(overrides, catalog, words);
    for (int i = 0; i < rows.size(); i++) {
      Row first = rows.get(i);
      if (at != null && first.number() != at) {
        continue;
      }
      Row next = i + 1 < rows.size() && rows.get(i + 1).number() == first.number() + 1 ? rows.get(i + 1) : null;
      SheetHeader one = count == null || count == 1 ? of(first, null, namer) : null;
      SheetHeader two = next != null && (count == null || count == 2) ? of(first, next, namer) : null;
      if (two != null && two.valid() && (one == null || two.metrics > one.metrics)) {
        return two;
      }
      if (one != null && (one.valid() || at != null)) {
        return one;
      }
      if (at != null) {
        return two;
      }
    }
    return null;
  }

  boolean valid() {
    return region >= 0 && metrics > 0;
  }

  int lastRow() {
    return firstRow + rows - 1;
  }

  private static SheetHeader of(Row parentRow, Row childRow, Namer namer) {
    int width = Math.max(parentRow.width(), childRow == null ? 0 : childRow.width());
    List<String> names = new ArrayList<>();
    int remark = -1;
    int serial = -1;
    int metrics = 0;
    int region = -1;
    String parent = null;
    boolean parentHasChild = false;
    for (int c = 0; c < width; c++) {
      String p = namer.words.bareHeader(parentRow.text(c));
      String child = childRow == null ? "" : namer.words.bareHeader(childRow.text(c));
      if (!p.isEmpty()) {
        parent = p;
        parentHasChild = !child.isEmpty();
      } else if (!child.isEmpty() && parent != null && parentHasChild) {
        p = parent; // under a parent merged across its children
      } else {
        parent = null;
      }
      String name = null;
      for (String candidate : child.isEmpty() ? List.of(p) : List.of(p + child, child)) {
        if (!candidate.isEmpty() && namer.knows(candidate)) {
          name = candidate;
          break;
        }
      }
      if (name == null) {
        name = p.isEmpty() || child.isEmpty() ? p + child : p + "/" + child;
      }
      names.add(name);
      String role = namer.target(name);
      if (namer.words.isRemark(name) && role == null) {
        remark = c;
      } else if (namer.words.isSerial(name) && role == null) {
        serial = c;
      } else if (ColumnMapping.REGION.equals(role) || ColumnMapping.REGION_CODE.equals(role)) {
        region = region < 0 ? c : region;
      } else if (role != null && !role.equals(ColumnMapping.DISTRICT) && !role.equals(ColumnMapping.YEAR)
          && !role.equals(ColumnMapping.IGNORE)) {
        metrics++;
      }
    }
    return new SheetHeader(parentRow.number(), childRow == null ? 1 : 2, List.copyOf(names), remark, serial, metrics, region);
  }

  /** What a header names: the source's columns first, then the catalog, then 备注 and 序号. */
  private record Namer(Map<String, String> overrides, MetricCatalog catalog, WorkbookWords words) {
    String target(String header) {
      for (Map.Entry<String, String> e : overrides.entrySet()) {
        if (Text.key(e.getKey()).equals(Text.key(header))) {
          return e.getValue();
        }
      }
      return catalog.roleOf(header).orElseGet(() -> catalog.byAlias(header).map(m -> m.key()).orElse(null));
    }

    boolean knows(String header) {
      return target(header) != null || words.isRemark(header) || words.isSerial(header);
    }
  }
}
