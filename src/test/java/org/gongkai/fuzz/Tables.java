package org.gongkai.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.gongkai.ingest.ColumnMapping;

/** Generated CSV tables of township records, and their text. */
final class Tables {
  private Tables() {}

  static final List<String> HEADERS = List.of("乡镇", "年度", "区划代码", "区县", "咨询投诉", "主动公开信息数", "政策解读", "人大代表建议",
      "政协委员提案", "行政复议", "备注", "未知列");

  /** A table: a header and rows (possibly ragged), and how it is written. */
  record Table(List<String> headers, List<List<String>> rows, String eol, boolean quoteAll) {
    ColumnMapping mapping(Map<String, String> overrides) {
      return ColumnMapping.of(headers, overrides, Fuzz.CATALOG);
    }

    Table withCell(int row, int column, String value) {
      List<List<String>> copy = new ArrayList<>();
      for (List<String> r : rows) {
        copy.add(new ArrayList<>(r));
      }
      List<String> r = copy.get(row);
      while (r.size() <= column) {
        r.add("");
      }
      r.set(column, value);
      return new Table(headers, copy, eol, quoteAll);
    }

    /** The CSV text. */
    String text() {
      return written().text;
    }

    /** The first line of each row (1-based, as Commons CSV counts: CRLF, LF and a lone CR each end a line). */
    long[] rowLines() {
      return written().rowLines;
    }

    private Written written() {
      StringBuilder b = new StringBuilder();
      line(b, headers);
      long[] lines = new long[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        lines[i] = lineBreaks(b) + 1;
        line(b, rows.get(i));
      }
      return new Written(b.toString(), lines);
    }

    private void line(StringBuilder b, List<String> cells) {
      if (cells.size() == 1 && cells.get(0).isEmpty()) {
        b.append("\"\"").append(eol); // an empty line would be skipped, not read
        return;
      }
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        b.append(quote(cells.get(i)));
      }
      b.append(eol);
    }

    private String quote(String cell) {
      boolean needs = quoteAll || cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
      return needs ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
  }

  private record Written(String text, long[] rowLines) {}

  static long lineBreaks(CharSequence s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        n++;
      } else if (c == '\r') {
        n++;
        if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
      }
    }
    return n;
  }

  /** Tables with distinct headers (at least two) and mostly plausible cells. */
  static Arbitrary<Table> tables() {
    Arbitrary<List<String>> headers = Arbitraries.of(HEADERS).list().uniqueElements().ofMinSize(2).ofMaxSize(7);
    return headers.flatMap(h -> {
      Arbitrary<List<String>> row = rowOf(h);
      return Combinators.combine(row.list().ofMaxSize(15), Arbitraries.of("\n", "\r\n"), Arbitraries.of(false, false, true))
          .as((rows, eol, quoteAll) -> new Table(h, rows, eol, quoteAll));
    });
  }

  /** A row for these headers: each cell fits its column most of the time; sometimes a cell too few or too many. */
  static Arbitrary<List<String>> rowOf(List<String> headers) {
    List<Arbitrary<String>> cells = new ArrayList<>();
    for (String h : headers) {
      cells.add(cellFor(h));
    }
    Arbitrary<List<String>> exact = Combinators.combine(cells).as(ArrayList::new);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(10, exact),
        net.jqwik.api.Tuple.of(1, exact.map(l -> new ArrayList<>(l.subList(0, l.size() - 1)))),
        net.jqwik.api.Tuple.of(1, Combinators.combine(exact, cleanText()).as((l, extra) -> {
          List<String> more = new ArrayList<>(l);
          more.add(extra);
          return more;
        })));
  }

  static Arbitrary<String> cellFor(String header) {
    Arbitrary<String> good = switch (header) {
      case "乡镇" -> Arbitraries.of("江家店镇", "苏埠镇", "西市街道", "裕安区江家店镇", "六安市裕安区江家店镇", "城关镇", "中市街道", "孙岗");
      case "年度" -> Arbitraries.of("2017", "2018", "2018年", "2018年度", "二〇一八", "");
      case "区划代码" -> Arbitraries.of("", "", "341503111", "341503111000", "341502001");
      case "区县" -> Arbitraries.of("裕安区", "金安区", "", "霍邱县");
      case "备注", "未知列" -> cleanText();
      default -> Arbitraries.oneOf(Arbitraries.longs().between(0, 5000).map(String::valueOf),
          Arbitraries.of("", "-", "无", "1,234", "１２", "二十九", "1.2万", "约50条", "1000余条"));
    };
    Arbitrary<String> bad = Arbitraries.oneOf(Fuzz.countCells(), Fuzz.regionCells(), Fuzz.yearCells(), cleanText());
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, good), net.jqwik.api.Tuple.of(1, bad));
  }

  /** Text that any of UTF-8 and GB18030 round-trips (no lone surrogates), with separators, quotes and line breaks. */
  static Arbitrary<String> cleanText() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of(",", "\"", "\n", "\r\n", "\r", " ", "=", "备注", "两行", "江家店镇", "5", "\t"),
        Arbitraries.strings().ofMaxLength(5).map(Tables::withoutSurrogates));
    return piece.list().ofMaxSize(4).map(l -> String.join("", l));
  }

  static String withoutSurrogates(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i));
      } else if (!Character.isSurrogate(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }
}
