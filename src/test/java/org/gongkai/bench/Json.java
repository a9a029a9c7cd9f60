package org.gongkai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** JSON bits of the benchmark: string quoting for the generator, and the data set's description. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** dataset.json: the parameters and the counts; written last, so its presence marks a complete data set. */
  static void writeSummary(Path file, GenData.Summary s, GenData.Params p, int firstYear) throws IOException {
    ObjectNode o = MAPPER.createObjectNode();
    ObjectNode params = o.putObject("params");
    params.put("scale", p.scale).put("years", p.years).put("first_year", firstYear).put("last_year", p.lastYear)
        .put("reports", s.reports()).put("limit_townships", p.limitTownships).put("seed", p.seed)
        .put("gazetteer_dir", p.gazetteerDir().toString());
    o.put("townships", s.townships()).put("real_townships", s.realTownships()).put("districts", s.districts());
    o.put("records", s.records()).put("csv_records", s.csvRecords()).put("jsonl_records", s.jsonlRecords())
        .put("correction_records", s.correctionRecords()).put("bad_records", s.badRecords())
        .put("township_years_not_reporting", s.notReporting()).put("reports", s.reports())
        .put("planted_anomalies", s.planted()).put("planted_file", GenData.PLANTED_FILE)
        .put("generation_seconds", Math.round(s.seconds() * 10) / 10.0)
        .put("report_format", s.reportFormat()).put("report_seconds", Math.round(s.reportSeconds() * 10) / 10.0);
    if (s.pdfFont() != null) {
      o.put("pdf_font", s.pdfFont());
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), o);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  static GenData.Summary readSummary(Path file, Path dir) {
    try {
      JsonNode o = MAPPER.readTree(file.toFile());
      return new GenData.Summary(dir, o.get("townships").asInt(), o.get("real_townships").asInt(), o.get("districts").asInt(),
          o.get("csv_records").asLong(), o.get("jsonl_records").asLong(), o.get("correction_records").asLong(),
          o.get("bad_records").asLong(), o.get("township_years_not_reporting").asLong(), o.get("planted_anomalies").asLong(),
          o.get("reports").asInt(),
          o.path("generation_seconds").asDouble(), true, o.path("report_format").asText("text"),
          o.hasNonNull("pdf_font") ? o.get("pdf_font").asText() : null, o.path("report_seconds").asDouble());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
