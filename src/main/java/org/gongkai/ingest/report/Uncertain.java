package org.gongkai.ingest.report;

import java.util.List;
import org.gongkai.model.Qualifier;

/**
 * A count the reader found but did not emit, because it cannot tell which metric it is (or
 * whether it is any metric's): a person decides from the evidence.
 *
 * @param candidates the metrics it could be, most likely first
 * @param reason why it is not one of them, in a few words
 * @param evidence the sentence it was read from, at most 200 characters
 * @param offset character offset in the decoded (for HTML: flattened) text
 */
public record Uncertain(long value, Qualifier qualifier, List<String> candidates, String reason, String evidence, long offset) {
  public Uncertain {
    candidates = List.copyOf(candidates);
    if (evidence != null && evidence.length() > Figure.MAX_EVIDENCE) {
      evidence = evidence.substring(0, Figure.MAX_EVIDENCE - 1) + "…";
    }
  }
}
