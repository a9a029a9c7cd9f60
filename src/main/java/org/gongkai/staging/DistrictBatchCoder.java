package org.gongkai.staging;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.RejectedRecord;
import org.gongkai.model.Qualifier;
import org.gongkai.model.ReportFacts;
import org.gongkai.model.ReportFingerprint;
import org.gongkai.model.StatedFigure;
import org.gongkai.staging.Strings;
import org.gongkai.staging.DistrictBatch;

/** Compact deterministic coder for {@link DistrictBatch} (no Java serialization on the hot path). */
public final class DistrictBatchCoder extends AtomicCoder<DistrictBatch> {
  private static final DistrictBatchCoder INSTANCE = new DistrictBatchCoder();
  private static final Qualifier[] QUALIFIERS = Qualifier.values();
  private static final MetricCatalog CATALOG = MetricCatalog.standard();

  public static DistrictBatchCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(DistrictBatch b, OutputStream out) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    Map<String, Integer> seen = new HashMap<>();
    d.writeInt(b.observations().size());
    for (Observation o : b.observations()) {
      writeObservation(d, o, seen);
    }
    d.writeInt(b.fingerprints().size());
    for (ReportFingerprint f : b.fingerprints()) {
      d.writeShort(f.year());
      Strings.write(d, f.townshipCode());
      Strings.write(d, f.sourceFile());
      d.writeInt(f.minHash().length);
      for (int h : f.minHash()) {
        d.writeInt(h);
      }
      writeFacts(d, f.facts());
    }
    d.writeInt(b.rejected().size());
    for (RejectedRecord r : b.rejected()) {
      d.writeShort(r.year());
      Strings.write(d, r.townshipCode());
      Strings.write(d, r.reasonCode());
      SharedStrings.write(d, r.sourceFile(), seen);
      Strings.write(d, r.locator());
    }
    d.writeInt(b.stated().size());
    for (StatedFigure s : b.stated()) {
      writeObservation(d, s.observation(), seen);
      Strings.write(d, s.coverage());
    }
    d.flush();
  }

  private static void writeObservation(DataOutputStream d, Observation o, Map<String, Integer> seen) throws IOException {
    d.writeShort(o.year());
    SharedStrings.write(d, o.townshipCode(), seen);
    SharedStrings.write(d, o.metric(), seen);
    d.writeLong(o.value());
    d.writeByte(o.qualifier().ordinal());
    d.writeBoolean(o.derived());
    SharedStrings.write(d, o.source(), seen);
    d.writeInt(o.sourceOrder());
    d.writeInt(o.priority());
    SharedStrings.write(d, o.sourceFile(), seen);
    Strings.write(d, o.locator());
    d.writeLong(o.position());
    Strings.write(d, o.evidence());
    Strings.write(d, o.remark());
  }

  private static Observation readObservation(DataInputStream d, List<String> seen) throws IOException {
    return new Observation(d.readShort(), SharedStrings.read(d, seen), SharedStrings.readMetric(d, seen), d.readLong(),
        QUALIFIERS[d.readByte()], d.readBoolean(), SharedStrings.read(d, seen), d.readInt(), d.readInt(),
        SharedStrings.read(d, seen), Strings.read(d), d.readLong(), Strings.read(d), Strings.read(d));
  }

  @Override
  public DistrictBatch decode(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    List<String> seen = new ArrayList<>();
    int n = d.readInt();
    List<Observation> obs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      obs.add(readObservation(d, seen));
    }
    int m = d.readInt();
    List<ReportFingerprint> fps = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      int year = d.readShort();
      String township = Strings.read(d);
      String file = Strings.read(d);
      int[] h = new int[d.readInt()];
      for (int j = 0; j < h.length; j++) {
        h[j] = d.readInt();
      }
      fps.add(new ReportFingerprint(year, township, file, h, readFacts(d)));
    }
    int k = d.readInt();
    List<RejectedRecord> rejected = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      rejected.add(new RejectedRecord(d.readShort(), Strings.read(d), Strings.read(d), SharedStrings.read(d, seen), Strings.read(d)));
    }
    int s = d.readInt();
    List<StatedFigure> stated = new ArrayList<>(s);
    for (int i = 0; i < s; i++) {
      stated.add(new StatedFigure(readObservation(d, seen), Strings.read(d)));
    }
    return new DistrictBatch(obs, fps, rejected, stated);
  }

  private static void writeFacts(DataOutputStream d, ReportFacts f) throws IOException {
    Strings.write(d, f.format());
    Strings.write(d, f.publishedOn());
    Strings.write(d, f.publishedWhere());
    Strings.write(d, f.publishedLocator());
    Strings.write(d, f.publishedEvidence());
    writeList(d, f.sectionsFound());
    writeList(d, f.sectionsMissing());
    writeList(d, f.tablesMissing());
    d.writeBoolean(f.complete());
    d.writeInt(f.mismatches().size());
    for (ReportFacts.Mismatch m : f.mismatches()) {
      Strings.write(d, m.metric());
      Strings.write(d, m.textValue());
      Strings.write(d, m.textLocator());
      Strings.write(d, m.textEvidence());
      d.writeLong(m.tableValue());
      Strings.write(d, m.tableLocator());
      Strings.write(d, m.tableEvidence());
    }
  }

  private static ReportFacts readFacts(DataInputStream d) throws IOException {
    String format = Strings.read(d);
    String on = Strings.read(d);
    String where = Strings.read(d);
    String locator = Strings.read(d);
    String evidence = Strings.read(d);
    List<String> found = readList(d);
    List<String> missing = readList(d);
    List<String> tables = readList(d);
    boolean complete = d.readBoolean();
    int n = d.readInt();
    List<ReportFacts.Mismatch> mismatches = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      mismatches.add(new ReportFacts.Mismatch(CATALOG.sharedKey(Strings.read(d)), Strings.read(d), Strings.read(d),
          Strings.read(d), d.readLong(), Strings.read(d), Strings.read(d)));
    }
    return new ReportFacts(format, on, where, locator, evidence, found, missing, tables, complete, mismatches);
  }

  private static void writeList(DataOutputStream d, List<String> list) throws IOException {
    d.writeInt(list.size());
    for (String s : list) {
      Strings.write(d, s);
    }
  }

  private static List<String> readList(DataInputStream d) throws IOException {
    int n = d.readInt();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(Strings.read(d));
    }
    return out;
  }

  @Override
  public void verifyDeterministic() {}
}
