package org.gongkai.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gongkai.model.MetricCatalog;

/**
 * How a CSV export is laid out: its delimiter (comma, tab as in Excel's and WPS's "Unicode text",
 * or semicolon) and the line of its header. The header is the first of the first {@link
 * #SCAN_RECORDS} records that names a region column and at least one metric (a title or 填报单位
 * line above it is skipped); {@code header_row} in the job file names it instead. Each delimiter
 * is tried with Commons CSV: the one whose header comes first wins, then the one whose header
 * names more columns. Without such a header the first record is the header, as before (it may
 * name metrics only, the region being the source's default).
 *
 * @param delimiter the cell delimiter
 * @param headerLine the 1-based line where the header starts; 0: the first record
 */
public record CsvLayout(char delimiter, long headerLine) {
  static final int SCAN_RECORDS = 10;
  static final char[] DELIMITERS = {',', '\t', ';'};

  static CSVFormat format(char delimiter) {
    return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).setTrim(false).get();
  }

  public static CsvLayout detect(String text, Map<String, String> columns, MetricCatalog catalog, Integer headerRow) {
    CsvLayout best = null;
    int bestNamed = -1;
    long bestLine = Long.MAX_VALUE;
    int widest = 1;
    char widestDelimiter = ',';
    for (char d : DELIMITERS) {
      List<long[]> lines = new ArrayList<>();
      List<List<String>> records = head(text, d, headerRow == null ? SCAN_RECORDS : headerRow + SCAN_RECORDS, lines);
      for (int i = 0; i < records.size(); i++) {
        long line = lines.get(i)[0];
        if (headerRow != null && line < headerRow) {
          continue;
        }
        List<String> values = records.get(i);
        if (i == 0 && values.size() > widest) {
          widest = values.size();
          widestDelimiter = d;
        }
        ColumnMapping m = ColumnMapping.of(values, columns, catalog);
        int named = m.named();
        boolean header = headerRow != null ? line == headerRow : m.namesRegion() && m.namesMetric();
        if (header) {
          if (line < bestLine || (line == bestLine && named > bestNamed)) {
            best = new CsvLayout(d, headerRow != null ? headerRow : line);
            bestLine = line;
            bestNamed = named;
          }
          break;
        }
      }
    }
    if (best != null && (bestNamed > 0 || headerRow != null)) {
      return best;
    }
    return new CsvLayout(widestDelimiter, headerRow != null ? headerRow : 0);
  }

  /** The first records with one delimiter and the line each starts on; fewer where Commons CSV cannot go on. */
  private static List<List<String>> head(String text, char delimiter, int max, List<long[]> lines) {
    List<List<String>> out = new ArrayList<>();
    try (CSVParser p = CSVParser.builder().setReader(new StringReader(text)).setFormat(format(delimiter)).get()) {
      var it = p.iterator();
      long start = 1;
      while (out.size() < max && it.hasNext()) {
        CSVRecord r = it.next();
        List<String> values = new ArrayList<>(r.size());
        r.forEach(values::add);
        lines.add(new long[] {start}); // counted as CsvReader counts them
        start = p.getCurrentLineNumber() + 1;
        out.add(values);
      }
    } catch (UncheckedIOException | IllegalStateException | IOException e) {
      // a quote left open: the records before it are all there is to look at
    }
    return out;
  }
}
