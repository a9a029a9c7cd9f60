package org.gongkai.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gongkai.SampleData;
import org.gongkai.model.Division;
import org.gongkai.model.Gazetteer;
import org.gongkai.normalize.RegionResolution;
import org.gongkai.normalize.RegionResolver;
import org.gongkai.normalize.Text;

/** The region resolver against sample-data/gazetteer.csv: finds what is named, never guesses. */
class RegionResolverFuzzTest {
  private static final Set<String> CODES = Set.of("UNKNOWN_REGION", "AMBIGUOUS_REGION", "MISSING_REGION", "NOT_A_TOWNSHIP");
  private static final Gazetteer GAZETTEER = SampleData.gazetteer();
  private static final RegionResolver RESOLVER = Fuzz.resolver();
  private static final List<Division> ALL = StreamSupport.stream(GAZETTEER.divisions().spliterator(), false).toList();
  private static final List<Division> TOWNSHIPS = ALL.stream().filter(d -> d.level() == Division.Level.TOWNSHIP).toList();

  private static RegionResolution resolve(String text, String... contexts) {
    RegionResolution r = RESOLVER.resolve(text, contexts);
    assertNotNull(r);
    if (r instanceof RegionResolution.Unresolved u) {
      assertTrue(CODES.contains(u.reasonCode()), u.reasonCode());
      assertTrue(u.explanation() != null && !u.explanation().isBlank());
      assertTrue(u.candidates().size() <= 9, "a few candidates, not a list of the country");
    } else if (r instanceof RegionResolution.Region region) {
      assertEquals(Division.Level.DISTRICT, region.region().level(), "only a district's own figures are read");
    } else {
      assertEquals(Division.Level.TOWNSHIP, ((RegionResolution.Resolved) r).township().level());
    }
    return r;
  }

  private static String resolvedCode(RegionResolution r) {
    return r instanceof RegionResolution.Resolved res ? res.township().code() : null;
  }

  /** Townships found by this township's full name: the same name or a short name equal to it. */
  private static long namesakes(Division t) {
    String key = Text.key(t.name());
    return TOWNSHIPS.stream()
        .filter(o -> {
          String k = Text.key(o.name());
          return k.equals(key) || Gazetteer.shortName(k, o.level()).equals(key);
        })
        .count();
  }

  /** Whether the text names this township: by its code, or by its name or short name at the end. */
  private static boolean names(String text, Division t) {
    String key = Text.key(text);
    if (!key.isEmpty() && key.chars().allMatch(Character::isDigit)) {
      return key.equals(t.code()) || key.equals(t.code() + "000");
    }
    String full = Text.key(t.name());
    return !key.isEmpty() && (key.endsWith(full) || key.endsWith(Gazetteer.shortName(full, t.level())));
  }

  @Property(tries = 300)
  void anyTextNeverThrowsAndExplains(@ForAll("regionText") String text, @ForAll("regionText") String context) {
    resolve(text);
    resolve(text, context);
    resolve(text, null, "", context);
    resolve(null, context);
  }

