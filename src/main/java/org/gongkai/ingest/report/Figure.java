package org.gongkai.ingest.report;

import org.gongkai.model.Qualifier;

/**
 * One figure a report states (or that follows from what it states, {@code derived}).
 *
 * @param metric a key of the metric catalog
 * @param evidence the sentence or table row the figure was read from, at most 200 characters
 * @param offset character offset in the decoded (for HTML: flattened) text
 */
public record Figure(String metric, long value, Qualifier qualifier, boolean derived, String evidence, long offset) {
  public static final int MAX_EVIDENCE = 200;

  public Figure {
    if (evidence != null && evidence.length() > MAX_EVIDENCE) {
      evidence = evidence.substring(0, MAX_EVIDENCE - 1) + "…";
    }
  }
}
