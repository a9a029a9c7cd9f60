package org.gongkai.wide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.gongkai.model.Qualifier;

/** The words of the 汇总表 workbooks, from {@code wide.yaml}: units, legend, headers. */
record WideWords(String defaultUnit, Map<String, String> units, String legend, String region, String year,
    String prior, String change, String remark, String cut, String summarySheet, String lowerBound,
    String approximate) {
  static final WideWords STANDARD = load();

  /** 指标（单位）. */
  String header(String label, String metric) {
    return label + "（" + units.getOrDefault(metric, defaultUnit) + "）";
  }

  /**
   * A number format that shows a figure as the report wrote it: {@code #,##0"余"} for a lower
   * bound, {@code "约"#,##0} for an approximate figure, {@code number} itself for an exact one.
   *
   * @param number the format of the bare number ({@code #,##0}, {@code +#,##0} …)
   */
  String numberFormat(Qualifier q, String number) {
    String wording = switch (q) {
      case EXACT -> "{0}";
      case LOWER_BOUND -> lowerBound;
      case APPROXIMATE -> approximate;
    };
    int at = wording.indexOf("{0}");
    return literal(wording.substring(0, at)) + number + literal(wording.substring(at + 3));
  }

  private static String literal(String text) {
    return text.isEmpty() ? "" : "\"" + text + "\"";
  }

  private static WideWords load() {
    try (InputStream in = WideWords.class.getResourceAsStream("wide.yaml")) {
      if (in == null) {
        throw new IllegalStateException("wide.yaml is missing from the classpath");
      }
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      Map<String, String> units = new HashMap<>();
      root.path("units").fields().forEachRemaining(e -> units.put(e.getKey(), e.getValue().asText()));
      for (String wording : new String[] {text(root, "lower_bound"), text(root, "approximate")}) {
        if (!wording.contains("{0}") || wording.indexOf("{0}") != wording.lastIndexOf("{0}") || wording.contains("\"")) {
          throw new IllegalStateException("wide.yaml: an estimate's wording needs {0} once and no \": " + wording);
        }
      }
      return new WideWords(text(root, "default_unit"), Map.copyOf(units), text(root, "legend"), text(root, "region"),
          text(root, "year"), text(root, "prior"), text(root, "change"), text(root, "remark"), text(root, "cut"),
          text(root, "summary_sheet"), text(root, "lower_bound"), text(root, "approximate"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read wide.yaml: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode root, String field) {
    JsonNode n = root.get(field);
    if (n == null || !n.isTextual()) {
      throw new IllegalStateException("wide.yaml: " + field + " is missing");
    }
    return n.asText();
  }
}
