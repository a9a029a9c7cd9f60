package org.gongkai.rollup;

import java.io.Serializable;
import org.gongkai.model.Qualifier;

/**
 * A district's share of a higher-level rollup: the township values of one year and metric,
 * and the qualifier of their sum. City and province rollups merge these, so that their median
 * is the exact median over townships.
 */
public record DistrictShare(int year, String metric, long[] values, Qualifier sumQualifier) implements Serializable {}
