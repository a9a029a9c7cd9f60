package org.gongkai.pipeline;

import java.util.List;
import org.gongkai.model.Observation;
import org.gongkai.model.RejectedRecord;
import org.gongkai.model.ReportFingerprint;

/**
 * A batch of observations (and report fingerprints, and the rejected records whose township is known) of one group of districts read from one
 * bundle: the coarse element that goes through the shuffle (never one element per figure).
 */
public record DistrictBatch(List<Observation> observations, List<ReportFingerprint> fingerprints,
    List<RejectedRecord> rejected) {

  public DistrictBatch(List<Observation> observations, List<ReportFingerprint> fingerprints) {
    this(observations, fingerprints, List.of());
  }
}
