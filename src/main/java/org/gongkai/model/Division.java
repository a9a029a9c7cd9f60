package org.gongkai.model;

import java.io.Serializable;

/**
 * An administrative division of the gazetteer with the codes and names of its ancestors.
 * Township codes have 9 digits, districts 6, cities 4 and provinces 2.
 */
public record Division(
    String code,
    String name,
    Level level,
    String districtCode,
    String cityCode,
    String provinceCode,
    Long population)
    implements Serializable {

  /** Levels from the top down; the length of a code tells its level. */
  public enum Level {
    PROVINCE(2),
    CITY(4),
    DISTRICT(6),
    TOWNSHIP(9);

    private final int codeLength;

    Level(int codeLength) {
      this.codeLength = codeLength;
    }

    public int codeLength() {
      return codeLength;
    }

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Level ofCodeLength(int length) {
      for (Level level : values()) {
        if (level.codeLength == length) {
          return level;
        }
      }
      return null;
    }
  }
}
