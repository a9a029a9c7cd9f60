package org.gongkai.ingest;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.model.Notice;
import org.gongkai.normalize.Text;

/**
 * The columns of a table whose header maps to nothing, and their first values, said at the end
 * of the file as {@code UNMAPPED_COLUMN} notices. {@code columns: {X: ignore}} in the source
 * silences one.
 */
final class UnmappedColumns {
  static final int VALUES_SHOWN = 3;

  private final ColumnMapping mapping;
  private final List<Integer> columns = new ArrayList<>();
  private final List<List<String>> values = new ArrayList<>();

  private final String at;

  UnmappedColumns(ColumnMapping mapping) {
    this(mapping, null);
  }

  /** @param at where the header is, for JSON Lines the first line with these keys */
  UnmappedColumns(ColumnMapping mapping, String at) {
    this.at = at;
    this.mapping = mapping;
    for (int i = 0; i < mapping.size(); i++) {
      if (mapping.isUnmapped(i)) {
        columns.add(i);
        values.add(new ArrayList<>());
      }
    }
  }

  /** A record's cells: the first non-blank values of each unmapped column are kept. */
  void see(List<String> cells) {
    for (int k = 0; k < columns.size(); k++) {
      int i = columns.get(k);
      List<String> v = values.get(k);
      if (v.size() < VALUES_SHOWN && i < cells.size() && cells.get(i) != null && !cells.get(i).isBlank()) {
        v.add(Text.abbreviate(cells.get(i).strip(), 40));
      }
    }
  }

  /** One notice per unmapped column not yet in {@code said}; {@code at} names where its header is. */
  private void say(SourceSpec source, String file, String at, java.util.Set<String> said, ReadSink sink) {
    for (int k = 0; k < columns.size(); k++) {
      int i = columns.get(k);
      String header = mapping.header(i);
      if (!said.add(header)) {
        continue;
      }
      List<String> v = values.get(k);
      sink.notice(new Notice(source.name(), file, null, Notice.UNMAPPED_COLUMN, at + " 列「" + header + "」",
          "列「" + header + "」未对应任何指标或地区字段，其数据未读取；如需使用，请在该来源的 columns 中把它映射到指标；"
              + "如不需要，请写 " + header + ": ignore",
          header + "：" + (v.isEmpty() ? "（无数据）" : String.join("，", v))));
    }
  }

  /** A CSV header's unmapped columns, its header on {@code headerLine}. */
  void say(SourceSpec source, String file, long headerLine, ReadSink sink) {
    say(source, file, "line " + headerLine, new java.util.HashSet<>(), sink);
  }

  /** JSON Lines keys that map to nothing, each said once per file. */
  void say(SourceSpec source, String file, java.util.Set<String> said, ReadSink sink) {
    say(source, file, at, said, sink);
  }
}
