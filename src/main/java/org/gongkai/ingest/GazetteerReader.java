package org.gongkai.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gongkai.model.Division;
import org.gongkai.model.Gazetteer;
import org.gongkai.normalize.Text;

/**
 * Reads a gazetteer CSV: a header with {@code code} and {@code name} (or 代码, 名称), and
 * optionally {@code population}; one row per province (2 digits), city (4), district (6) and
 * township (9); or a folder of the national tables ({@link #readFolder}). Townships without
 * their district are an error (no district could be rolled up). A bad row is a job error that names the file and line: without a trustworthy
 * gazetteer no figure can be placed.
 */
public final class GazetteerReader {
  private GazetteerReader() {}

  /** A gazetteer that cannot be used. */
  public static final class GazetteerException extends RuntimeException {
    public GazetteerException(String message) {
      super(message);
    }
  }

  /** The national division tables, one file per level, as a folder holds them. */
  public static final List<String> FOLDER_FILES = List.of("provinces.csv", "cities.csv", "areas.csv", "streets.csv");

  public static Gazetteer read(String file, byte[] bytes) {
    List<Division> divisions = new ArrayList<>();
    rows(file, bytes, divisions);
    return of(file, divisions);
  }

  /**
   * A folder of the national division tables ({@link #FOLDER_FILES}: code and name, one level a
   * file; their other columns repeat what the code says), read as one gazetteer.
   *
   * @param files each file's name and content, in {@link #FOLDER_FILES} order
   */
  public static Gazetteer readFolder(String folder, Map<String, byte[]> files) {
    List<Division> divisions = new ArrayList<>();
    for (String name : FOLDER_FILES) {
      byte[] bytes = files.get(name);
      if (bytes == null) {
        throw new GazetteerException(folder + ": a gazetteer folder must hold " + String.join(", ", FOLDER_FILES)
            + "; " + name + " is missing");
      }
      rows(folder + "/" + name, bytes, divisions);
    }
    return of(folder, divisions);
  }

  /** A gazetteer of these divisions; every township must come with its district. */
  private static Gazetteer of(String file, List<Division> divisions) {
    Gazetteer g;
    try {
      g = Gazetteer.of(divisions);
    } catch (IllegalArgumentException e) {
      throw new GazetteerException(file + ": " + e.getMessage());
    }
    List<String> orphans = new ArrayList<>();
    int count = 0;
    for (Division d : g.divisions()) {
      if (d.level() == Division.Level.TOWNSHIP && g.get(d.districtCode()) == null) {
        if (count++ < 3) {
          orphans.add(d.code() + " " + d.name());
        }
      }
    }
    if (count > 0) {
      throw new GazetteerException(file + ": " + count + " townships lack their district (" + String.join(", ", orphans)
          + (count > 3 ? ", …" : "") + "); the gazetteer must list the districts, cities and provinces above its townships"
          + " (code and name, e.g. 341503,裕安区)");
    }
    return g;
  }

  private static void rows(String file, byte[] bytes, List<Division> divisions) {
    String text = EncodingDetector.decode(bytes, "auto").text();
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();
    try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
      Map<String, Integer> header = parser.getHeaderMap();
      Integer code = column(header, "code", "代码", "区划代码");
      Integer name = column(header, "name", "名称", "区划名称");
      Integer population = column(header, "population", "人口");
      if (code == null || name == null) {
        throw new GazetteerException(file + ": line 1: the header must have columns code and name (found " + header.keySet() + ")");
      }
      for (CSVRecord r : parser) {
        String where = file + ": line " + parser.getCurrentLineNumber();
        String c = Text.nfkc(r.get(code)).strip();
        String n = Text.nfkc(r.get(name)).strip();
        if (!c.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}")) {
          throw new GazetteerException(where + ": code '" + Text.abbreviate(c, 20) + "' must have 2, 4, 6, 9 or 12 digits");
        }
        if (c.length() == 12) {
          c = c.endsWith("000") ? c.substring(0, 9) : c;
          if (c.length() == 12) {
            throw new GazetteerException(where + ": code '" + c + "' is below township level");
          }
        }
        if (n.isEmpty()) {
          throw new GazetteerException(where + ": division " + c + " has no name");
        }
        Long pop = null;
        if (population != null && r.size() > population && !r.get(population).isBlank()) {
          try {
            pop = Long.parseLong(r.get(population).strip());
          } catch (NumberFormatException e) {
            throw new GazetteerException(where + ": population '" + r.get(population) + "' is not a whole number");
          }
        }
        divisions.add(Gazetteer.division(c, n, pop));
      }
    } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
      throw new GazetteerException(file + ": not a readable CSV: " + e.getMessage());
    } catch (ArrayIndexOutOfBoundsException e) {
      throw new GazetteerException(file + ": a row has fewer cells than the header");
    }
  }

  private static Integer column(Map<String, Integer> header, String... names) {
    for (Map.Entry<String, Integer> e : header.entrySet()) {
      String k = Text.key(e.getKey());
      for (String n : names) {
        if (k.equals(Text.key(n))) {
          return e.getValue();
        }
      }
    }
    return null;
  }
}
