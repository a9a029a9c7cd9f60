package org.gongkai.staging;

import java.util.List;
import org.gongkai.model.Observation;
import org.gongkai.model.RejectedRecord;
import org.gongkai.model.ReportFingerprint;
import org.gongkai.model.StatedFigure;

/**
 * A batch of observations (and report fingerprints, the rejected records whose township is
 * known, and the districts' own stated figures) of one group of districts read from one
 * bundle: the coarse element that goes through the shuffle (never one element per figure).
 */
public record DistrictBatch(List<Observation> observations, List<ReportFingerprint> fingerprints,
    List<RejectedRecord> rejected, List<StatedFigure> stated) {

  public DistrictBatch(List<Observation> observations, List<ReportFingerprint> fingerprints) {
    this(observations, fingerprints, List.of(), List.of());
  }

  public DistrictBatch(List<Observation> observations, List<ReportFingerprint> fingerprints,
      List<RejectedRecord> rejected) {
    this(observations, fingerprints, rejected, List.of());
  }
}
