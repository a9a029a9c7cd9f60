package org.gongkai.pipeline;

import java.util.List;
import org.gongkai.model.Observation;
import org.gongkai.model.ReportFingerprint;

/**
 * A batch of one district's observations (and report fingerprints) read from one bundle: the
 * coarse element that goes through the shuffle by district (never one element per figure).
 */
public record DistrictBatch(List<Observation> observations, List<ReportFingerprint> fingerprints) {}
