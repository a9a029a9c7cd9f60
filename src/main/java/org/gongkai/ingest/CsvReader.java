package org.gongkai.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Notice;
import org.gongkai.model.Reject;
import org.gongkai.normalize.Text;

/**
 * CSV tables of township records (Commons CSV): comma-, tab- or semicolon-separated, the header
 * found as {@link CsvLayout} says (lines above it are a {@code LINES_SKIPPED} notice), mapped
 * through the catalog's aliases and the source's overrides (a header that maps to nothing is an
 * {@code UNMAPPED_COLUMN} notice); each following row is one record. A line
 * that cannot be parsed (an unclosed quote) rejects the rest of the file as one record, never
 * silently; a row that repeats the header (two exports joined) is a reject. A file that is not
 * text (an .xlsx renamed .csv) or that holds no record is one reject.
 */
public final class CsvReader implements FormatReader {
  private final SourceSpec source;
  private final RecordNormalizer normalizer;
  private final MetricCatalog catalog;

  public CsvReader(SourceSpec source, RecordNormalizer normalizer, MetricCatalog catalog) {
    this.source = source;
    this.normalizer = normalizer;
    this.catalog = catalog;
  }

  @Override
  public ReadCounts read(String file, byte[] bytes, ReadSink sink) {
    String binary = EncodingDetector.binaryKind(bytes);
    if (binary != null) {
      return binaryFile(source, file, bytes, binary, sink);
    }
    EncodingDetector.Decoded decoded = EncodingDetector.decode(bytes, source.encoding());
    // A BOM that starts a line (two files joined) is not data, even before a quoted cell.
    String text = decoded.text().replace("\n\uFEFF", "\n");
    CsvLayout layout = CsvLayout.detect(text, source.columns(), catalog, source.headerRow());
    String delimiter = String.valueOf(layout.delimiter());
    CountingSink counting = new CountingSink(sink);
    long read = 0;
    long accepted = 0;
    ColumnMapping mapping = null;
    List<String> header = null;
    long headerAt = 0;
    String headerless = null; // why the first line is no header, when it is none
    List<String> skipped = new ArrayList<>(); // lines above the header
    long firstSkipped = 0;
    UnmappedColumns unmapped = null;
    long lineStart = 1;
    try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(CsvLayout.format(layout.delimiter())).get()) {
      Iterator<CSVRecord> it = parser.iterator();
      while (true) {
        CSVRecord rec;
        try {
          if (!it.hasNext()) {
            break;
          }
          rec = it.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          // Commons CSV cannot go on past this point: the rest of the file is one bad record.
          String rest = text.substring(offsetOfLine(text, lineStart));
          read++;
          sink.reject(new Reject(source.name(), file, "line " + lineStart, lineStart, source.year(), rest, "MALFORMED_CSV",
              "CSV 从第 " + lineStart + " 行起无法解析：" + rootMessage(e)));
          break;
        }
        long line = lineStart;
        lineStart = parser.getCurrentLineNumber() + 1;
        List<String> values = new ArrayList<>(rec.size());
        rec.forEach(values::add);
        String raw = String.join(delimiter, values);
        if (mapping == null && line < layout.headerLine()) {
          if (skipped.isEmpty()) {
            firstSkipped = line;
          }
          skipped.add(raw); // a title or 填报单位 line: said as LINES_SKIPPED, not a record
          continue;
        }
        if (mapping == null) {
          mapping = ColumnMapping.of(values, source.columns(), catalog);
          header = values;
          headerAt = line;
          if (!mapping.namesNothing() || raw.indexOf('\uFFFD') >= 0) {
            unmapped = new UnmappedColumns(mapping);
            continue; // a header that did not decode: each record says BAD_ENCODING
          }
          headerless = "第一行没有可识别的列名（" + Text.abbreviate(String.join(", ", header), 80)
              + "）：缺少表头，或需要在作业文件的 columns 中映射这些列";
        }
        read++;
        if (headerless != null) {
          // Without a header no record can be placed; the first line is a record too, not lost.
          sink.reject(new Reject(source.name(), file, "line " + line, line, source.year(), raw, "MISSING_HEADER", headerless));
          continue;
        }
        if (repeatsHeader(values, header)) {
          sink.reject(new Reject(source.name(), file, "line " + line, line, source.year(), raw, "MALFORMED_RECORD",
              "这一行重复了表头（两个文件被拼成了一个？）"));
          continue;
        }
        unmapped.see(values);
        var raw0 = new RecordNormalizer.RawRecord(file, "line " + line, line, values, raw, raw.length());
        if (normalizer.normalize(mapping, raw0, counting)) {
          accepted++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!skipped.isEmpty()) {
      long last = firstSkipped + skipped.size() - 1;
      sink.notice(new Notice(source.name(), file, null, Notice.LINES_SKIPPED,
          skipped.size() == 1 ? "line " + firstSkipped : "lines " + firstSkipped + "–" + last,
          "表头在第 " + headerAt + " 行，其上的 " + skipped.size() + " 行（标题或填报单位等）未作为数据读取",
          String.join(" / ", skipped)));
    }
    if (unmapped != null) {
      unmapped.say(source, file, headerAt, sink);
    }
    if (read == 0) {
      read++;
      sink.reject(emptyFile(source, file, bytes.length, mapping == null ? null : "文件只有表头，没有记录"));
    }
    return new ReadCounts(read, accepted, read - accepted, counting.observations,
        mapping == null ? List.of() : mapping.unmapped(), decoded.charset().name());
  }

  /** A row that is the header again, perhaps behind a BOM: two files joined into one. */
  private static boolean repeatsHeader(List<String> values, List<String> header) {
    if (values.size() != header.size()) {
      return false;
    }
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      String h = header.get(i);
      if (i == 0) {
        v = v.replace("\uFEFF", "");
        h = h.replace("\uFEFF", "");
      }
      if (!v.strip().equals(h.strip())) {
        return false;
      }
    }
    return true;
  }