  /** Names of divisions, digits and noise stuck together. */
  @Provide
  Arbitrary<String> regionText() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of(ALL).map(Division::name),
        Arbitraries.of(ALL).map(Division::code),
        Arbitraries.of(ALL).map(d -> Gazetteer.shortName(Text.key(d.name()), d.level())),
        Arbitraries.of("镇", "乡", "街道", "区", "县", "市", "省", "（", "）", " ", "\uFEFF", "\u0000", "000", "０", "\uFFFD"),
        Arbitraries.strings().ofMaxLength(4),
        Arbitraries.strings().numeric().ofMaxLength(13));
    return piece.list().ofMaxSize(5).map(l -> String.join("", l));
  }

  /** Whatever the text, a township it resolves to is named by the text: by code or by a name at its end. */
  @Property(tries = 300)
  void neverAGuess(@ForAll("regionText") String text, @ForAll("regionText") String context) {
    if (resolve(text) instanceof RegionResolution.Resolved r) {
      assertTrue(names(text, r.township()), text + " -> " + r.township());
    }
    if (resolve(text, context) instanceof RegionResolution.Resolved r) {
      String named = Text.key(text).isEmpty() ? context : text;
      assertTrue(names(named, r.township()), text + " / " + context + " -> " + r.township());
    }
  }

  /** A context only narrows: it never finds a township the text alone does not point to. */
  @Property(tries = 300)
  void contextOnlyNarrows(@ForAll("regionText") String text, @ForAll("regionText") String context) {
    RegionResolution with = resolve(text, context);
    if (!(with instanceof RegionResolution.Resolved res) || Text.key(text).isEmpty()) {
      return;
    }
    RegionResolution alone = resolve(text);
    if (alone instanceof RegionResolution.Resolved a) {
      assertEquals(a.township(), res.township(), text + " / " + context);
    } else {
      var u = assertInstanceOf(RegionResolution.Unresolved.class, alone);
      assertEquals("AMBIGUOUS_REGION", u.reasonCode(), text + " / " + context + ": " + u);
      assertTrue(u.candidates().stream().anyMatch(c -> c.startsWith(res.township().code() + " ")) || u.candidates().size() > 8,
          text + " / " + context + ": " + u.candidates());
    }
  }

  @Property(tries = 200)
  void everyTownshipIsFoundByCodeAndPath(@ForAll("townships") Division t) {
    assertEquals(t.code(), resolvedCode(resolve(t.code())));
    assertEquals(t.code(), resolvedCode(resolve(t.code() + "000")), "12-digit statistical code");
    assertEquals(t.code(), resolvedCode(resolve(fullWidth(t.code()))), "full-width digits");
    assertEquals(t.code(), resolvedCode(resolve(" " + t.code() + "\t")));
    assertEquals(t.code(), resolvedCode(resolve(GAZETTEER.pathOf(t))), "the full path");
    String district = GAZETTEER.nameOf(t.districtCode());
    assertEquals(t.code(), resolvedCode(resolve(district + t.name())), "district and name");
    assertEquals(t.code(), resolvedCode(resolve(t.name(), district)), "name with the district as context");
    assertEquals(t.code(), resolvedCode(resolve(t.name(), t.districtCode())), "name with the district code as context");
    assertEquals(t.code(), resolvedCode(resolve(t.name(), null, "", district)), "blank contexts are skipped");
    assertEquals(t.code(), resolvedCode(resolve(null, GAZETTEER.pathOf(t))), "a one-township source's default");
  }

  @Property(tries = 200)
  void aNameAloneResolvesOnlyWhenItIsUnique(@ForAll("townships") Division t) {
    RegionResolution r = resolve(t.name());
    if (namesakes(t) == 1) {
      assertEquals(t.code(), resolvedCode(r), t.name());
    } else {
      var u = assertInstanceOf(RegionResolution.Unresolved.class, r, t.name() + " has namesakes");
      assertEquals("AMBIGUOUS_REGION", u.reasonCode());
      assertTrue(u.candidates().stream().anyMatch(c -> c.startsWith(t.code() + " ")), u.candidates().toString());
    }
  }

  @Property(tries = 200)
  void anotherDistrictNeverResolves(@ForAll("townships") Division t, @ForAll("districts") Division d) {
    if (t.districtCode().equals(d.code())) {
      return;
    }
    RegionResolution r = resolve(t.name(), d.name());
    String code = resolvedCode(r);
    if (code != null) {
      assertTrue(code.startsWith(d.code()), t.name() + " in " + d.name() + " -> " + code);
    } else {
      assertEquals("UNKNOWN_REGION", ((RegionResolution.Unresolved) r).reasonCode());
    }
  }

  @Property(tries = 200)
  void codesOfOtherLengthsAreNotTownships(@ForAll("digits") String digits) {
    RegionResolution r = resolve(digits);
    if (digits.length() == 9 || digits.length() == 12 && digits.endsWith("000")) {
      Division d = GAZETTEER.get(digits.substring(0, 9));
      assertEquals(d == null ? null : d.code(), resolvedCode(r), digits);
    } else if (GAZETTEER.get(digits) != null && GAZETTEER.get(digits).level() == Division.Level.DISTRICT) {
      assertEquals(digits, assertInstanceOf(RegionResolution.Region.class, r, digits).region().code());
    } else {
      assertInstanceOf(RegionResolution.Unresolved.class, r, digits);
    }
  }

  @Provide
  Arbitrary<String> digits() {
    return Arbitraries.oneOf(
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(40),
        Arbitraries.of(TOWNSHIPS).map(t -> t.code() + "1"),
        Arbitraries.of(TOWNSHIPS).map(t -> t.code().substring(0, 8)),
        Arbitraries.of(TOWNSHIPS).map(t -> t.code() + "001"),
        Arbitraries.of(ALL).map(Division::code));
  }

  @Provide
  Arbitrary<Division> townships() {
    return Arbitraries.of(TOWNSHIPS);
  }

  @Provide
  Arbitrary<Division> districts() {
    return Arbitraries.of(ALL.stream().filter(d -> d.level() == Division.Level.DISTRICT).toList());
  }

  @Example
  void theSampleGazetteerHasNamesakes() {
    List<String> ambiguous = new ArrayList<>();
    for (Division t : TOWNSHIPS) {
      if (namesakes(t) > 1) {
        ambiguous.add(t.name());
      }
    }
    assertTrue(ambiguous.contains("城关镇"), "the properties above reach the ambiguous branch: " + ambiguous);
  }

  private static String fullWidth(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(Character.isDigit(c) ? (char) ('０' + (c - '0')) : c);
    }
    return b.toString();
  }
}
