package org.gongkai.model;

import java.io.Serializable;

/**
 * Something a reader read and did not use, said out loud: a column that maps to nothing, a part
 * of a report recognised but not read, lines skipped above a header, a sheet skipped. Each becomes
 * a warning finding and a line of the run summary; none is a reject, since the record or report
 * it belongs to may still be used.
 *
 * @param code a stable upper-case code, the finding's rule: {@code UNMAPPED_COLUMN},
 *     {@code REPORT_PART_NOT_READ}, {@code LINES_SKIPPED}, {@code SHEET_SKIPPED}, {@code FIGURE_UNCERTAIN}
 * @param locator where in the file (a line, a column header, {@code 表3 第5行}, a sheet name)
 * @param message what was not used and why, in Chinese (an analyst reads it)
 * @param evidence the text it was about (a header and its first values, a table row), kept short
 */
public record Notice(String source, String sourceFile, Integer year, String code, String locator, String message, String evidence)
    implements Serializable {

  public static final String UNMAPPED_COLUMN = "UNMAPPED_COLUMN";
  public static final String REPORT_PART_NOT_READ = "REPORT_PART_NOT_READ";
  public static final String LINES_SKIPPED = "LINES_SKIPPED";
  public static final String SHEET_SKIPPED = "SHEET_SKIPPED";
  /** A workbook's total row (合计) that differs from the sum of the rows it covers. */
  public static final String TOTAL_ROW_MISMATCH = "TOTAL_ROW_MISMATCH";
  /** A total row whose figures could not be checked (a formula without a cached value). */
  public static final String TOTAL_ROW_UNCHECKED = "TOTAL_ROW_UNCHECKED";
  /** A report's count whose metric the reader cannot tell apart from another: not emitted. */
  public static final String FIGURE_UNCERTAIN = "FIGURE_UNCERTAIN";

  public static final int MAX_EVIDENCE_CHARS = 300;

  public Notice {
    if (evidence != null && evidence.length() > MAX_EVIDENCE_CHARS) {
      evidence = evidence.substring(0, MAX_EVIDENCE_CHARS) + "…";
    }
  }
}
