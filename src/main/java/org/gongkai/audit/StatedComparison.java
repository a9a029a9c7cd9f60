package org.gongkai.audit;

import java.io.Serializable;
import org.gongkai.model.Qualifier;
import org.gongkai.model.StatedFigure;

/**
 * A district's own stated figure beside the rollup of its townships (a row of {@code region_metrics}).
 *
 * @param figure the stated figure kept after deduplication
 * @param coverage why the figure is taken to cover the townships (报告称「全区」, the job's option), or
 *     null when nothing says so (then it is not checked)
 * @param unitsExpected townships of the district in the gazetteer
 * @param unitsReporting townships that state the metric that year
 * @param townshipsSum their sum, or null when none states it
 * @param townshipsSumQualifier exact only if every township figure is exact
 */
public record StatedComparison(
    StatedFigure figure,
    String coverage,
    int unitsExpected,
    int unitsReporting,
    Long townshipsSum,
    Qualifier townshipsSumQualifier)
    implements Serializable {}
