package org.gongkai.model;

import java.io.Serializable;

/**
 * An input record or report that could not be used, and why.
 *
 * @param reasonCode a stable upper-case code such as {@code UNKNOWN_REGION}
 * @param reason a readable explanation naming the field and quoting the raw value
 * @param townshipCode the township the record is of, when it could be told (resolved, or the one
 *     near miss of an unknown name), else null: its district shows it as 数据被拒收, not 未报送
 */
public record Reject(
    String source,
    String sourceFile,
    String locator,
    long position,
    Integer year,
    String raw,
    String reasonCode,
    String reason,
    String townshipCode)
    implements Serializable {

  /** A reject whose township is not known. */
  public Reject(String source, String sourceFile, String locator, long position, Integer year, String raw,
      String reasonCode, String reason) {
    this(source, sourceFile, locator, position, year, raw, reasonCode, reason, null);
  }

  /** Raw text is kept short: enough to find the record, never a whole file; a NUL in it is shown as ␀. */
  public static final int MAX_RAW_CHARS = 500;

  public Reject {
    if (raw != null && raw.indexOf('\0') >= 0) {
      raw = raw.replace('\0', '\u2400'); // shown as ␀: a NUL would break the tools that read the rejects
    }
    if (raw != null && raw.length() > MAX_RAW_CHARS) {
      raw = raw.substring(0, MAX_RAW_CHARS) + "…";
    }
  }
}
