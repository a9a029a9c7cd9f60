package org.gongkai.bench;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A CJK font on this machine that PDFBox can embed as a subset (TrueType outlines: a CFF-based
 * OpenType font such as Noto CJK cannot be), for writing the benchmark's PDF reports. Found at
 * run time: the file given (GONGKAI_PDF_FONT or --pdf-font), else known paths, else what
 * {@code fc-list :lang=zh file} lists. Each candidate is tried by embedding report text into a
 * scratch document; the first that works is used, and {@link #describe()} says which.
 */
final class PdfFont implements Closeable {
  /** Characters every generated report needs: a font without one of them is not used. */
  static final String PROBE = "政府信息公开工作年度报告镇乡街道第页共（）(一)“”、,。:0123456789|";

  static final List<String> KNOWN = List.of(
      "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
      "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
      "/usr/share/fonts/truetype/arphic/uming.ttc",
      "/usr/share/fonts/truetype/arphic/ukai.ttc",
      "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
      "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
      "/Library/Fonts/Arial Unicode.ttf",
      "C:/Windows/Fonts/simsun.ttc",
      "C:/Windows/Fonts/simhei.ttf");

  final Path file;
  final String name;
  final TrueTypeFont ttf;
  private final Closeable owner;

  private PdfFont(Path file, String name, TrueTypeFont ttf, Closeable owner) {
    this.file = file;
    this.name = name;
    this.ttf = ttf;
    this.owner = owner;
  }

  /** The font and where it came from, for the benchmark's output. */
  String describe() {
    return name + " (" + file + ")";
  }

  /**
   * The first usable font: {@code explicit} if given (then only it), else the known paths and
   * fc-list's. Each call opens its own copy (a TrueTypeFont is not for two threads at once).
   *
   * @throws IOException naming every candidate tried and why it was not used, when none works
   */
  static PdfFont find(Path explicit) throws IOException {
    Set<String> candidates = new LinkedHashSet<>();
    if (explicit != null) {
      candidates.add(explicit.toString());
    } else {
      String env = System.getenv("GONGKAI_PDF_FONT");
      if (env != null && !env.isBlank()) {
        candidates.add(env);
      }
      candidates.addAll(KNOWN);
      candidates.addAll(fcList());
    }
    List<String> why = new ArrayList<>();
    for (String c : candidates) {
      Path p = Path.of(c);
      if (!Files.isRegularFile(p)) {
        if (explicit != null || !KNOWN.contains(c)) {
          why.add(c + ": no such file");
        }
        continue;
      }
      try {
        PdfFont f = open(p);
        if (f != null) {
          return f;
        }
        why.add(c + ": no TrueType-outline font with the CJK characters the reports need");
      } catch (IOException | RuntimeException e) {
        why.add(c + ": " + e.getMessage());
      }
    }
    throw new IOException("no CJK font that PDFBox can embed was found for --report-format pdf"
        + (why.isEmpty() ? " (none listed by fc-list :lang=zh)" : ": " + String.join("; ", why))
        + ". Install one (apt-get install -y fonts-wqy-zenhei) or name a .ttf/.ttc with --pdf-font or GONGKAI_PDF_FONT");
  }

  /** The first font of the file that embeds the probe text, or null. */
  static PdfFont open(Path p) throws IOException {
    String lower = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".ttc")) {
      TrueTypeCollection ttc = new TrueTypeCollection(p.toFile());
      List<TrueTypeFont> fonts = new ArrayList<>();
      ttc.processAllFonts(fonts::add);
      for (TrueTypeFont t : fonts) {
        if (usable(t)) {
          return new PdfFont(p, t.getName(), t, ttc);
        }
      }
      ttc.close();
      return null;
    }
    TrueTypeFont t = lower.endsWith(".otf")
        ? new OTFParser().parse(new RandomAccessReadBufferedFile(p.toFile()))
        : new TTFParser().parse(new RandomAccessReadBufferedFile(p.toFile()));
    if (usable(t)) {
      return new PdfFont(p, t.getName(), t, t);
    }
    t.close();
    return null;
  }

  private static boolean usable(TrueTypeFont t) throws IOException {
    if (t instanceof OpenTypeFont o && o.isPostScript() || t.getGlyph() == null) {
      return false; // CFF outlines: PDType0Font cannot embed them
    }
    var cmap = t.getUnicodeCmapLookup(false);
    for (int i = 0; i < PROBE.length(); i++) {
      if (cmap == null || cmap.getGlyphId(PROBE.charAt(i)) == 0) {
        return false;
      }
    }
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      PDType0Font font = PDType0Font.load(doc, t, true);
      try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
        s.beginText();
        s.setFont(font, 10);
        s.showText(PROBE);
        s.endText();
      }
      doc.save(new ByteArrayOutputStream());
    }
    return true;
  }

  /** Font files fc-list knows for Chinese (none when fc-list is missing). */
  static List<String> fcList() {
    try {
      Process p = new ProcessBuilder("fc-list", ":lang=zh", "file").redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return List.of();
      }
      List<String> files = new ArrayList<>();
      for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
        String f = line.strip().replaceAll(":$", "");
        if (!f.isEmpty() && new File(f).isFile()) {
          files.add(f);
        }
      }
      files.sort(null);
      return files;
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  @Override
  public void close() throws IOException {
    owner.close();
  }
}
