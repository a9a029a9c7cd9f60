package org.gongkai.model;

import java.io.Serializable;

/**
 * The canonical record (DESIGN.md): one figure of one township for one year, with where it
 * was read.
 *
 * @param sourceOrder the index of the source in the job file, for deterministic tie-breaks
 * @param priority the source's priority (higher wins duplicates)
 * @param locator where in the file: {@code line 12}, {@code record 3}, {@code offset 1024}
 * @param evidence the text the figure was read from (raw cell or report sentence)
 * @param remark the record's remark (its 备注 column), or null: carried to the 汇总表
 */
public record Observation(
    int year,
    String townshipCode,
    String metric,
    long value,
    Qualifier qualifier,
    boolean derived,
    String source,
    int sourceOrder,
    int priority,
    String sourceFile,
    String locator,
    long position,
    String evidence,
    String remark)
    implements Serializable {

  /** An observation without a remark. */
  public Observation(int year, String townshipCode, String metric, long value, Qualifier qualifier, boolean derived,
      String source, int sourceOrder, int priority, String sourceFile, String locator, long position, String evidence) {
    this(year, townshipCode, metric, value, qualifier, derived, source, sourceOrder, priority, sourceFile, locator,
        position, evidence, null);
  }
}
