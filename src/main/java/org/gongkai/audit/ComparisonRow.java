package org.gongkai.audit;

import java.io.Serializable;
import org.gongkai.model.Qualifier;

/**
 * How one township's figure compares with its district in a year.
 *
 * @param shareOfDistrict value / district sum; null when the sum is 0
 * @param rankInDistrict 1 = highest; ties share a rank
 * @param robustZ 0.6745·(x − median)/MAD; null when MAD is 0 or too few townships report
 * @param priorValue the same township's figure the year before, or null
 * @param changeRatio (value − prior) / prior; null without a prior value or when it is 0
 */
public record ComparisonRow(
    int year,
    String townshipCode,
    String metric,
    long value,
    Qualifier qualifier,
    double districtMedian,
    Double shareOfDistrict,
    int rankInDistrict,
    Double robustZ,
    Long priorValue,
    Double changeRatio)
    implements Serializable {}
