package org.gongkai.model;

import java.io.Serializable;

/**
 * A district's (or city's) own stated figure, read from its report or a record that names the
 * region rather than a township. Kept beside the rollup of its townships, never mixed into it.
 *
 * @param observation the figure; its {@code townshipCode} is the region's code (6 digits for a district)
 * @param coverage the words by which the report says its figures cover the region's townships
 *     (全区, 含各乡镇街道), or null when it does not say so
 */
public record StatedFigure(Observation observation, String coverage) implements Serializable {
  public String regionCode() {
    return observation.townshipCode();
  }
}
