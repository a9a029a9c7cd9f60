package org.gongkai.staging;

import java.util.List;
import org.gongkai.rollup.DistrictShare;

/** Rollup shares of one city or province from one group of districts (keyed by province). */
public record RegionShares(String regionCode, List<DistrictShare> shares) {}
