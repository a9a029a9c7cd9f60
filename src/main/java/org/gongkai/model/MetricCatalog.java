package org.gongkai.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gongkai.normalize.Text;

/** The metric catalog, read from {@code metrics.yaml}: keys, labels, families and aliases. */
public final class MetricCatalog implements Serializable {
  private static final String RESOURCE = "/org/gongkai/model/metrics.yaml";
  private static volatile MetricCatalog standard;

  private final List<Metric> metrics;
  private final Map<String, Metric> byKey;
  private final Map<String, Metric> byAlias;
  private final Map<String, String> roleByAlias;

  private MetricCatalog(List<Metric> metrics, Map<String, List<String>> roleAliases) {
    this.metrics = List.copyOf(metrics);
    Map<String, Metric> keys = new LinkedHashMap<>();
    Map<String, Metric> aliases = new LinkedHashMap<>();
    for (Metric m : metrics) {
      if (keys.put(m.key(), m) != null) {
        throw new IllegalStateException("metric catalog: duplicate key " + m.key());
      }
      List<String> names = new ArrayList<>(m.aliases());
      names.add(m.key());
      names.add(m.labelZh());
      names.add(m.labelEn());
      for (String name : names) {
        Metric previous = aliases.putIfAbsent(Text.key(name), m);
        if (previous != null && previous != m) {
          throw new IllegalStateException(
              "metric catalog: alias '" + name + "' names both " + previous.key() + " and " + m.key());
        }
      }
    }
    for (Metric m : metrics) {
      if (m.within() != null && !keys.containsKey(m.within())) {
        throw new IllegalStateException("metric catalog: " + m.key() + " is within unknown " + m.within());
      }
    }
    this.byKey = Collections.unmodifiableMap(keys);
    this.byAlias = Collections.unmodifiableMap(aliases);
    Map<String, String> roles = new LinkedHashMap<>();
    roleAliases.forEach(
        (role, names) -> {
          roles.put(Text.key(role), role);
          names.forEach(n -> roles.put(Text.key(n), role));
        });
    this.roleByAlias = Collections.unmodifiableMap(roles);
  }

  /** The catalog shipped in the jar. */
  public static MetricCatalog standard() {
    MetricCatalog c = standard;
    if (c == null) {
      synchronized (MetricCatalog.class) {
        if (standard == null) {
          try (InputStream in = MetricCatalog.class.getResourceAsStream(RESOURCE)) {
            standard = parse(in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        c = standard;
      }
    }
    return c;
  }

  static MetricCatalog parse(InputStream in) throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
    List<Metric> metrics = new ArrayList<>();
    for (JsonNode n : root.path("metrics")) {
      List<String> aliases = new ArrayList<>();
      n.path("aliases").forEach(a -> aliases.add(a.asText()));
      metrics.add(
          new Metric(
              n.path("key").asText(),
              n.path("zh").asText(),
              n.path("en").asText(),
              Family.valueOf(n.path("family").asText().toUpperCase(Locale.ROOT)),
              n.hasNonNull("within") ? n.get("within").asText() : null,
              aliases));
    }
    Map<String, List<String>> roles = new LinkedHashMap<>();
    root.path("columns")
        .fields()
        .forEachRemaining(
            e -> {
              List<String> names = new ArrayList<>();
              e.getValue().forEach(x -> names.add(x.asText()));
              roles.put(e.getKey(), names);
            });
    return new MetricCatalog(metrics, roles);
  }

  /** Every metric, in catalog order (the order of columns and charts). */
  public List<Metric> metrics() {
    return metrics;
  }

  public Optional<Metric> byKey(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /** The metric a column header names, matched through its aliases, its key or its labels. */
  public Optional<Metric> byAlias(String header) {
    String k = Text.key(header);
    Metric m = byAlias.get(k);
    if (m == null) {
      // Headers often carry their unit: 政策解读（条）, 网站公开条数(件).
      String stripped = k.replaceAll("[条件项次个篇份起宗]+$", "");
      if (!stripped.isEmpty() && !stripped.equals(k)) {
        m = byAlias.get(stripped);
      }
    }
    return Optional.ofNullable(m);
  }

  /**
   * The role a non-metric header plays: {@code region}, {@code region_code}, {@code district}
   * or {@code year}; empty for other headers.
   */
  public Optional<String> roleOf(String header) {
    return Optional.ofNullable(roleByAlias.get(Text.key(header)));
  }

  /**
   * The catalog's own instance of a metric key, or the key itself if the catalog has no such
   * metric. Decoded observations carry it: the map lookups and comparisons by metric that run
   * millions of times then find equal keys by reference, without comparing their characters.
   */
  public String sharedKey(String key) {
    Metric m = byKey.get(key);
    return m == null ? key : m.key();
  }

  public int indexOf(String key) {
    Map<String, Integer> index = positions;
    if (index == null) {
      // Built on first use: sorting by catalog order calls this millions of times.
      Map<String, Integer> m = new HashMap<>();
      for (int i = 0; i < metrics.size(); i++) {
        m.put(metrics.get(i).key(), i);
      }
      positions = index = m;
    }
    return index.getOrDefault(key, -1);
  }

  private transient volatile Map<String, Integer> positions;
}
