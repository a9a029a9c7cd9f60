package org.gongkai.ingest.excel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.gongkai.normalize.Text;

/** The words of county workbooks that are not metrics or regions, read from {@code workbook.yaml}. */
final class WorkbookWords {
  private static final WorkbookWords STANDARD = load();

  private final Set<String> remark;
  private final Set<String> serial;
  private final Set<String> totals;
  private final List<String> totalSuffixes;
  private final List<String> subtotalSuffixes;
  private final Pattern unit;
  private final Pattern childPrefix;
  private final List<String> notePrefixes;

  private WorkbookWords(JsonNode root) {
    remark = keys(root.path("remark"));
    serial = keys(root.path("serial"));
    totals = keys(root.path("totals"));
    totalSuffixes = List.copyOf(keys(root.path("total_suffixes")));
    subtotalSuffixes = List.copyOf(keys(root.path("subtotal_suffixes")));
    unit = Pattern.compile("[（(]\\s*(?:" + String.join("|", texts(root.path("units"))) + ")\\s*[）)]");
    childPrefix = Pattern.compile("^\\s*(?:" + String.join("|", texts(root.path("child_prefixes"))) + ")\\s*[：:]\\s*");
    notePrefixes = List.copyOf(keys(root.path("note_prefixes")));
  }

  static WorkbookWords standard() {
    return STANDARD;
  }

  private static WorkbookWords load() {
    try (InputStream in = WorkbookWords.class.getResourceAsStream("workbook.yaml")) {
      return new WorkbookWords(new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> texts(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(Pattern.quote(n.asText())));
    return out;
  }

  private static Set<String> keys(JsonNode list) {
    Set<String> out = new LinkedHashSet<>();
    list.forEach(n -> out.add(Text.key(n.asText())));
    return out;
  }

  /** A header without its unit and its 其中： (主动公开信息（条） → 主动公开信息). */
  String bareHeader(String header) {
    if (header == null) {
      return "";
    }
    String h = unit.matcher(Text.nfkc(header)).replaceAll("");
    return childPrefix.matcher(h).replaceFirst("").strip();
  }

  boolean isRemark(String header) {
    return remark.contains(Text.key(bareHeader(header)));
  }

  boolean isSerial(String header) {
    return serial.contains(Text.key(bareHeader(header)));
  }

  /** 合计, 总计, 全区合计, 苏埠片小计: a row that sums others. */
  boolean isTotal(String cell) {
    String k = Text.key(cell);
    if (k.isEmpty() || k.length() > 12) {
      return false;
    }
    return totals.contains(k) || totalSuffixes.stream().anyMatch(k::endsWith);
  }

  boolean isSubtotal(String cell) {
    String k = Text.key(cell);
    return isTotal(cell) && subtotalSuffixes.stream().anyMatch(k::endsWith);
  }

  /** 注：…, 填表人：…: a note line, not a record. */
  boolean isNote(String cell) {
    String k = Text.key(cell);
    return notePrefixes.stream().anyMatch(p -> k.startsWith(p) && k.length() > p.length());
  }
}
