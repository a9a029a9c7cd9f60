package org.gongkai.staging;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.audit.Finding;
import org.gongkai.audit.Severity;
import org.gongkai.html.HtmlReport.Chart;
import org.gongkai.html.HtmlReport.FindingRow;
import org.gongkai.html.HtmlReport.Section;
import org.gongkai.html.HtmlReport.Series;
import org.gongkai.html.HtmlReport.Total;
import org.gongkai.html.HtmlReport.YearCharts;
import org.gongkai.html.HtmlReport.YearSection;

/**
 * Report sections in {@code _parts/sections/} and their charts in {@code _parts/charts/}, field
 * by field; strings, chart figures and a finding's figures may be null (its severity may not).
 * Java serialization of the same records (reflection on every field) was 4–5 % of a national
 * run's CPU, and the last step reads them on its critical path.
 */
public final class SectionCodec {
  private static final Severity[] SEVERITIES = Severity.values();

  public static final Parts.Codec<Section> SECTION = new Parts.Codec<>() {
    @Override
    public void write(DataOutputStream out, Section s) throws IOException {
      Strings.write(out, s.districtCode());
      Strings.write(out, s.districtName());
      Strings.write(out, s.path());
      out.writeInt(s.expected());
      writeList(out, s.years(), SectionCodec::writeYear);
      writeList(out, s.findings(), SectionCodec::writeFinding);
      writeCounts(out, s.findingCounts());
    }

    @Override
    public Section read(DataInputStream in) throws IOException {
      return new Section(Strings.read(in), Strings.read(in), Strings.read(in), in.readInt(),
          readList(in, SectionCodec::readYear), readList(in, SectionCodec::readFinding), readCounts(in));
    }
  };

  public static final Parts.Codec<YearCharts> YEAR_CHARTS = new Parts.Codec<>() {
    @Override
    public void write(DataOutputStream out, YearCharts c) throws IOException {
      Strings.write(out, c.districtCode());
      out.writeInt(c.year());
      writeList(out, c.charts(), SectionCodec::writeChart);
    }

    @Override
    public YearCharts read(DataInputStream in) throws IOException {
      return new YearCharts(Strings.read(in), in.readInt(), readList(in, SectionCodec::readChart));
    }
  };

  private SectionCodec() {}

  private interface Writer<T> {
    void write(DataOutputStream out, T value) throws IOException;
  }

  private interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  private static <T> void writeList(DataOutputStream out, List<T> list, Writer<T> element) throws IOException {
    out.writeInt(list.size());
    for (T v : list) {
      element.write(out, v);
    }
  }

  private static <T> List<T> readList(DataInputStream in, Reader<T> element) throws IOException {
    int n = in.readInt();
    List<T> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(element.read(in));
    }
    return list;
  }

  private static void writeYear(DataOutputStream out, YearSection y) throws IOException {
    out.writeInt(y.year());
    out.writeInt(y.reporting());
    writeList(out, y.totals(), SectionCodec::writeTotal);
    writeList(out, y.charts(), SectionCodec::writeChart);
    writeCounts(out, y.findingCounts());
  }

  private static YearSection readYear(DataInputStream in) throws IOException {
    return new YearSection(in.readInt(), in.readInt(), readList(in, SectionCodec::readTotal),
        readList(in, SectionCodec::readChart), readCounts(in));
  }

  private static void writeTotal(DataOutputStream out, Total t) throws IOException {
    Strings.write(out, t.metric());
    Strings.write(out, t.label());
    Strings.write(out, t.family());
    Strings.write(out, t.sum());
    out.writeInt(t.unitsReporting());
    out.writeLong(t.min());
    out.writeDouble(t.median());
    out.writeLong(t.max());
    Strings.write(out, t.stated());
  }

  private static Total readTotal(DataInputStream in) throws IOException {
    return new Total(Strings.read(in), Strings.read(in), Strings.read(in), Strings.read(in), in.readInt(),
        in.readLong(), in.readDouble(), in.readLong(), Strings.read(in));
  }

  private static void writeChart(DataOutputStream out, Chart c) throws IOException {
    Strings.write(out, c.family());
    Strings.write(out, c.familyLabel());
    writeList(out, c.series(), SectionCodec::writeSeries);
    writeList(out, c.townships(), Strings::write);
  }

  private static Chart readChart(DataInputStream in) throws IOException {
    return new Chart(Strings.read(in), Strings.read(in), readList(in, SectionCodec::readSeries),
        readList(in, Strings::read));
  }

  private static void writeSeries(DataOutputStream out, Series s) throws IOException {
    Strings.write(out, s.metric());
    Strings.write(out, s.label());
    out.writeDouble(s.median());
    writeList(out, s.values(), SectionCodec::writeLong);
    writeList(out, s.texts(), Strings::write);
  }

  private static Series readSeries(DataInputStream in) throws IOException {
    return new Series(Strings.read(in), Strings.read(in), in.readDouble(), readList(in, SectionCodec::readLong),
        readList(in, Strings::read));
  }

  private static void writeFinding(DataOutputStream out, FindingRow r) throws IOException {
    Finding f = r.finding();
    Strings.write(out, f.rule());
    out.writeByte(f.severity().ordinal());
    Strings.write(out, f.level());
    Strings.write(out, f.regionCode());
    Strings.write(out, f.districtCode());
    out.writeInt(f.year());
    Strings.write(out, f.metric());
    Strings.write(out, f.message());
    Strings.write(out, f.evidence());
    writeLong(out, f.value());
    writeLong(out, f.referenceValue());
    Strings.write(out, r.regionName());
    Strings.write(out, r.districtName());
    Strings.write(out, r.metricLabel());
    out.writeInt(r.metricOrder());
  }

  private static FindingRow readFinding(DataInputStream in) throws IOException {
    Finding f = new Finding(Strings.read(in), SEVERITIES[in.readByte()], Strings.read(in), Strings.read(in),
        Strings.read(in), in.readInt(), Strings.read(in), Strings.read(in), Strings.read(in), readLong(in),
        readLong(in));
    return new FindingRow(f, Strings.read(in), Strings.read(in), Strings.read(in), in.readInt());
  }

  private static void writeLong(DataOutputStream out, Long v) throws IOException {
    out.writeBoolean(v != null);
    if (v != null) {
      out.writeLong(v);
    }
  }

  private static Long readLong(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readLong() : null;
  }

  private static void writeCounts(DataOutputStream out, long[] counts) throws IOException {
    out.writeInt(counts.length);
    for (long c : counts) {
      out.writeLong(c);
    }
  }

  private static long[] readCounts(DataInputStream in) throws IOException {
    long[] counts = new long[in.readInt()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = in.readLong();
    }
    return counts;
  }
}
