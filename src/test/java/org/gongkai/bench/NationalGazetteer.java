package org.gongkai.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The national gazetteer of {@code ../shared/data/gazetteer/} (provinces, cities, areas,
 * streets), optionally cut down to whole districts ({@code limitTownships}) and scaled up with
 * synthetic townships ({@code scale}): scale K gives every district K times its townships, the
 * synthetic ones coded inside their district (district code + 3 free digits, 001–999, after the
 * real codes) and named after a real one with a numeral suffix (江家店镇二 … 江家店镇十), unique
 * within the district.
 */
final class NationalGazetteer {
  /** A township: real or synthetic. */
  record Town(String code, String name, String districtCode, boolean synthetic) {}

  final Map<String, String> provinces = new TreeMap<>();
  final Map<String, String> cities = new TreeMap<>();
  final Map<String, String> districts = new TreeMap<>();
  /** Townships in code order. */
  final List<Town> towns = new ArrayList<>();
  /** Townships per district, in code order. */
  final Map<String, List<Town>> townsByDistrict = new TreeMap<>();
  /** Real townships (before scaling). */
  int realTowns;

  private NationalGazetteer() {}

  static NationalGazetteer load(Path dir, int scale, int limitTownships) throws IOException {
    if (scale < 1) {
      throw new IllegalArgumentException("--scale must be at least 1");
    }
    NationalGazetteer g = new NationalGazetteer();
    Map<String, String> provinces = new TreeMap<>();
    Map<String, String> cities = new TreeMap<>();
    Map<String, String[]> areas = new TreeMap<>(); // code -> {name, cityCode}
    Map<String, List<String[]>> streets = new TreeMap<>(); // areaCode -> [{code, name}]
    for (CSVRecord r : csv(dir.resolve("provinces.csv"))) {
      provinces.put(r.get("code"), r.get("name").strip());
    }
    for (CSVRecord r : csv(dir.resolve("cities.csv"))) {
      cities.put(r.get("code"), r.get("name").strip());
    }
    for (CSVRecord r : csv(dir.resolve("areas.csv"))) {
      areas.put(r.get("code"), new String[] {r.get("name").strip(), r.get("cityCode")});
    }
    for (CSVRecord r : csv(dir.resolve("streets.csv"))) {
      streets.computeIfAbsent(r.get("areaCode"), k -> new ArrayList<>()).add(new String[] {r.get("code"), r.get("name").strip()});
    }
    // Which districts: all, or whole districts in a spread-out (hash) order until the limit is reached.
    List<String> chosen = new ArrayList<>(streets.keySet());
    if (limitTownships > 0) {
      List<String> order = new ArrayList<>(streets.keySet());
      order.sort(Comparator.comparingLong(c -> Rng.mix(0x5EEDL, c.hashCode())));
      chosen = new ArrayList<>();
      int n = 0;
      for (String d : order) {
        if (n >= limitTownships) {
          break;
        }
        chosen.add(d);
        n += streets.get(d).size();
      }
      chosen.sort(null);
    }
    for (String d : chosen) {
      String[] area = areas.get(d);
      if (area == null) {
        throw new IOException("streets.csv names district " + d + " that areas.csv lacks");
      }
      String city = area[1];
      String province = d.substring(0, 2);
      g.districts.put(d, area[0]);
      g.cities.put(city, cities.getOrDefault(city, city));
      g.provinces.put(province, provinces.getOrDefault(province, province));
      List<String[]> real = streets.get(d);
      real.sort(Comparator.comparing(s -> s[0]));
      List<Town> list = new ArrayList<>();
      Set<String> usedSuffixes = new HashSet<>();
      Set<String> names = new HashSet<>();
      for (String[] s : real) {
        list.add(new Town(s[0], s[1], d, false));
        usedSuffixes.add(s[0].substring(6));
        names.add(s[1]);
      }
      g.realTowns += real.size();
      int next = 1;
      for (int k = 1; k < scale; k++) {
        for (String[] s : real) {
          while (next <= 999 && usedSuffixes.contains(String.format("%03d", next))) {
            next++;
          }
          if (next > 999) {
            throw new IllegalArgumentException("district " + d + " has " + real.size() + " townships: --scale " + scale + " does not fit in 999 codes");
          }
          String suffix = String.format("%03d", next);
          usedSuffixes.add(suffix);
          String name = s[1] + Numerals.chinese(k + 1);
          while (!names.add(name)) {
            name = name + "新";
          }
          list.add(new Town(d + suffix, name, d, true));
        }
      }
      list.sort(Comparator.comparing(Town::code));
      g.townsByDistrict.put(d, list);
    }
    for (List<Town> l : g.townsByDistrict.values()) {
      g.towns.addAll(l);
    }
    return g;
  }

  /** The district's province, city and district names, for titles (placeholders such as 市辖区 left out). */
  String path(Town t) {
    StringBuilder b = new StringBuilder();
    String p = provinces.get(t.districtCode().substring(0, 2));
    String c = cities.get(t.districtCode().substring(0, 4));
    String d = districts.get(t.districtCode());
    for (String s : new String[] {p, c, d}) {
      if (s != null && !s.equals("市辖区") && !s.equals("县") && !s.contains("直辖")) {
        if (b.length() == 0 || !s.equals(b.toString())) {
          b.append(s);
        }
      }
    }
    return b.toString();
  }

  /** The gazetteer CSV in the project's format: code,name; provinces, cities, districts, townships in code order. */
  void writeCsv(Path file) throws IOException {
    Map<String, String> all = new TreeMap<>();
    all.putAll(provinces);
    all.putAll(cities);
    all.putAll(districts);
    for (Town t : towns) {
      all.put(t.code(), t.name());
    }
    try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("code,name\n");
      for (Map.Entry<String, String> e : all.entrySet()) {
        w.write(e.getKey());
        w.write(',');
        w.write(Csv.cell(e.getValue()));
        w.write('\n');
      }
    }
  }

  /** Townships per district name, for the exact (district name, township name) lookup a SQL join can do. */
  Map<String, Integer> districtAndNameCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Town t : towns) {
      counts.merge(districts.get(t.districtCode()) + "\u0001" + t.name(), 1, Integer::sum);
    }
    return counts;
  }

  private static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
    }
  }
}
