package org.gongkai.ingest.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.ingest.EncodingDetector;
import org.gongkai.ingest.GazetteerReader;
import org.gongkai.model.Division;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.ReportFacts;
import org.gongkai.normalize.RegionResolution;
import org.gongkai.normalize.RegionResolver;

/**
 * {@code gongkai extract [--gazetteer FILE] FILE...}: one JSON object per line and report, with
 * what the pipeline would read from it — the same extractor — and the figures even when the
 * region or year cannot be determined (a warning says so); under {@code uncertain} the counts
 * whose metric it cannot tell, with their evidence and candidate metrics, for a person to decide.
 * A PDF, .docx or .doc is read as the pipeline reads it (each figure with its locator); a file
 * that is no report (a workbook, an image, a scan, an encrypted document) gives {@code
 * "rejected": {code, reason}}. Exit 0 when every file was read, 1 when some file could not be
 * read, 2 for a usage error.
 */
public final class ExtractCommand {
  private ExtractCommand() {}

  static final String USAGE = "usage: gongkai extract [--gazetteer FILE] FILE...";

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    String gazetteerFile = null;
    List<String> files = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--gazetteer")) {
        if (i + 1 >= args.size()) {
          err.println("--gazetteer needs a file\n" + USAGE);
          return 2;
        }
        gazetteerFile = args.get(++i);
      } else if (a.startsWith("--gazetteer=")) {
        gazetteerFile = a.substring("--gazetteer=".length());
      } else if (a.equals("-h") || a.equals("--help")) {
        out.println(USAGE);
        return 0;
      } else if (a.startsWith("--")) {
        err.println("unknown option " + a + "\n" + USAGE);
        return 2;
      } else {
        files.add(a);
      }
    }
    if (files.isEmpty()) {
      err.println(USAGE);
      return 2;
    }
    Gazetteer gazetteer = null;
    if (gazetteerFile != null) {
      try {
        gazetteer = GazetteerReader.read(gazetteerFile, Files.readAllBytes(Path.of(gazetteerFile)));
      } catch (IOException | RuntimeException e) {
        err.println("cannot read the gazetteer " + gazetteerFile + ": " + e.getMessage());
        return 2;
      }
    }
    RegionResolver resolver = gazetteer == null ? null : new RegionResolver(gazetteer);
    ReportExtractor extractor = new ReportExtractor(MetricCatalog.standard());
    ObjectMapper json = new ObjectMapper();
    int exit = 0;
    for (String file : files) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(Path.of(file));
      } catch (IOException | RuntimeException e) {
        err.println(file + ": cannot read: " + e.getMessage());
        exit = 1;
        continue;
      }
      try {
        out.println(json.writeValueAsString(describe(file, bytes, extractor, gazetteer, resolver)));
      } catch (DocumentProblem p) {
        // not a report that can be read: said as such, never an empty prose report
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("file", file);
        o.put("rejected", Map.of("code", p.code, "reason", p.getMessage()));
        try {
          out.println(json.writeValueAsString(o));
        } catch (JsonProcessingException e) {
          err.println(file + ": " + p.code + ": " + p.getMessage());
        }
        err.println(file + ": " + p.code + ": " + p.getMessage());
        exit = 1;
      } catch (JsonProcessingException | RuntimeException | StackOverflowError e) {
        err.println(file + ": cannot extract: " + e);
        exit = 1;
      }
    }
    out.flush();
    return exit;
  }

  static Map<String, Object> describe(String file, byte[] bytes, ReportExtractor extractor, Gazetteer gazetteer, RegionResolver resolver)
      throws DocumentProblem {
    List<String> warnings = new ArrayList<>();
    DocumentKind kind = DocumentKind.of(bytes);
    String text;
    DocumentText doc = null;
    if (kind == DocumentKind.TEXT) {
      EncodingDetector.Decoded decoded = EncodingDetector.decode(bytes, "auto");
      String problem = ReportReader.encodingProblem(decoded.text());
      if (problem != null) {
        warnings.add(problem);
      }
      text = ReportExtractor.text(file, decoded.text());
    } else {
      doc = DocumentReader.read(kind, bytes, DocumentReader.DEFAULT_MAX_PAGES);
      text = doc.text();
    }
    DocumentText located = doc;
    ExtractedReport r = extractor.extract(text, null, null,
        located != null ? located::locate : offset -> "offset " + offset);
    Map<String, Object> region = new LinkedHashMap<>();
    region.put("code", null);
    region.put("name", r.regionText());
    region.put("district", null);
    if (resolver != null) {
      RegionResolution res = null;
      for (String c : r.regionCandidates()) {
        res = resolver.resolve(c);
        if (res instanceof RegionResolution.Resolved || res instanceof RegionResolution.Region) {
          break;
        }
      }
      if (res instanceof RegionResolution.Resolved ok) {
        Division d = ok.township();
        region.put("code", d.code());
        region.put("name", d.name());
        region.put("district", gazetteer.nameOf(d.districtCode()));
      } else if (res instanceof RegionResolution.Region reg) {
        region.put("code", reg.region().code());
        region.put("name", reg.region().name());
        region.put("district", reg.region().name());
        warnings.add("the report of district " + reg.region().name() + ": its own stated figures, not a township's");
      } else if (res instanceof RegionResolution.Unresolved u) {
        warnings.add("region '" + r.regionText() + "' not resolved: " + u.reasonCode() + ": " + u.explanation()
            + (u.candidates().isEmpty() ? "" : " (" + String.join("; ", u.candidates()) + ")"));
      }
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    for (Figure f : r.figures()) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("value", f.value());
      v.put("qualifier", f.qualifier().code());
      v.put("derived", f.derived());
      v.put("evidence", f.evidence());
      v.put("offset", f.offset());
      if (doc != null) {
        v.put("locator", doc.locate(f.offset()));
      }
      figures.put(f.metric(), v);
    }
    List<Map<String, Object>> uncertain = new ArrayList<>();
    for (Uncertain u : r.uncertain()) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("value", u.value());
      v.put("qualifier", u.qualifier().code());
      v.put("candidates", u.candidates());
      v.put("reason", u.reason());
      v.put("evidence", u.evidence());
      v.put("offset", u.offset());
      if (doc != null) {
        v.put("locator", doc.locate(u.offset()));
      }
      uncertain.add(v);
    }
    warnings.addAll(r.warnings());
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("file", file);
    o.put("region", region);
    o.put("year", r.year());
    o.put("format", r.format());
    if (r.layout() != null) {
      o.put("layout", r.layout());
    }
    o.put("figures", figures);
    o.put("uncertain", uncertain);
    ReportFacts facts = r.facts();
    o.put("published_on", facts.publishedOn());
    if (facts.publishedOn() != null) {
      o.put("published_where", facts.publishedWhere());
      o.put("published_locator", facts.publishedLocator());
      o.put("published_evidence", facts.publishedEvidence());
    }
    o.put("sections_found", facts.sectionsFound());
    o.put("sections_missing", facts.sectionsMissing());
    o.put("tables_missing", facts.tablesMissing());
    o.put("text_complete", facts.complete());
    List<Map<String, Object>> mismatches = new ArrayList<>();
    for (ReportFacts.Mismatch m : facts.mismatches()) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("metric", m.metric());
      v.put("text_value", m.textValue());
      v.put("text_locator", m.textLocator());
      v.put("text_evidence", m.textEvidence());
      v.put("table_value", m.tableValue());
      v.put("table_locator", m.tableLocator());
      v.put("table_evidence", m.tableEvidence());
      mismatches.add(v);
    }
    o.put("text_table_mismatches", mismatches);
    o.put("warnings", warnings);
    return o;
  }
}
