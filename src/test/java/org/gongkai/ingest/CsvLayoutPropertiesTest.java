package org.gongkai.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.gongkai.ingest.SourceSpec.Format;
import org.gongkai.model.Notice;

/**
 * Whatever the delimiter, the encoding, the line ends and the title lines above the header, a
 * table of townships is read whole: every row accepted with its figure, the title lines said
 * once as LINES_SKIPPED, read = accepted + rejected.
 */
class CsvLayoutPropertiesTest {
  private static final List<String> TOWNSHIPS = List.of("江家店镇", "苏埠镇", "顺河镇", "独山镇", "徐集镇", "罗集乡", "鼓楼街道");
  private static final List<String> CODES = List.of("341503111", "341503100", "341503103", "341503104", "341503109",
      "341503205", "341503001");
  private static final SourceSpec YUAN = Sources.spec(Format.CSV, "auto", null, "裕安区", Map.of());

  @Provide
  Arbitrary<String> title() {
    return Arbitraries.strings().withChars("裕安区年度政务公开统计报表填报单位：（盖章）日期 0123456789").ofMinLength(1).ofMaxLength(30)
        .filter(s -> !s.isBlank());
  }

  @Provide
  Arbitrary<String> encoding() {
    return Arbitraries.of("UTF-8", "UTF-8-BOM", "UTF-16LE", "UTF-16BE", "GB18030");
  }

  @Property(tries = 300)
  void everyRowIsReadBelowAnyTitle(@ForAll @IntRange(min = 0, max = 3) int titleLines,
      @ForAll("title") String title, @ForAll("encoding") String encoding,
      @ForAll @Size(min = 1, max = 7) List<@IntRange(min = 0, max = 100_000) Integer> values,
      @ForAll boolean crlf, @ForAll @IntRange(min = 0, max = 2) int delimiterAt) throws Exception {
    String d = String.valueOf(CsvLayout.DELIMITERS[delimiterAt]);
    String eol = crlf ? "\r\n" : "\n";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < titleLines; i++) {
      b.append(title).append(i).append(eol);
    }
    b.append(String.join(d, "乡镇", "年度", "市长热线", "人大代表建议")).append(eol);
    int n = Math.min(values.size(), TOWNSHIPS.size());
    for (int i = 0; i < n; i++) {
      b.append(String.join(d, TOWNSHIPS.get(i), "2018", values.get(i).toString(), "1")).append(eol);
    }
    Collector sink = new Collector();
    ReadCounts c = Sources.csv(YUAN, encode(b.toString(), encoding), sink);
    assertEquals(n, c.read(), sink.rejects.toString());
    assertEquals(n, c.accepted(), sink.rejects.toString());
    assertEquals(c.read(), c.accepted() + c.rejected());
    for (int i = 0; i < n; i++) {
      assertEquals((long) values.get(i), sink.only(CODES.get(i), 2018, "hotline_cases").value());
      assertEquals("line " + (titleLines + 2 + i), sink.only(CODES.get(i), 2018, "hotline_cases").locator());
    }
    List<Notice> skipped = sink.notices.stream().filter(x -> x.code().equals(Notice.LINES_SKIPPED)).toList();
    assertEquals(titleLines == 0 ? 0 : 1, skipped.size(), sink.notices.toString());
    assertEquals(sink.notices.size(), skipped.size(), "nothing else unused: " + sink.notices);
  }

  private static byte[] encode(String text, String encoding) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Charset cs = switch (encoding) {
      case "UTF-8-BOM" -> {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        yield StandardCharsets.UTF_8;
      }
      case "UTF-16LE" -> {
        out.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        yield StandardCharsets.UTF_16LE;
      }
      case "UTF-16BE" -> {
        out.write(new byte[] {(byte) 0xFE, (byte) 0xFF});
        yield StandardCharsets.UTF_16BE;
      }
      default -> Charset.forName(encoding);
    };
    out.write(text.getBytes(cs));
    return out.toByteArray();
  }
}
