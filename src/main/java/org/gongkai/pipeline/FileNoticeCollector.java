package org.gongkai.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.model.Notice;

/**
 * The notices of one file as it is read: every one counted by code, the first {@link #KEPT} of
 * each code kept. A notice that names no year takes the file's (its first record's, else the
 * source's default), so that its finding has a year like every other.
 */
final class FileNoticeCollector {
  static final int KEPT = 20;

  private final SourceSpec source;
  private final String path;
  private final Map<String, Long> counts = new TreeMap<>();
  private final List<Notice> kept = new ArrayList<>();
  private Integer year;
  private String district;
  private boolean severalDistricts;

  FileNoticeCollector(SourceSpec source, String path) {
    this.source = source;
    this.path = path;
  }

  void add(Notice n) {
    long seen = counts.merge(n.code(), 1L, Long::sum);
    if (seen <= KEPT) {
      kept.add(n);
    }
  }

  /** A record of the file: its year (may be null) and its township (null for a reject). */
  void saw(Integer recordYear, String townshipCode) {
    if (year == null) {
      year = recordYear;
    }
    if (townshipCode != null && !severalDistricts) {
      String d = townshipCode.substring(0, 6);
      if (district == null) {
        district = d;
      } else if (!district.equals(d)) {
        severalDistricts = true;
      }
    }
  }

  /** The file's notices, or null when it has none. */
  RunFact.FileNotices fact() {
    if (counts.isEmpty()) {
      return null;
    }
    Integer fileYear = year != null ? year : source.year();
    List<Notice> out = new ArrayList<>(kept.size());
    for (Notice n : kept) {
      out.add(n.year() != null || fileYear == null ? n
          : new Notice(n.source(), n.sourceFile(), fileYear, n.code(), n.locator(), n.message(), n.evidence()));
    }
    return new RunFact.FileNotices(source.name(), source.order(), path, severalDistricts ? null : district,
        new TreeMap<>(counts), out);
  }
}
