package org.gongkai.rollup;

import java.io.Serializable;
import org.gongkai.model.Qualifier;

/** One row of the {@code rollup} table: a metric summed over the townships of a region in a year. */
public record RollupRow(
    String level,
    String regionCode,
    int year,
    String metric,
    int unitsExpected,
    int unitsReporting,
    long sum,
    Qualifier sumQualifier,
    long min,
    long max,
    double mean,
    double median)
    implements Serializable {}
