package org.gongkai.model;

import java.io.Serializable;

/**
 * The shingle signature of one report's text, for spotting copied reports (REPORT_REUSED):
 * a MinHash signature of its character shingles, so that two reports can be compared without
 * carrying their text through the pipeline.
 */
public record ReportFingerprint(int year, String townshipCode, String sourceFile, int[] minHash)
    implements Serializable {}
