package org.gongkai.ingest.excel;

import java.util.List;

/** What a workbook format (.xlsx by SAX, .xls by HSSF) says, sheet by sheet and row by row. */
interface WorkbookRows {
  /**
   * @param number the 1-based sheet number
   * @return false when the sheet's rows are not wanted
   */
  boolean startSheet(String name, int number, boolean visible);

  /** A row with at least one non-blank cell, in order; {@code row} is 1-based. */
  void row(int row, List<Cell> cells);

  void endSheet();
}
