package org.gongkai.ingest.report;

import java.util.List;
import java.util.Optional;
import org.gongkai.model.ReportFacts;

/**
 * What one report says, before its region is resolved against a gazetteer.
 *
 * @param regionText the region as the title states it (六安市裕安区江家店镇), or null
 * @param regionCandidates texts to resolve, best first (the title's region, trimmed variants)
 * @param year the report's year (an override, the title's, or the default), or null
 * @param titled whether a title or heading of a disclosure report was recognised
 * @param format {@code prose} or {@code template}
 * @param layout for template reports the table layout, {@code 2019} or {@code 2021}, when the
 *     column labels tell; otherwise null
 * @param figures one per metric, in catalog order
 * @param warnings what could not be read with certainty, and the report's own contradictions
 * @param body the normalised text the fingerprint is taken from
 * @param partsNotRead the parts recognised but not read (each also among the warnings)
 * @param uncertain counts found but not emitted: which metric they are is not clear
 * @param facts what the report says about itself: publication date, sections, text against tables
 */
public record ExtractedReport(
    String regionText,
    List<String> regionCandidates,
    Integer year,
    boolean titled,
    String format,
    String layout,
    List<Figure> figures,
    List<String> warnings,
    String body,
    List<PartNotRead> partsNotRead,
    List<Uncertain> uncertain,
    ReportFacts facts) {

  public ExtractedReport {
    facts = facts == null ? ReportFacts.none() : facts;
    uncertain = List.copyOf(uncertain);
    regionCandidates = List.copyOf(regionCandidates);
    figures = List.copyOf(figures);
    warnings = List.copyOf(warnings);
    partsNotRead = List.copyOf(partsNotRead);
  }

  /** A report of which every recognised part was read and no figure left uncertain. */
  public ExtractedReport(String regionText, List<String> regionCandidates, Integer year, boolean titled, String format,
      String layout, List<Figure> figures, List<String> warnings, String body) {
    this(regionText, regionCandidates, year, titled, format, layout, figures, warnings, body, List.of(), List.of(), null);
  }

  public Optional<Figure> figure(String metric) {
    return figures.stream().filter(f -> f.metric().equals(metric)).findFirst();
  }
}
