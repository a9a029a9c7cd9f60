package org.gongkai.ingest.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The wording rules of {@code report-facts.yaml}: the template's six sections and their heading
 * wordings, and the labels of a report's publication date.
 */
final class FactsRules {
  private static final String RESOURCE = "/org/gongkai/ingest/report/report-facts.yaml";

  /** One section of the template, in template order. */
  record SectionRule(String key, String name, boolean table, List<String> wordings) {}

  final List<SectionRule> sections;
  final int headChars;
  final List<String> labels;
  final List<String> notLabels;
  final List<String> pageLineFollowers;
  final int signatureLines;
  final int titleLines;
  final List<String> furniture;

  private static final FactsRules STANDARD = load();

  static FactsRules standard() {
    return STANDARD;
  }

  private FactsRules(JsonNode root) {
    List<SectionRule> s = new ArrayList<>();
    for (JsonNode n : root.path("sections")) {
      s.add(new SectionRule(n.path("key").asText(), n.path("name").asText(), n.path("table").asBoolean(),
          strings(n.path("wordings"))));
    }
    sections = List.copyOf(s);
    JsonNode p = root.path("publication");
    headChars = p.path("head_chars").asInt(3000);
    labels = strings(p.path("labels"));
    notLabels = strings(p.path("not_labels"));
    pageLineFollowers = strings(p.path("page_line_followers"));
    signatureLines = p.path("signature_lines").asInt(6);
    titleLines = p.path("title_lines").asInt(4);
    furniture = strings(p.path("furniture"));
  }

  private static List<String> strings(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(x -> out.add(x.asText()));
    return List.copyOf(out);
  }

  private static FactsRules load() {
    try (InputStream in = FactsRules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new FactsRules(new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
