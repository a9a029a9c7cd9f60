package org.gongkai.model;

import java.io.Serializable;

/**
 * The shingle signature of one report's text, for spotting copied reports (REPORT_REUSED):
 * a MinHash signature of its character shingles, so that two reports can be compared without
 * carrying their text through the pipeline; and the report's facts about itself ({@link
 * ReportFacts}: publication date, sections, text against tables), for the rules on reports.
 */
public record ReportFingerprint(int year, String townshipCode, String sourceFile, int[] minHash, ReportFacts facts)
    implements Serializable {

  public ReportFingerprint {
    facts = facts == null ? ReportFacts.none() : facts;
  }

  /** A report whose facts are not known. */
  public ReportFingerprint(int year, String townshipCode, String sourceFile, int[] minHash) {
    this(year, townshipCode, sourceFile, minHash, null);
  }
}
