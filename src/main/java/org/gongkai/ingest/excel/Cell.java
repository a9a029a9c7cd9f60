package org.gongkai.ingest.excel;

/**
 * One non-blank cell of a sheet as the workbook stores it.
 *
 * @param column 0-based column
 * @param text the value: a number in plain digits (339, 12.5), a text as typed, a formula's cached
 *     value; null for a formula that has no cached value
 * @param numeric true when the workbook stores a number (what Excel's SUM adds), false for text
 * @param formula true when the cell holds a formula
 */
record Cell(int column, String text, boolean numeric, boolean formula) {

  boolean uncachedFormula() {
    return formula && text == null;
  }

  /** The column letters of a 0-based column: 0 → A, 26 → AA. */
  static String columnName(int column) {
    StringBuilder b = new StringBuilder();
    for (int c = column + 1; c > 0; c = (c - 1) / 26) {
      b.insert(0, (char) ('A' + (c - 1) % 26));
    }
    return b.toString();
  }

  /** A number as plain digits: 339.0 → 339, 12.50 → 12.5. */
  static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return Double.toString(d);
    }
    return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