  /** A file that is not text: one reject for the whole file. */
  static ReadCounts binaryFile(SourceSpec source, String file, byte[] bytes, String kind, ReadSink sink) {
    sink.reject(new Reject(source.name(), file, "offset 0", 0, source.year(), EncodingDetector.hexPreview(bytes, 16),
        "BINARY_DATA", "文件不是文本，而是" + kind + "；请导出为 " + source.format().code().toUpperCase(java.util.Locale.ROOT)
            + "（UTF-8 或 GB18030）"));
    return new ReadCounts(1, 0, 1, 0, List.of(), "binary");
  }

  /** A file without a single record: one reject, so that it shows up beside the other problems. */
  static Reject emptyFile(SourceSpec source, String file, long bytes, String why) {
    return new Reject(source.name(), file, "offset 0", 0, source.year(), "", "EMPTY_FILE",
        why != null ? why : bytes == 0 ? "文件是空的（0 字节）" : "文件没有记录（只有空行）");
  }

  /** The character offset where a 1-based line starts. */
  static int offsetOfLine(String text, long line) {
    int offset = 0;
    for (long l = 1; l < line && offset < text.length(); l++) {
      int nl = text.indexOf('\n', offset);
      if (nl < 0) {
        return text.length();
      }
      offset = nl + 1;
    }
    return Math.min(offset, text.length());
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  /** Counts what passes through to the real sink. */
  static final class CountingSink implements ReadSink {
    private final ReadSink delegate;
    long observations;

    CountingSink(ReadSink delegate) {
      this.delegate = delegate;
    }

    @Override
    public void observation(org.gongkai.model.Observation o) {
      observations++;
      delegate.observation(o);
    }

    @Override
    public void stated(org.gongkai.model.StatedFigure s) {
      observations++;
      delegate.stated(s);
    }

    @Override
    public void reject(Reject r) {
      delegate.reject(r);
    }

    @Override
    public void notice(Notice n) {
      delegate.notice(n);
    }
  }
}
