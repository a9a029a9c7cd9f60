package org.gongkai.staging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gongkai.audit.Finding;
import org.gongkai.audit.Severity;
import org.gongkai.html.HtmlReport.Chart;
import org.gongkai.html.HtmlReport.FindingRow;
import org.gongkai.html.HtmlReport.Section;
import org.gongkai.html.HtmlReport.Series;
import org.gongkai.html.HtmlReport.Total;
import org.gongkai.html.HtmlReport.YearCharts;
import org.gongkai.html.HtmlReport.YearSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report sections and their charts come back from {@code _parts/} as they were written, field for field. */
class SectionCodecTest {

  @Property(tries = 300)
  void sectionsAndChartsComeBackAsWritten(@ForAll("sections") List<Section> sections,
      @ForAll("yearCharts") List<YearCharts> charts) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    for (Section s : sections) {
      SectionCodec.SECTION.write(out, s);
    }
    for (YearCharts c : charts) {
      SectionCodec.YEAR_CHARTS.write(out, c);
    }
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    for (Section s : sections) {
      assertDeepEquals(s, SectionCodec.SECTION.read(in), "section");
    }
    for (YearCharts c : charts) {
      assertDeepEquals(c, SectionCodec.YEAR_CHARTS.read(in), "charts");
    }
    assertEquals(-1, in.read(), "everything written is read");
  }

  @Test
  void chartsAreReadBackFilteredInPartThenWriteOrder(@TempDir Path staging) throws IOException {
    String dir = staging.toString();
    for (String part : List.of("g00001", "g00000")) {
      try (Parts.RecordSink<YearCharts> sink = new Parts.RecordSink<>(dir, "charts", part, SectionCodec.YEAR_CHARTS)) {
        for (int year = 2017; year <= 2019; year++) {
          sink.write(new YearCharts(part, year, List.of()));
        }
      }
    }
    List<YearCharts> kept = Parts.readAll(dir, "charts", SectionCodec.YEAR_CHARTS, c -> c.year() != 2018);
    assertEquals(List.of(new YearCharts("g00000", 2017, List.of()), new YearCharts("g00000", 2019, List.of()),
        new YearCharts("g00001", 2017, List.of()), new YearCharts("g00001", 2019, List.of())), kept);
  }

  /**
   * Every component of every record equal, found by reflection so that a component added later is
   * compared too; arrays by content (a record's equals compares them by reference), and doubles
   * as {@link Double#equals} does: NaN equals NaN, -0.0 differs from 0.0.
   */
  private static void assertDeepEquals(Object expected, Object actual, String where) throws Exception {
    if (expected instanceof Record) {
      assertEquals(expected.getClass(), actual == null ? null : actual.getClass(), where);
      for (RecordComponent c : expected.getClass().getRecordComponents()) {
        assertDeepEquals(c.getAccessor().invoke(expected), c.getAccessor().invoke(actual), where + "." + c.getName());
      }
    } else if (expected instanceof List<?> list) {
      List<?> other = (List<?>) actual;
      assertEquals(list.size(), other.size(), where + " size");
      for (int i = 0; i < list.size(); i++) {
        assertDeepEquals(list.get(i), other.get(i), where + "[" + i + "]");
      }
    } else if (expected instanceof long[] a) {
      assertArrayEquals(a, (long[]) actual, where);
    } else {
      assertEquals(expected, actual, where);
    }
  }

  @Provide
  Arbitrary<List<Section>> sections() {
    Arbitrary<YearSection> year = Combinators.combine(Arbitraries.integers(), Arbitraries.integers(),
        total().list().ofMaxSize(3), chart().list().ofMaxSize(2), counts()).as(YearSection::new);
    return Combinators.combine(text(), text(), text(), Arbitraries.integers(), year.list().ofMaxSize(3),
        findingRow().list().ofMaxSize(3), counts()).as(Section::new).list().ofMaxSize(3);
  }

  @Provide
  Arbitrary<List<YearCharts>> yearCharts() {
    return Combinators.combine(text(), Arbitraries.integers(), chart().list().ofMaxSize(3)).as(YearCharts::new)
        .list().ofMaxSize(3);
  }

  private static Arbitrary<Total> total() {
    return Combinators.combine(text(), text(), text(), text(), Arbitraries.integers(), Arbitraries.longs(), median(),
        Arbitraries.longs()).as(Total::new);
  }

  private static Arbitrary<Chart> chart() {
    Arbitrary<Series> series = Combinators.combine(text(), text(), median(), figure().list().ofMaxSize(4),
        text().list().ofMaxSize(4)).as(Series::new);
    return Combinators.combine(text(), text(), series.list().ofMaxSize(2), text().list().ofMaxSize(4)).as(Chart::new);
  }

  /** A finding of any severity: its texts (metric and evidence among them) and figures may be null. */
  private static Arbitrary<FindingRow> findingRow() {
    Arbitrary<Finding> finding = Combinators.combine(text().list().ofSize(7), Arbitraries.of(Severity.class),
        Arbitraries.integers(), figure(), figure()).as((t, severity, year, value, reference) ->
            new Finding(t.get(0), severity, t.get(1), t.get(2), t.get(3), year, t.get(4), t.get(5), t.get(6), value,
                reference));
    return Combinators.combine(finding, text(), text(), text(), Arbitraries.integers()).as(FindingRow::new);
  }

  /** Short text, null at times: ASCII (controls included), Chinese, any other BMP character and beyond it. */
  private static Arbitrary<String> text() {
    Arbitrary<Integer> codePoint = Arbitraries.oneOf(Arbitraries.integers().between(0, 0x7f),
        Arbitraries.integers().between(0x4e00, 0x9fff),
        Arbitraries.integers().between(0, 0xffff).filter(c -> !Character.isSurrogate((char) c.intValue())),
        Arbitraries.integers().between(0x10000, Character.MAX_CODE_POINT));
    return codePoint.list().ofMaxSize(6).map(cps -> {
      StringBuilder b = new StringBuilder();
      cps.forEach(b::appendCodePoint);
      return b.toString();
    }).injectNull(0.15);
  }

  private static Arbitrary<Long> figure() {
    return Arbitraries.longs().injectNull(0.2);
  }

  private static Arbitrary<Double> median() {
    return Arbitraries.oneOf(Arbitraries.doubles(),
        Arbitraries.of(Double.NaN, -0.0, 0.0, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE));
  }

  private static Arbitrary<long[]> counts() {
    return Arbitraries.longs().array(long[].class).ofMaxSize(4);
  }
}
