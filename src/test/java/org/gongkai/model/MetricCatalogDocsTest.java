package org.gongkai.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every metric says what it counts and what not, and docs/metrics.md shows exactly that. */
class MetricCatalogDocsTest {
  static JsonNode catalog() throws IOException {
    try (InputStream in = MetricCatalog.class.getResourceAsStream("/org/gongkai/model/metrics.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readTree(in).path("metrics");
    }
  }

  @Test
  void everyMetricSaysWhatItCountsAndWhatNot() throws IOException {
    List<String> keys = new ArrayList<>();
    for (JsonNode m : catalog()) {
      keys.add(m.path("key").asText());
      assertFalse(m.path("counts").asText().isBlank(), m.path("key").asText() + " has no counts");
      assertFalse(m.path("excludes").asText().isBlank(), m.path("key").asText() + " has no excludes");
    }
    List<String> known = MetricCatalog.standard().metrics().stream().map(Metric::key).toList();
    assertEquals(known, keys);
  }

  @Test
  void docsMetricsHasOneRowPerMetricWithItsCountsAndExcludes() throws IOException {
    List<String> rows = Files.readAllLines(Path.of("docs/metrics.md")).stream().filter(l -> l.startsWith("| `")).toList();
    JsonNode catalog = catalog();
    assertEquals(catalog.size(), rows.size());
    for (int i = 0; i < catalog.size(); i++) {
      JsonNode m = catalog.get(i);
      String expected = "| `" + m.path("key").asText() + "` | " + m.path("zh").asText() + " | " + m.path("counts").asText().replace("|", "\\|")
          + " | " + m.path("excludes").asText().replace("|", "\\|") + " |";
      assertEquals(expected, rows.get(i));
    }
    assertTrue(Files.readString(Path.of("README.md")).contains("docs/metrics.md"), "the README links docs/metrics.md");
  }
}
