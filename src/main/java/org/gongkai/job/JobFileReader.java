package org.gongkai.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.gongkai.model.MetricCatalog;
import java.time.MonthDay;
import org.gongkai.audit.AuditConfig;
import org.gongkai.audit.Deadlines;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.ingest.SourceSpec.Format;
import org.gongkai.job.JobSpec.Limits;
import org.gongkai.job.JobSpec.Outputs;

/**
 * Reads and checks a job file. Every problem is a {@link JobFileException} naming the file,
 * the field and what is wrong; unknown fields are errors (a typo must not be ignored).
 */
public final class JobFileReader {
  private static final Set<String> TOP = Set.of("name", "gazetteer", "sources", "outputs", "rollup", "audit", "limits", "cache",
      "cache_max_mb");
  private static final Set<String> SOURCE =
      Set.of("name", "format", "path", "encoding", "year", "region", "columns", "priority", "file_name_pattern", "sheet",
          "header_row", "header_rows");
  /** Source fields only some formats read; on any other format they would be ignored, so they are errors. */
  private static final Map<String, Set<Format>> FORMAT_FIELDS = Map.of(
      "file_name_pattern", Set.of(Format.REPORT),
      "columns", Set.of(Format.CSV, Format.JSONL, Format.EXCEL),
      "header_row", Set.of(Format.CSV, Format.EXCEL),
      "sheet", Set.of(Format.EXCEL),
      "header_rows", Set.of(Format.EXCEL));
  private static final Set<String> OUTPUTS = Set.of("directory", "formats", "district_workbooks", "district_csv", "wide",
      "report");
  private static final Set<String> ROLLUP = Set.of("levels");
  private static final Set<String> AUDIT =
      Set.of("outlier_z", "outlier_min_difference", "outlier_min_ratio", "yoy_factor", "yoy_minimum", "reuse_similarity", "robust_min_units",
          "region_reports_cover_townships", "missing_district_share", "top_findings", "deadlines");
  private static final Set<String> DEADLINES = Set.of("township", "county", "department");
  private static final Set<String> LIMITS = Set.of("max_record_bytes", "max_report_bytes", "max_report_pages", "max_batch_rows",
      "district_groups", "read_groups", "max_workbook_rows", "max_workbook_bytes");
  private static final Set<String> ENCODINGS = Set.of("auto", "utf-8", "utf8", "gb18030", "gbk", "gb2312",
      "utf-16", "utf-16le", "utf-16be");
  private static final Set<String> COLUMN_ROLES = Set.of("region", "region_code", "district", "year", "ignore");
  private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9_\\-.\\p{IsHan}]{1,64}");

  private final String file;

  private JobFileReader(String file) {
    this.file = file;
  }

  /** Reads a job file from the local disk. */
  public static JobSpec read(Path jobFile) {
    String shown = jobFile.toString();
    if (Files.isDirectory(jobFile)) {
      throw new JobFileException(shown, null, "is a directory, not a job file");
    }
    if (!Files.isRegularFile(jobFile)) {
      throw new JobFileException(shown, null, "no such job file");
    }
    String text;
    try {
      text = Files.readString(jobFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new JobFileException(shown, null, "cannot be read as UTF-8 text (" + e.getMessage() + ")");
    }
    Path base = jobFile.toAbsolutePath().normalize().getParent();
    return new JobFileReader(shown).parse(text, base);
  }

  /** Parses job text whose relative paths are resolved against {@code base}. */
  public static JobSpec parse(String file, String text, Path base) {
    return new JobFileReader(file).parse(text, base);
  }

  private JobSpec parse(String text, Path base) {
    JsonNode root;
    try {
      // A key given twice is a mistake (the last one would win silently).
      root = new ObjectMapper(new YAMLFactory())
          .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(text);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new JobFileException(file, null, "is not valid YAML" + where + ": " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new JobFileException(file, null, "must be a YAML mapping with gazetteer, sources and outputs");
    }
    checkKeys(root, "", TOP);
    String name = optionalText(root, "name", "name");
    String gazetteer = resolve(base, requireText(root, "gazetteer", "gazetteer"), "gazetteer");
    List<SourceSpec> sources = sources(root.get("sources"), base);
    Outputs outputs = outputs(root.get("outputs"), base);
    List<String> levels = levels(root.get("rollup"));
    AuditConfig audit = audit(root.get("audit"));
    Limits limits = limits(root.get("limits"));
    JobSpec.Cache cache = cache(root, base);
    checkOutputsApart(base, gazetteer, sources, outputs.directory());
    Path cacheDir = cache.folder() == null ? null : localPath(cache.folder());
    Path outDir = localPath(outputs.directory());
    if (cacheDir != null && outDir != null && (cacheDir.startsWith(outDir) || outDir.startsWith(cacheDir))) {
      throw new JobFileException(file, "cache", "'" + cache.folder() + "' and the output directory " + outputs.directory()
          + " overlap, and each run replaces the output directory; keep the cache in a folder of its own");
    }
    if (name == null) {
      String fileName = Path.of(file).getFileName().toString();
      name = fileName.replaceFirst("\\.ya?ml$", "");
    }
    return new JobSpec(name, file, gazetteer, sources, outputs, levels, audit, limits, cache);
  }

  private List<SourceSpec> sources(JsonNode node, Path base) {
    if (node == null || !node.isArray() || node.isEmpty()) {
      throw new JobFileException(file, "sources", "must be a non-empty list of sources");
    }
    List<SourceSpec> out = new ArrayList<>();
    Set<String> names = new java.util.HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode s = node.get(i);
      String at = "sources[" + i + "]";
      if (!s.isObject()) {
        throw new JobFileException(file, at, "must be a mapping with name, format and path");
      }
      checkKeys(s, at + ".", SOURCE);
      String name = requireText(s, "name", at + ".name");
      if (!SOURCE_NAME.matcher(name).matches()) {
        throw new JobFileException(file, at + ".name", "'" + name + "' must be 1–64 letters, digits, _ - . or Chinese characters");
      }
      if (!names.add(name)) {
        throw new JobFileException(file, at + ".name", "'" + name + "' is used by two sources");
      }
      String formatText = requireText(s, "format", at + ".format");
      Format format;
      try {
        format = Format.valueOf(formatText.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new JobFileException(file, at + ".format", "'" + formatText + "' is not one of csv, jsonl, excel, report");
      }
      checkFormatFields(s, at, format);
      String path = resolve(base, requireText(s, "path", at + ".path"), at + ".path");
      String encoding = optionalText(s, "encoding", at + ".encoding");
      encoding = encoding == null ? "auto" : encoding.toLowerCase(Locale.ROOT);
      if (!ENCODINGS.contains(encoding)) {
        throw new JobFileException(file, at + ".encoding", "'" + encoding + "' is not one of auto, utf-8, gb18030, utf-16");
      }
      Integer year = null;
      if (s.hasNonNull("year")) {
        var parsed = org.gongkai.normalize.YearParser.parse(s.get("year").asText());
        if (parsed.isEmpty()) {
          throw new JobFileException(file, at + ".year", "'" + s.get("year").asText() + "' is not a year between 1990 and 2100");
        }
        year = parsed.getAsInt();
      }
      String region = optionalText(s, "region", at + ".region");
      Map<String, String> columns = columns(s.get("columns"), at + ".columns");
      int priority = 0;
      if (s.has("priority")) {
        if (!s.get("priority").canConvertToInt() || !s.get("priority").isIntegralNumber()) {
          throw new JobFileException(file, at + ".priority", "must be a whole number (higher wins duplicates)");
        }
        priority = s.get("priority").asInt();
      }
      String pattern = optionalText(s, "file_name_pattern", at + ".file_name_pattern");
      if (pattern != null) {
        try {
          Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
          throw new JobFileException(file, at + ".file_name_pattern", "is not a valid regular expression: " + e.getDescription());
        }
      }
      out.add(new SourceSpec(name, i, format, path, encoding, year, region, columns, priority, pattern,
          headerRow(s, at, format), workbook(s, at, format)));
    }
    return List.copyOf(out);
  }

  private void checkFormatFields(JsonNode s, String at, Format format) {
    for (Map.Entry<String, Set<Format>> f : new java.util.TreeMap<>(FORMAT_FIELDS).entrySet()) {
      if (s.has(f.getKey()) && !f.getValue().contains(format)) {
        List<String> formats = f.getValue().stream().map(Format::code).sorted().toList();
        throw new JobFileException(file, at + "." + f.getKey(), "a " + format.code() + " source does not use it (only "
            + (formats.size() == 1 ? formats.get(0)
                : String.join(", ", formats.subList(0, formats.size() - 1)) + " and " + formats.get(formats.size() - 1))
            + " sources read " + f.getKey() + "); remove it");
      }
    }
  }

  /** A CSV's header line or a workbook's header row (1-based), or null to detect it. */
  private Integer headerRow(JsonNode s, String at, Format format) {
    if (!s.has("header_row")) {
      return null;
    }
    if (format == Format.EXCEL) {
      double row = positiveWhole(s, at, "header_row", 1);
      if (row > 1_048_576) {
        throw new JobFileException(file, at + ".header_row", "must be a row of a sheet, at most 1048576");
      }
      return (int) row;
    }
    JsonNode h = s.get("header_row");
    if (!h.isIntegralNumber() || !h.canConvertToInt() || h.asInt() < 1) {
      throw new JobFileException(file, at + ".header_row", "must be a line number (1 = the first line)");
    }
    return h.asInt();
  }

  /** A workbook source's {@code sheet} and {@code header_rows}; only workbooks have them. */
  private SourceSpec.Workbook workbook(JsonNode s, String at, Format format) {
    // Other formats never have them (checkFormatFields).
    if (format != Format.EXCEL || !s.has("sheet") && !s.has("header_rows")) {
      return SourceSpec.Workbook.DETECT;
    }
    List<String> sheets = new ArrayList<>();
    JsonNode sheet = s.get("sheet");
    if (sheet != null && !sheet.isNull()) {
      for (JsonNode n : sheet.isArray() ? sheet : List.of(sheet)) {
        if (!n.isTextual() && !(n.isIntegralNumber() && n.asInt() >= 1) || n.asText().isBlank()) {
          throw new JobFileException(file, at + ".sheet", "must be a sheet name, a 1-based sheet number or a list of them");
        }
        sheets.add(n.asText());
      }
    }
    Integer headerRows = null;
    if (s.has("header_rows")) {
      JsonNode v = s.get("header_rows");
      if (!v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > 2) {
        throw new JobFileException(file, at + ".header_rows", "must be 1 or 2, not '" + v.asText() + "'");
      }
      headerRows = v.asInt();
    }
    return new SourceSpec.Workbook(sheets, headerRows);
  }

  private Map<String, String> columns(JsonNode node, String at) {
    Map<String, String> columns = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return columns;
    }
    if (!node.isObject()) {
      throw new JobFileException(file, at, "must map column headers to a metric key or region, region_code, district, year, ignore");
    }
    MetricCatalog catalog = MetricCatalog.standard();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String target = e.getValue().asText();
      if (!COLUMN_ROLES.contains(target) && catalog.byKey(target).isEmpty()) {
        throw new JobFileException(
            file, at + "." + e.getKey(), "'" + target + "' is neither a metric key of the catalog nor one of " + COLUMN_ROLES);
      }
      columns.put(e.getKey(), target);
    }
    return columns;
  }

  /**
   * Publishing replaces the output directory as a whole, so it must hold nothing else the job
   * needs: it may not be (or contain) the job file's folder, the gazetteer or an input, and no
   * input may lie inside it.
   */
  private void checkOutputsApart(Path base, String gazetteer, List<SourceSpec> sources, String outputDir) {
    Path out = localPath(outputDir);
    if (out == null) {
      return; // gs://, hdfs://: object stores have no folders to replace
    }
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("gazetteer", gazetteer);
    for (int i = 0; i < sources.size(); i++) {
      inputs.put("sources[" + i + "].path", sources.get(i).path());
    }
    // The output directory may not be the job's folder or above it, nor the folder of an input.
    boolean holdsInputs = base.toAbsolutePath().normalize().startsWith(out);
    for (String path : inputs.values()) {
      Path p = localPath(path);
      holdsInputs |= p != null && (p.equals(out) || out.equals(p.getParent()));
    }
    if (holdsInputs) {
      throw new JobFileException(file, "outputs.directory", "'" + outputDir + "' holds the job file or its inputs,"
          + " which publishing would replace; give a directory of its own, e.g. ../out/<job name>");
    }
    // Nor may an input lie deeper inside it.
    for (Map.Entry<String, String> e : inputs.entrySet()) {
      Path p = localPath(e.getValue());
      if (p != null && p.startsWith(out)) {
        throw new JobFileException(file, e.getKey(), "'" + e.getValue() + "' is inside the output directory "
            + outputDir + ", which each run replaces; keep inputs outside it");
      }
    }
  }

  /** A local path without glob characters from the first wildcard on; null for other file systems. */
  private static Path localPath(String path) {
    String p = path; // file:// URIs are already local paths here (see resolve)
    if (p.contains("://")) {
      return null;
    }
    int glob = indexOfAny(p, "*?[{");
    if (glob >= 0) {
      int slash = p.lastIndexOf('/', glob);
      p = slash <= 0 ? "/" : p.substring(0, slash);
    }
    try {
      return Path.of(p).toAbsolutePath().normalize();
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private Outputs outputs(JsonNode node, Path base) {
    if (node == null || !node.isObject()) {
      throw new JobFileException(file, "outputs", "must be a mapping with a directory");
    }
    checkKeys(node, "outputs.", OUTPUTS);
    String dir = resolve(base, requireText(node, "directory", "outputs.directory"), "outputs.directory");
    List<String> formats = new ArrayList<>();
    JsonNode f = node.get("formats");
    if (f == null || f.isNull()) {
      formats.addAll(List.of("parquet", "csv"));
    } else {
      if (!f.isArray() || f.isEmpty()) {
        throw new JobFileException(file, "outputs.formats", "must be a list of parquet and/or csv");
      }
      for (JsonNode x : f) {
        String v = x.asText().toLowerCase(Locale.ROOT);
        if (!v.equals("parquet") && !v.equals("csv")) {
          throw new JobFileException(file, "outputs.formats", "'" + x.asText() + "' is not parquet or csv");
        }
        formats.add(v);
      }
    }
    return new Outputs(dir, List.copyOf(formats), auto(node, "district_workbooks"), auto(node, "district_csv"),
        flag(node, "wide"), flag(node, "report"));
  }

  /** An output switch of true or false, true when not given. */
  private boolean flag(JsonNode outputs, String key) {
    JsonNode w = outputs.get(key);
    if (w == null || w.isNull()) {
      return true;
    }
    if (!w.isBoolean()) {
      throw new JobFileException(file, "outputs." + key, "must be true or false, not '" + w.asText() + "'");
    }
    return w.asBoolean();
  }

  /** An output switch of true, false or auto: null for auto (or not given). */
  private Boolean auto(JsonNode outputs, String key) {
    JsonNode w = outputs.get(key);
    if (w == null || w.isNull() || w.isTextual() && w.asText().equals("auto")) {
      return null;
    }
    if (!w.isBoolean()) {
      throw new JobFileException(file, "outputs." + key, "must be true, false or auto, not '" + w.asText() + "'");
    }
    return w.asBoolean();
  }

  private List<String> levels(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of("district");
    }
    checkKeys(node, "rollup.", ROLLUP);
    JsonNode l = node.get("levels");
    if (l == null || !l.isArray() || l.isEmpty()) {
      throw new JobFileException(file, "rollup.levels", "must be a list of district, city, province");
    }
    List<String> levels = new ArrayList<>();
    for (JsonNode x : l) {
      String v = x.asText().toLowerCase(Locale.ROOT);
      if (!Set.of("district", "city", "province").contains(v)) {
        throw new JobFileException(file, "rollup.levels", "'" + x.asText() + "' is not district, city or province");
      }
      levels.add(v);
    }
    if (!levels.contains("district")) {
      levels.add(0, "district");
    }
    return List.copyOf(levels);
  }

  private AuditConfig audit(JsonNode node) {
    AuditConfig d = AuditConfig.defaults();
    if (node == null || node.isNull()) {
      return d;
    }
    checkKeys(node, "audit.", AUDIT);
    return new AuditConfig(
        positive(node, "audit", "outlier_z", d.outlierZ()),
        (long) positive(node, "audit", "outlier_min_difference", d.outlierMinDifference()),
        positive(node, "audit", "outlier_min_ratio", d.outlierMinRatio()),
        positive(node, "audit", "yoy_factor", d.yoyFactor()),
        (long) positive(node, "audit", "yoy_minimum", d.yoyMinimum()),
        fraction(node, "audit", "reuse_similarity", d.reuseSimilarity()),
        (int) positive(node, "audit", "robust_min_units", d.robustMinUnits()),
        flag(node, "audit", "region_reports_cover_townships", d.regionReportsCoverTownships()),
        fraction(node, "audit", "missing_district_share", d.missingDistrictShare()),
        (int) positiveWhole(node, "audit", "top_findings", d.topFindings()),
        deadlines(node.get("deadlines"), d.deadlines()));
  }

  private boolean flag(JsonNode node, String section, String key, boolean dflt) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.isBoolean()) {
      throw new JobFileException(file, section + "." + key, "must be true or false, not '" + v.asText() + "'");
    }
    return v.asBoolean();
  }

  /** audit.deadlines: {township: '01-31', county: '03-31', department: '01-31'}, month and day of the next year. */
  private Deadlines deadlines(JsonNode node, Deadlines d) {
    if (node == null || node.isNull()) {
      return d;
    }
    if (!node.isObject()) {
      throw new JobFileException(file, "audit.deadlines", "must be a mapping of township, county, department to a month and day such as '01-31'");
    }
    checkKeys(node, "audit.deadlines.", DEADLINES);
    return new Deadlines(monthDay(node, "township", d.township()), monthDay(node, "county", d.county()),
        monthDay(node, "department", d.department()));
  }

  private MonthDay monthDay(JsonNode node, String key, MonthDay dflt) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return dflt;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,2})[-月](\\d{1,2})日?").matcher(v.asText().strip());
    if (v.isTextual() && m.matches()) {
      try {
        return MonthDay.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      } catch (java.time.DateTimeException e) {
        // falls through to the message below
      }
    }
    throw new JobFileException(file, "audit.deadlines." + key,
        "must be a month and day of the year after the report's, such as '01-31' or '3月31日', not '" + v.asText() + "'");
  }

  private Limits limits(JsonNode node) {
    Limits d = Limits.defaults();
    if (node == null || node.isNull()) {
      return d;
    }
    checkKeys(node, "limits.", LIMITS);
    return new Limits(
        (long) positiveWhole(node, "limits", "max_record_bytes", d.maxRecordBytes()),
        (long) positiveWhole(node, "limits", "max_report_bytes", d.maxReportBytes()),
        (int) positiveWhole(node, "limits", "max_batch_rows", d.maxBatchRows()),
        (int) positiveWhole(node, "limits", "district_groups", d.districtGroups()),
        (int) positiveWhole(node, "limits", "read_groups", d.readGroups()),
        (int) positiveWhole(node, "limits", "max_report_pages", d.maxReportPages()),
        (long) positiveWhole(node, "limits", "max_workbook_rows", d.maxWorkbookRows()),
        (long) positiveWhole(node, "limits", "max_workbook_bytes", d.maxWorkbookBytes()));
  }

  /** {@code cache: FOLDER} (relative to the job file, or {@code ~/…}), {@code off}, or absent (the user's cache folder). */
  private JobSpec.Cache cache(JsonNode root, Path base) {
    JsonNode v = root.get("cache");
    long maxMb = JobSpec.Cache.DEFAULT_MAX_MB;
    if (root.has("cache_max_mb")) {
      maxMb = (long) positiveWhole(root, "", "cache_max_mb", maxMb);
    }
    if (v == null || v.isNull()) {
      return new JobSpec.Cache(JobSpec.Cache.defaultFolder(), maxMb);
    }
    // YAML 1.1 reads an unquoted off as false
    if (v.isBoolean() && !v.asBoolean() || v.isTextual() && v.asText().strip().equalsIgnoreCase("off")) {
      return new JobSpec.Cache(null, maxMb);
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new JobFileException(file, "cache", "must be a folder for the parse cache, or off, not '" + v.asText() + "'");
    }
    String folder = v.asText().strip();
    if (folder.equals("~") || folder.startsWith("~/")) {
      folder = System.getProperty("user.home") + folder.substring(1);
    }
    return new JobSpec.Cache(resolve(base, folder, "cache"), maxMb);
  }

  private double positive(JsonNode node, String section, String key, double dflt) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.isNumber() || v.asDouble() <= 0) {
      throw new JobFileException(file, section.isEmpty() ? key : section + "." + key, "must be a positive number, not '" + v.asText() + "'");
    }
    return v.asDouble();
  }

  /** A limit: a whole number from 1 to 2^53 (a fraction or a huge number is a mistake, not a limit). */
  private double positiveWhole(JsonNode node, String section, String key, double dflt) {
    double v = positive(node, section, key, dflt);
    if (v != Math.rint(v) || v > (1L << 53) || Double.isInfinite(v)) {
      throw new JobFileException(file, section.isEmpty() ? key : section + "." + key, "must be a whole number from 1 to 2^53, not '"
          + node.get(key).asText() + "'");
    }
    if (key.equals("max_batch_rows") || key.equals("district_groups") || key.equals("read_groups") || key.equals("max_report_pages")
        || key.equals("top_findings")) {
      if (v > Integer.MAX_VALUE) {
        throw new JobFileException(file, section.isEmpty() ? key : section + "." + key, "must be at most " + Integer.MAX_VALUE);
      }
    }
    return v;
  }

  private double fraction(JsonNode node, String section, String key, double dflt) {
    double v = positive(node, section, key, dflt);
    if (v > 1) {
      throw new JobFileException(file, section + "." + key, "must be between 0 and 1");
    }
    return v;
  }

  private void checkKeys(JsonNode node, String prefix, Set<String> allowed) {
    if (!node.isObject()) {
      throw new JobFileException(file, prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1), "must be a mapping");
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String k = names.next();
      if (!allowed.contains(k)) {
        throw new JobFileException(file, prefix + k, "unknown field (expected one of " + new java.util.TreeSet<>(allowed) + ")");
      }
    }
  }

  private String requireText(JsonNode node, String key, String field) {
    String v = optionalText(node, key, field);
    if (v == null || v.isBlank()) {
      throw new JobFileException(file, field, "is required");
    }
    return v;
  }

  private String optionalText(JsonNode node, String key, String field) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      throw new JobFileException(file, field, "must be a single value, not a list or mapping");
    }
    return v.asText();
  }

  /** Resolves a path of the job file against its folder; URIs (gs://, file://) stay as they are. */
  private String resolve(Path base, String path, String field) {
    if (path.contains("\0")) {
      throw new JobFileException(file, field, "contains a NUL character");
    }
    if (path.startsWith("file://")) {
      // Beam's local file system reads file:// URIs but would create files under a relative
      // "file:" folder: a file URI is taken as the local path it names.
      path = path.substring("file://".length());
    } else if (path.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
      return path;
    }
    try {
      return base.resolve(path).normalize().toString();
    } catch (InvalidPathException e) {
      throw new JobFileException(file, field, "'" + path + "' is not a valid path");
    }
  }
}
