package org.gongkai.normalize;

import java.util.List;
import org.gongkai.model.Division;

/**
 * The outcome of resolving a region: one township, one district (whose own stated figures a
 * record or report gives), or a reason with the candidates.
 */
public sealed interface RegionResolution {

  record Resolved(Division township) implements RegionResolution {}

  /** The text names one district, not a township: its figures are the district's own. */
  record Region(Division region) implements RegionResolution {}

  /**
   * @param reasonCode UNKNOWN_REGION, AMBIGUOUS_REGION, MISSING_REGION or NOT_A_TOWNSHIP
   * @param candidates readable candidates ("341503111 安徽省六安市裕安区江家店镇"), at most a few
   * @param didYouMean for an unknown name, the townships whose names are one or two characters off
   *     ("江家店镇（341503111）"), nearest first
   * @param nearest the code of the one township nearest to an unknown name, or null (none, or a tie)
   */
  record Unresolved(String reasonCode, String explanation, List<String> candidates, List<String> didYouMean,
      String nearest) implements RegionResolution {
    public Unresolved {
      candidates = List.copyOf(candidates); // answers are remembered and shared
      didYouMean = List.copyOf(didYouMean);
    }

    public Unresolved(String reasonCode, String explanation, List<String> candidates) {
      this(reasonCode, explanation, candidates, List.of(), null);
    }
  }
}
