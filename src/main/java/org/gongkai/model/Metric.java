package org.gongkai.model;

import java.io.Serializable;
import java.util.List;

/**
 * One figure of the catalog.
 *
 * @param within the key of the metric this one is a part of, or null
 */
public record Metric(
    String key, String labelZh, String labelEn, Family family, String within, List<String> aliases)
    implements Serializable {

  public Metric {
    aliases = List.copyOf(aliases);
  }
}
