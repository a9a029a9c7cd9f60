package org.gongkai.staging;

import java.util.List;
import org.gongkai.rollup.RollupPart;

/** Rollup parts of one city or province from one group of districts (keyed by province). */
public record RegionParts(String regionCode, List<RollupPart> parts) {}
