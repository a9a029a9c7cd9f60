package org.gongkai.rollup;

import java.io.Serializable;
import java.util.List;
import org.gongkai.model.Observation;

/**
 * Several observations of the same township-year-metric whose values (or qualifiers) differ:
 * the winner, the others, and the rule that decided.
 */
public record DuplicateConflict(Observation winner, List<Observation> losers, String decidedBy)
    implements Serializable {

  public DuplicateConflict {
    losers = List.copyOf(losers);
  }
}
