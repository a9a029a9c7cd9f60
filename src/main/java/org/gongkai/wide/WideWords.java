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
    String prior, String change, String remark, String summarySheet, String lowerBound, String approximate) {
  static final WideWords STANDARD = load();

  /** 指标（单位）. */
  String header(String label, String metric) {
    return label + "（" + units.getOrDefault(metric, defaultUnit) + "）";
  }

  /** How the report wrote an estimate: {@code 1000余}, {@code 约200}; null for an exact figure. */
  String estimate(long value, Qualifier q) {
    return switch (q) {
      case EXACT -> null;
      case LOWER_BOUND -> lowerBound.replace("{0}", Long.toString(value));
      case APPROXIMATE -> approximate.replace("{0}", Long.toString(value));
    };
  }

  private static WideWords load() {
    try (InputStream in = WideWords.class.getResourceAsStream("wide.yaml")) {
      if (in == null) {
        throw new IllegalStateException("wide.yaml is missing from the classpath");
      }
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      Map<String, String> units = new HashMap<>();
      root.path("units").fields().forEachRemaining(e -> units.put(e.getKey(), e.getValue().asText()));
      return new WideWords(text(root, "default_unit"), Map.copyOf(units), text(root, "legend"), text(root, "region"),
          text(root, "year"), text(root, "prior"), text(root, "change"), text(root, "remark"),
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
