package org.gongkai.audit;

import java.io.Serializable;

/**
 * One audit result.
 *
 * @param rule a stable code such as {@code APPLICATION_BALANCE}
 * @param level {@code township} or {@code district}: what {@code regionCode} names
 * @param metric the metric concerned, or null when the finding concerns a whole report
 * @param message what is wrong, in Chinese, for an analyst
 * @param evidence the figures or text behind it (sources, files, locators)
 * @param value the figure found, when there is one
 * @param referenceValue the figure it was compared with, when there is one
 */
public record Finding(
    String rule,
    Severity severity,
    String level,
    String regionCode,
    String districtCode,
    int year,
    String metric,
    String message,
    String evidence,
    Long value,
    Long referenceValue)
    implements Serializable {}
