package org.gongkai.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.gongkai.ingest.GazetteerReader;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.ingest.report.ReportReader;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.normalize.RegionResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A generated report written as PDF (the benchmark's --report-format pdf) reads back, through
 * the pipeline's report reader, to the same figures as the same report as text. Skipped when
 * no CJK font that PDFBox can embed is on the machine.
 */
class ReportPdfTest {
  private static PdfFont font;
  private static ReportReader reader;
  private static List<String[]> towns;

  @BeforeAll
  static void setUp() throws IOException {
    try {
      font = PdfFont.find(null);
    } catch (IOException e) {
      assumeTrue(false, "no CJK font for PDF reports: " + e.getMessage());
    }
    Path gaz = Path.of("sample-data/gazetteer.csv");
    reader = new ReportReader(new SourceSpec("reports", 1, SourceSpec.Format.REPORT, "reports/*", "auto", null, null, Map.of(), 0,
        "^(?<region>\\d{9})_.*_(?<year>\\d{4})\\.(txt|pdf)$"), new RegionResolver(GazetteerReader.read(gaz.toString(), Files.readAllBytes(gaz))),
        MetricCatalog.standard(), 1 << 24);
    towns = Files.readAllLines(gaz, StandardCharsets.UTF_8).stream().map(l -> l.split(",")).filter(c -> c[0].length() == 9).limit(24).toList();
  }

  @AfterAll
  static void tearDown() throws IOException {
    if (font != null) {
      font.close();
    }
  }

  @Test
  void proseAndTemplateReportsReadTheSameFromPdfAsFromText() throws IOException {
    ReportPdf pdf = new ReportPdf(font);
    int templates = 0;
    for (int i = 0; i < towns.size(); i++) {
      String[] t = towns.get(i);
      var town = new NationalGazetteer.Town(t[0], t[1], t[0].substring(0, 6), false);
      Figures f = Figures.of(1, t[0], 2024);
      boolean template = i % 2 == 0;
      String forPdf = text(town, f, template, true);
      String asText = text(town, f, template, false); // the .txt of the same report: tables flattened with pipes or spaces
      String base = t[0] + "_" + t[1] + "_2024";
      Map<String, String> fromText = figures(base + ".txt", asText.getBytes(StandardCharsets.UTF_8), false);
      byte[] bytes = pdf.render(forPdf, i % 3 == 0 ? 1 : 0);
      Map<String, String> fromPdf = figures(base + ".pdf", bytes, true);
      assertTrue(fromText.size() >= 5, base + ": the text reads " + fromText);
      assertEquals(fromText, fromPdf, base + (template ? " (template)" : " (prose)"));
      assertEquals(figures(base + ".txt", forPdf.getBytes(StandardCharsets.UTF_8), false), fromPdf, base + ": the text the PDF was drawn from");
      if (template) {
        templates++;
        assertTrue(fromPdf.containsKey("applications_completed"), base + ": the template's table figure 办理结果总计 from the ruled table");
      }
      try (PDDocument doc = Loader.loadPDF(bytes)) {
        PDFont used = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
        assertTrue(used.isEmbedded(), "the font is embedded");
        assertTrue(used.getName().matches("[A-Z]{6}\\+.*"), "a subset is embedded: " + used.getName());
      }
    }
    assertEquals(12, templates);
  }

  @Test
  void noFontNamedIsAClearError() {
    IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> PdfFont.find(Path.of("/nonexistent/font.ttf")));
    assertTrue(e.getMessage().contains("/nonexistent/font.ttf: no such file"), e.getMessage());
    assertTrue(e.getMessage().contains("--pdf-font"), e.getMessage());
  }

  private static String text(NationalGazetteer.Town town, Figures f, boolean template, boolean forPdf) {
    SplittableRandom r = Rng.of(1, town.code(), 2024, 4);
    r.nextBoolean(); // as GenData: prose or template
    return template ? ReportText.template("安徽省六安市", town, "金安区", 2024, f, r, forPdf) : ReportText.prose("安徽省六安市", town, "金安区", 2024, f, r);
  }

  /** metric → value and qualifier, as the pipeline reads the file; a PDF's figures must be located by page. */
  private static Map<String, String> figures(String file, byte[] bytes, boolean isPdf) {
    ReportCheck.Collect c = new ReportCheck.Collect();
    reader.read(file, bytes, c);
    assertTrue(c.rejects.isEmpty(), file + ": " + c.rejects);
    Map<String, String> out = new TreeMap<>();
    for (Observation o : c.observations) {
      out.put(o.metric(), o.value() + " " + o.qualifier());
      if (isPdf) {
        assertTrue(o.locator() != null && o.locator().contains("page"), file + ": " + o.metric() + " located at " + o.locator());
      } else {
        assertFalse(o.locator() != null && o.locator().contains("page"), file + ": " + o.locator());
      }
    }
    return out;
  }
}
