package org.gongkai.ingest;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.model.Notice;
import org.gongkai.model.Observation;
import org.gongkai.model.Reject;
import org.gongkai.model.ReportFingerprint;

/** A sink that keeps everything, for tests. */
public class Collector implements ReadSink {
  public final List<Observation> observations = new ArrayList<>();
  public final List<Reject> rejects = new ArrayList<>();
  public final List<ReportFingerprint> fingerprints = new ArrayList<>();
  public final List<Notice> notices = new ArrayList<>();
  public final List<org.gongkai.model.StatedFigure> stated = new ArrayList<>();

  @Override
  public void stated(org.gongkai.model.StatedFigure s) {
    stated.add(s);
  }

  @Override
  public void notice(Notice n) {
    notices.add(n);
  }

  @Override
  public void observation(Observation o) {
    observations.add(o);
  }

  @Override
  public void reject(Reject r) {
    rejects.add(r);
  }

  @Override
  public void fingerprint(ReportFingerprint f) {
    fingerprints.add(f);
  }

  public Observation only(String township, int year, String metric) {
    List<Observation> found = observations.stream()
        .filter(o -> o.townshipCode().equals(township) && o.year() == year && o.metric().equals(metric))
        .toList();
    if (found.size() != 1) {
      throw new AssertionError("expected one " + township + "/" + year + "/" + metric + " but found " + found);
    }
    return found.get(0);
  }
}
