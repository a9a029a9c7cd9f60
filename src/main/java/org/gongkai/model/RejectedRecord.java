package org.gongkai.model;

import java.io.Serializable;

/**
 * A rejected record whose township and year are known: what its district needs to show that
 * township as 数据被拒收 (with the reason and where) rather than 未报送.
 */
public record RejectedRecord(int year, String townshipCode, String reasonCode, String sourceFile, String locator)
    implements Serializable {

  public static RejectedRecord of(Reject r) {
    return new RejectedRecord(r.year(), r.townshipCode(), r.reasonCode(), r.sourceFile(), r.locator());
  }

  /** 数据被拒收（UNKNOWN_REGION，data.csv line 3）. */
  public String text() {
    return "数据被拒收（" + reasonCode + "，" + sourceFile + " " + locator + "）";
  }
}
