package org.gongkai.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Reject;

/**
 * JSON Lines (Jackson): one object per line, its keys mapped like CSV headers; a nested object
 * (such as {@code "figures": {...}}) contributes its keys too. Blank lines are skipped; a line
 * that is not one JSON object, or names a key twice, is a reject. A file that is not text or holds
 * no record is one reject.
 */
public final class JsonLinesReader implements FormatReader {
  private static final String REDACTED = "Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); ";
  private final SourceSpec source;
  private final RecordNormalizer normalizer;
  private final MetricCatalog catalog;
  private final ObjectMapper mapper;
  private final Map<List<String>, ColumnMapping> mappings = new HashMap<>();

  public JsonLinesReader(SourceSpec source, RecordNormalizer normalizer, MetricCatalog catalog) {
    this.source = source;
    this.normalizer = normalizer;
    this.catalog = catalog;
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(100).maxNestingDepth(20).build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // {"hotline": 5, "hotline": 50} is not a guess to make
        .build();
    // Two objects on one line (a lost line break) would otherwise lose the second one silently.
    this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  @Override
  public ReadCounts read(String file, byte[] bytes, ReadSink sink) {
    String binary = EncodingDetector.binaryKind(bytes);
    if (binary != null) {
      return CsvReader.binaryFile(source, file, bytes, binary, sink);
    }
    EncodingDetector.Decoded decoded = EncodingDetector.decode(bytes, source.encoding());
    String text = decoded.text();
    CsvReader.CountingSink counting = new CsvReader.CountingSink(sink);
    long read = 0;
    long accepted = 0;
    Set<String> unmapped = new LinkedHashSet<>();
    Map<String, UnmappedColumns> unmappedKeys = new java.util.LinkedHashMap<>(); // by the key's first line
    int lineNo = 0;
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(start, end);
      start = end + 1;
      lineNo++;
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.startsWith("\uFEFF")) {
        line = line.substring(1); // a BOM where two files were joined: not part of the record
      }
      if (line.isBlank()) {
        continue;
      }
      read++;
      String locator = "line " + lineNo;
      if (normalizer.rejectIfTooLarge(new RecordNormalizer.RawRecord(file, locator, lineNo, List.of(), line, line.length()), sink)) {
        continue; // not parsed: a huge line must not cost a huge tree
      }
      JsonNode node;
      try {
        node = mapper.readTree(line);
      } catch (JsonProcessingException e) {
        String why = e.getOriginalMessage().startsWith("Trailing token")
            ? "一行里有不止一个 JSON 值（丢了换行？）"
            : e.getOriginalMessage().replace(REDACTED, "");
        sink.reject(new Reject(source.name(), file, locator, lineNo, source.year(), line, "BAD_JSON", "不是有效的 JSON：" + why));
        continue;
      }
      if (node == null || !node.isObject()) {
        sink.reject(new Reject(source.name(), file, locator, lineNo, source.year(), line, "NOT_A_JSON_OBJECT",
            "JSON Lines 的每条记录必须是含地区、年度和数字的对象"));
        continue;
      }
      List<String> keys = new ArrayList<>();
      List<String> values = new ArrayList<>();
      flatten(node, keys, values);
      ColumnMapping mapping = mappings.computeIfAbsent(keys, k -> ColumnMapping.of(k, source.columns(), catalog));
      unmapped.addAll(mapping.unmapped());
      if (!mapping.unmapped().isEmpty()) {
        String at = "line " + lineNo;
        unmappedKeys.computeIfAbsent(String.join("\u0000", mapping.unmapped()), k -> new UnmappedColumns(mapping, at))
            .see(values);
      }
      var rec = new RecordNormalizer.RawRecord(file, locator, lineNo, values, line, line.length());
      if (normalizer.normalize(mapping, rec, counting)) {
        accepted++;
      }
    }
    Set<String> said = new java.util.HashSet<>();
    for (UnmappedColumns u : unmappedKeys.values()) {
      u.say(source, file, said, sink); // a key in several shapes of record is said once
    }
    if (read == 0) {
      read++;
      sink.reject(CsvReader.emptyFile(source, file, bytes.length, null));
    }
    return new ReadCounts(read, accepted, read - accepted, counting.observations, List.copyOf(unmapped), decoded.charset().name());
  }

  private static void flatten(JsonNode node, List<String> keys, List<String> values) {
    node.fields().forEachRemaining(e -> {
      JsonNode v = e.getValue();
      if (v.isObject()) {
        flatten(v, keys, values);
      } else {
        keys.add(e.getKey());
        values.add(v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString());
      }
    });
  }
}
